// Renderer: the attack library with the last run of each: the untrusted text, the messages sent,
// the answer as the model gave it and as the customer sees it, tool calls and the verdict.
import { ATTACKS } from "../../../shared/injectionLab";
import { useAppStore } from "../../store/appStore";

/** One expandable entry per attack. */
export function AttackList() {
  const runs = useAppStore((s) => s.injection.runs);
  return (
    <section className="attack-list">
      <h3>Attack library ({ATTACKS.length})</h3>
      {ATTACKS.map((attack) => {
        const run = runs[attack.id];
        return (
          <details key={attack.id} className="attack" data-testid="attack" data-attack={attack.id} data-outcome={run?.verdict?.outcome ?? run?.status ?? "not-run"}>
            <summary>
              <strong>{attack.name}</strong> <span className="tag">via {attack.channel === "user" ? "the customer's message" : "a retrieved document"}</span>{" "}
              {run?.verdict ? <span className={`tag outcome-${run.verdict.outcome}`}>{run.verdict.outcome}</span> : run ? <span className="tag">{run.status}</span> : null}
            </summary>
            <p className="hint">{attack.idea}</p>
            <pre className="mono attack-text">{attack.text}</pre>
            {run ? (
              <div className="attack-run">
                <h4>Messages sent</h4>
                {run.request.messages.map((m, i) => (
                  <pre key={i} className={`mono message-sent role-${m.role}`}>
                    <strong>{m.role}</strong>: {m.content}
                  </pre>
                ))}
                {run.error ? <p className="field-error">{run.error}</p> : null}
                {run.verdict ? (
                  <>
                    <h4>Verdict</h4>
                    <p data-testid="attack-summary">{run.verdict.summary}</p>
                    <h4>The model answered</h4>
                    <pre className="mono attack-answer">{run.content || "(no text)"}</pre>
                    <h4>The customer sees</h4>
                    <pre className="mono attack-answer">{run.verdict.shownText || "(no text)"}</pre>
                    {run.verdict.toolCalls.map((call, i) => (
                      <p key={i} className="tool-call">
                        <span className="tag">tool call</span> <code>{call.name}</code> <code className="mono">{call.arguments}</code> <strong>{call.why}</strong>
                      </p>
                    ))}
                  </>
                ) : null}
              </div>
            ) : null}
          </details>
        );
      })}
    </section>
  );
}
