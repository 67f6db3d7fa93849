// Renderer: the verdict on each answer of a run that asked for JSON: passed, the violations with
// their JSON paths, or the model's refusal.
import { useAppStore } from "../../store/appStore";
import type { AnswerCheck } from "../../store/structuredSlice";

/** One line per answer; nothing for plain-text runs. */
export function OutputCheckPanel() {
  const checks = useAppStore((s) => s.outputChecks);
  if (!checks) return null;
  const against = checks.kind === "json_schema" ? `the schema "${checks.schemaName ?? ""}"` : "JSON mode (any JSON object)";
  return (
    <section className="output-checks" aria-label="Answer validation" data-testid="output-checks">
      <h3>Validation against {against}</h3>
      {checks.answers.map((answer) => (
        <AnswerVerdict key={answer.index} answer={answer} many={checks.answers.length > 1} />
      ))}
    </section>
  );
}

function verdictOf(answer: AnswerCheck): "checking" | "refusal" | "pass" | "fail" {
  if (answer.refusal !== null) return "refusal";
  if (answer.status === "checking" || !answer.check) return "checking";
  return answer.check.ok ? "pass" : "fail";
}

function AnswerVerdict({ answer, many }: { answer: AnswerCheck; many: boolean }) {
  const verdict = verdictOf(answer);
  const who = many ? `Choice ${answer.index + 1}: ` : "";
  return (
    <div className={`output-check verdict-${verdict}`} data-testid="output-check" data-result={verdict}>
      {verdict === "checking" ? <p>{who}checking...</p> : null}
      {verdict === "pass" ? <p>{who}Valid: the answer parses and matches the schema.</p> : null}
      {verdict === "refusal" ? (
        <p>
          {who}Refusal: the model declined, and said so in <code>message.refusal</code> instead of answering: “{answer.refusal}”
        </p>
      ) : null}
      {verdict === "fail" ? (
        <>
          <p>
            {who}
            {answer.check?.parsed ? "Invalid: the answer breaks the schema." : "Invalid: the answer is not JSON."}
          </p>
          <ul data-testid="output-check-errors">
            {answer.check?.errors.map((e, i) => (
              <li key={i}>
                <code>{e.path}</code> {e.message.startsWith(e.path) ? e.message.slice(e.path.length).trim() : e.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
