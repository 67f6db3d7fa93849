// Renderer: safety beside the answer: the run's input and output moderation verdicts, "show anyway"
// for a withheld answer, and the answer with placeholders restored locally.
import { restorePlaceholders } from "../../../shared/redaction";
import { useAppStore } from "../../store/appStore";
import { selectOutputWithheld } from "../../store/safetySlice";
import { ModerationTable } from "./ModerationTable";
import "./safety.css";

/** Shown under the answer when the current run was moderated or redacted. */
export function SafetyAnswer() {
  const safety = useAppStore((s) => s.safety);
  const run = useAppStore((s) => s.run);
  const withheld = useAppStore(selectOutputWithheld);
  const showAnyway = useAppStore((s) => s.showAnyway);
  if (safety.runId !== run.runId || !run.runId) return null;
  const outputModerationOn = safety.settings?.moderation.output ?? false;
  const restored = safety.replacements.length
    ? run.choices.map((c) => ({ index: c.index, text: restorePlaceholders(c.content, safety.replacements), changed: /\[[A-Z][A-Z0-9_]*_\d+\]/.test(c.content) }))
    : [];
  return (
    <div className="safety-answer" data-testid="safety-answer">
      {safety.input ? (
        <section>
          <h4>Input moderation</h4>
          {safety.input.error ? <p className="field-error">{safety.input.error}</p> : null}
          {safety.input.verdict ? <ModerationTable verdict={safety.input.verdict} testId="moderation-input" /> : null}
        </section>
      ) : null}
      {run.status === "streaming" && outputModerationOn ? (
        <p className="hint" data-testid="output-moderation-pending">
          Output moderation is on: the answer is shown once it has been checked.
        </p>
      ) : null}
      {safety.output ? (
        <section>
          <h4>Output moderation</h4>
          {safety.output.error ? <p className="field-error">{safety.output.error}</p> : null}
          {safety.output.verdict ? <ModerationTable verdict={safety.output.verdict} testId="moderation-output" /> : null}
          {withheld ? (
            <div className="output-withheld" data-testid="output-withheld" role="alert">
              <p>The answer is withheld because moderation flagged it{safety.output.error ? " or could not check it" : ""}.</p>
              <button type="button" data-testid="show-anyway" onClick={showAnyway}>
                Show anyway
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
      {!withheld && restored.some((r) => r.changed) ? (
        <section data-testid="restored-answer">
          <h4>Answer with placeholders restored</h4>
          <p className="hint">Restored on this machine from the request you wrote; the values were never sent.</p>
          {restored.map((r) => (
            <p key={r.index} className="answer-block">
              {r.text}
            </p>
          ))}
        </section>
      ) : null}
    </div>
  );
}
