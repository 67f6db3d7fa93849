// Renderer: the compare view: variants of the playground's request side by side, and variance
// (one request run many times per temperature).
import { useEffect } from "react";
import { appStore, useAppStore } from "../../store/appStore";
import { MAX_VARIANTS } from "../../store/compareSlice";
import { useRunKey } from "../../shell/useRunKey";
import { VariancePanel } from "./VariancePanel";
import { VariantColumn } from "./VariantColumn";
import "./compare.css";

/** Compare and variance. */
export function Compare() {
  const variants = useAppStore((s) => s.variants);
  const resetVariants = useAppStore((s) => s.resetVariants);
  const addVariant = useAppStore((s) => s.addVariant);
  const runVariants = useAppStore((s) => s.runVariants);
  const stopVariants = useAppStore((s) => s.stopVariants);
  // The first visit starts from the playground's request; later visits keep the variants.
  useEffect(() => {
    if (appStore.getState().variants.length === 0) resetVariants();
  }, [resetVariants]);
  const running = variants.some((v) => v.run.status === "streaming");
  useRunKey(() => void runVariants(), !running);
  const baseline = variants[0];
  return (
    <div className="compare">
      <h1>Compare</h1>
      <p className="hint">
        Two to four variants of the playground&apos;s request, run in parallel on the active profile. Change the model, a parameter or the messages in each; the
        differences from the first variant&apos;s answer are marked word by word.
      </p>
      <div className="row compare-actions">
        <button type="button" className="button-primary" data-testid="compare-run" disabled={running} onClick={() => void runVariants()}>
          Run all
        </button>
        <button type="button" data-testid="compare-stop" disabled={!running} onClick={() => void stopVariants()}>
          Stop all
        </button>
        <button type="button" data-testid="compare-add" disabled={running || variants.length >= MAX_VARIANTS} onClick={addVariant}>
          Add a variant
        </button>
        <button type="button" className="button-quiet" disabled={running} onClick={resetVariants}>
          Start again from the playground
        </button>
      </div>
      <div className="compare-columns" style={{ gridTemplateColumns: `repeat(${Math.max(variants.length, 1)}, minmax(0, 1fr))` }}>
        {variants.map((variant, i) => (
          <VariantColumn key={variant.id} variant={variant} position={i} baseline={i === 0 ? null : (baseline ?? null)} canRemove={variants.length > 2 && !running} />
        ))}
      </div>
      <VariancePanel />
    </div>
  );
}
