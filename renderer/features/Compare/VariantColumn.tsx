// Renderer: one variant of a comparison: its model, temperature and full request JSON, its
// streamed answer, its figures, and how its answer differs from the first variant's.
import { NumberInput } from "../../components/NumberInput";
import { useAppStore } from "../../store/appStore";
import type { CompareVariant } from "../../store/compareSlice";
import { setNumericParam } from "../Playground/requestEdits";
import { AnswerDiff } from "./AnswerDiff";

const LETTERS = "ABCD";

/** A column of the compare view. */
export function VariantColumn({ variant, position, baseline, canRemove }: { variant: CompareVariant; position: number; baseline: CompareVariant | null; canRemove: boolean }) {
  const editVariant = useAppStore((s) => s.editVariant);
  const editVariantJson = useAppStore((s) => s.editVariantJson);
  const removeVariant = useAppStore((s) => s.removeVariant);
  const { run } = variant;
  const text = run.choices[0]?.content ?? "";
  const baselineText = baseline?.run.choices[0]?.content ?? null;
  const ended = run.status === "done" || run.status === "stopped";
  const baselineEnded = baseline?.run.status === "done" || baseline?.run.status === "stopped";
  const letter = LETTERS[position] ?? String(position + 1);
  return (
    <article className="variant" data-testid="compare-variant" data-status={run.status}>
      <header className="row">
        <h2>Variant {letter}</h2>
        <span className="spacer" />
        {canRemove ? (
          <button type="button" className="button-link" onClick={() => removeVariant(variant.id)}>
            Remove
          </button>
        ) : null}
      </header>
      <label className="variant-field">
        Model
        <input value={variant.request.model} data-testid="variant-model" onChange={(e) => editVariant(variant.id, (r) => ({ ...r, model: e.target.value }))} />
      </label>
      <label className="variant-field">
        Temperature
        <NumberInput
          id={`variant-${variant.id}-temperature`}
          value={variant.request.temperature}
          min={0}
          max={2}
          step={0.1}
          testId="variant-temperature"
          onChange={(value) => editVariant(variant.id, (r) => setNumericParam(r, "temperature", value))}
        />
      </label>
      <details>
        <summary>Whole request (JSON: messages, every parameter)</summary>
        <textarea
          className={variant.textError ? "mono invalid" : "mono"}
          rows={12}
          value={variant.requestText}
          spellCheck={false}
          data-testid="variant-json"
          onChange={(e) => editVariantJson(variant.id, e.target.value)}
        />
        {variant.textError ? <small className="field-error">{variant.textError}</small> : null}
      </details>
      <section className="variant-answer" data-testid="variant-answer" aria-live="polite">
        <p className={`answer-status status-${run.status}`}>{STATUS[run.status]}</p>
        {run.choices[0]?.toolCalls.length ? <pre className="mono">{JSON.stringify(run.choices[0].toolCalls, null, 2)}</pre> : null}
        {baseline && ended && baselineEnded && baselineText !== null ? (
          <AnswerDiff before={baselineText} after={text} against={`Variant ${LETTERS[0]}`} />
        ) : (
          <p className="variant-text" data-testid="variant-text">
            {text}
          </p>
        )}
        {run.error ? (
          <p className="field-error" role="alert">
            {run.error.message}
          </p>
        ) : null}
      </section>
      {run.metrics ? (
        <dl className="facts variant-figures" data-testid="variant-figures">
          <div>
            <dt>First token</dt>
            <dd className="mono">{run.metrics.ttftMs === null ? "n/a" : `${Math.round(run.metrics.ttftMs)} ms`}</dd>
          </div>
          <div>
            <dt>Total</dt>
            <dd className="mono">{Math.round(run.metrics.totalMs)} ms</dd>
          </div>
          <div>
            <dt>Tokens</dt>
            <dd className="mono">{run.result?.usage ? `${run.result.usage.promptTokens} in / ${run.result.usage.completionTokens} out` : "not reported"}</dd>
          </div>
          <div>
            <dt>Finish</dt>
            <dd className="mono">{run.choices.map((c) => c.finishReason ?? "none").join(", ") || "none"}</dd>
          </div>
        </dl>
      ) : null}
    </article>
  );
}

const STATUS: Record<CompareVariant["run"]["status"], string> = {
  idle: "Not run yet.",
  streaming: "Streaming...",
  done: "Done",
  stopped: "Stopped: partial answer.",
  failed: "Failed",
};
