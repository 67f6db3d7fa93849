// Renderer: what to run over the dataset: prompt versions (the playground now, saved experiment
// versions), concurrency, cache, and direct or Batch API; kept in the store while the user is elsewhere.
import { useEffect, useState } from "react";
import { MAX_SAVED_VARIANTS, type EvalSettings, type EvalVariant } from "../../../shared/evals";
import { missingVariables } from "../../../shared/template";
import { useAppStore } from "../../store/appStore";
import { useRunKey } from "../../shell/useRunKey";

/** The run setup panel. */
export function RunSetup() {
  const dataset = useAppStore((s) => s.evals.dataset);
  const request = useAppStore((s) => s.request);
  const activeId = useAppStore((s) => s.activeId);
  const experiments = useAppStore((s) => s.experiments.list);
  const loadExperiments = useAppStore((s) => s.loadExperiments);
  const experimentVariant = useAppStore((s) => s.experimentVariant);
  const startEval = useAppStore((s) => s.startEval);
  const running = useAppStore((s) => s.evals.run?.status === "running");
  // The choices live in the store, so they are still there after a visit to another view.
  const { usePlayground, saved, settings } = useAppStore((s) => s.evals.setup);
  const setEvalSetup = useAppStore((s) => s.setEvalSetup);
  const addEvalVariant = useAppStore((s) => s.addEvalVariant);
  const removeEvalVariant = useAppStore((s) => s.removeEvalVariant);
  const setUsePlayground = (value: boolean) => setEvalSetup({ usePlayground: value });
  const setSettings = (value: EvalSettings) => setEvalSetup({ settings: value });
  const [pick, setPick] = useState("");
  const [pickVersion, setPickVersion] = useState(1);

  useEffect(() => {
    void loadExperiments();
  }, [loadExperiments]);

  const variants: EvalVariant[] = [...(usePlayground ? [{ label: "Playground", profileId: activeId, request }] : []), ...saved];
  const firstCase = dataset?.cases[0]?.vars ?? {};
  const missing = [...new Set(variants.flatMap((v) => missingVariables(v.request, firstCase)))];
  const chosen = experiments.find((e) => e.id === pick);
  useRunKey(() => void startEval(variants, settings), Boolean(dataset) && variants.length > 0 && !running);

  return (
    <section className="evals-panel" data-testid="run-setup">
      <h2>Run</h2>
      <label className="row">
        <input type="checkbox" checked={usePlayground} onChange={(e) => setUsePlayground(e.target.checked)} data-testid="variant-playground" /> The playground as it is now ({request.model})
      </label>
      {saved.map((v) => (
        <div key={v.label} className="row" data-testid="variant-saved">
          <span>{v.label}</span>
          <button type="button" className="button-quiet" aria-label={`Remove ${v.label}`} onClick={() => removeEvalVariant(v.label)}>
            Remove
          </button>
        </div>
      ))}
      <div className="evals-actions">
        <label className="field">
          Add a saved experiment
          <select value={pick} onChange={(e) => setPick(e.target.value)} data-testid="variant-experiment">
            <option value="">choose…</option>
            {experiments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        {chosen ? (
          <label className="field">
            Version
            <select value={pickVersion} onChange={(e) => setPickVersion(Number(e.target.value))} data-testid="variant-version">
              {Array.from({ length: chosen.versionCount }, (_, i) => i + 1).map((v) => (
                <option key={v} value={v}>
                  v{v}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button
          type="button"
          className="button-quiet"
          disabled={!chosen || saved.length >= MAX_SAVED_VARIANTS}
          data-testid="variant-add"
          onClick={async () => {
            const variant = chosen ? await experimentVariant(chosen.id, pickVersion) : null;
            if (variant) addEvalVariant(variant);
          }}
        >
          Add version
        </button>
      </div>
      <div className="evals-actions">
        <label className="field">
          Concurrency
          <input type="number" min={1} max={64} value={settings.concurrency} data-testid="eval-concurrency" onChange={(e) => setSettings({ ...settings, concurrency: Math.min(64, Math.max(1, Number(e.target.value) || 1)) })} />
        </label>
        <label className="row">
          <input type="checkbox" checked={settings.cache} onChange={(e) => setSettings({ ...settings, cache: e.target.checked })} data-testid="eval-cache" /> Answer identical requests from the cache
        </label>
        <label className="field">
          Send
          <select value={settings.mode} onChange={(e) => setSettings({ ...settings, mode: e.target.value as EvalSettings["mode"] })} data-testid="eval-mode">
            <option value="direct">one request per case</option>
            <option value="batch">through the Batch API (half price, slower)</option>
          </select>
        </label>
      </div>
      {missing.length ? <p className="field-error">The dataset has no column for {missing.map((m) => `{{${m}}}`).join(", ")}: those stay as written.</p> : null}
      <button type="button" className="button-primary" data-testid="eval-start" disabled={!dataset || variants.length === 0 || running} onClick={() => void startEval(variants, settings)}>
        Run {variants.length} version{variants.length === 1 ? "" : "s"} over {dataset?.cases.length ?? 0} cases
      </button>
    </section>
  );
}
