// Renderer: the retrieved chunks with scores, the grounded prompt, both answers side by side, the checks.
import { useState } from "react";
import type { RagAnswer } from "../../store/ragSlice";
import { useAppStore } from "../../store/appStore";
import { chunkAnchor, CitedAnswer } from "./CitedAnswer";

function AnswerColumn(props: { title: string; testId: string; answer: RagAnswer | null; cited: boolean; retrievedCount: number; onCite: (n: number) => void }) {
  const { answer } = props;
  const text = answer?.result?.choices[0]?.content ?? "";
  const simulated = answer?.result?.provider.kind === "simulator";
  return (
    <div className="rag-answer" data-testid={props.testId}>
      <h4>
        {props.title}
        {simulated ? <span className="tag tag-simulated">simulated</span> : answer?.result ? <span className="tag">{answer.result.provider.profileName}</span> : null}
      </h4>
      {!answer ? <p className="hint">Waiting for the answer...</p> : null}
      {answer?.error ? <p className="field-error">{answer.error.message}</p> : null}
      {answer?.result ? (
        props.cited ? <CitedAnswer text={text} retrievedCount={props.retrievedCount} onCite={props.onCite} /> : <p className="answer-block" data-testid="rag-answer-text">{text}</p>
      ) : null}
      {answer ? (
        <details>
          <summary>Prompt sent</summary>
          <pre className="rag-prompt mono" data-testid={`${props.testId}-prompt`}>
            {answer.request.messages.map((m) => `${m.role}: ${m.content ?? ""}`).join("\n\n")}
          </pre>
        </details>
      ) : null}
    </div>
  );
}

/** Everything after Ask. */
export function RagResults() {
  const rag = useAppStore((s) => s.rag);
  const [highlight, setHighlight] = useState<number | null>(null);
  const onCite = (n: number) => {
    setHighlight(n);
    document.getElementById(chunkAnchor(n))?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  };
  if (rag.askStatus === "idle") return null;
  return (
    <div data-testid="rag-results" data-status={rag.askStatus} data-asked={rag.asked}>
      {rag.retrieved.length ? (
        <section className="rag-panel" aria-label="Retrieved chunks">
          <h3>3. Retrieved chunks (top {rag.retrieved.length})</h3>
          <ol className="rag-chunks" data-testid="rag-retrieved">
            {rag.retrieved.map((r, i) => (
              <li key={r.chunk.index} id={chunkAnchor(i + 1)} className={highlight === i + 1 ? "rag-chunk rag-chunk-highlight" : "rag-chunk"} data-testid="rag-chunk">
                <div className="rag-chunk-head">
                  <strong>[{i + 1}]</strong> <span className="mono">cosine {r.score.toFixed(3)}</span> <span className="hint">{r.chunk.source}, characters {r.chunk.start}-{r.chunk.end}</span>
                </div>
                <div>{r.chunk.text}</div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {rag.askStatus === "answering" || rag.grounded || rag.plain ? (
        <section className="rag-panel" aria-label="Answers">
          <h3>4. The same question, with and without retrieval</h3>
          <div className="rag-columns">
            <AnswerColumn title="With retrieval (grounded)" testId="rag-grounded" answer={rag.grounded} cited retrievedCount={rag.retrieved.length} onCite={onCite} />
            <AnswerColumn title="Without retrieval" testId="rag-plain" answer={rag.plain} cited={false} retrievedCount={0} onCite={onCite} />
          </div>
        </section>
      ) : null}
      {rag.report ? (
        <section className="rag-panel" aria-label="Checks">
          <h3>5. Checks of the grounded answer</h3>
          <ul className="rag-checks" data-testid="rag-checks">
            {rag.report.checks.map((check) => (
              <li key={check.id} data-testid={`rag-check-${check.id}`} data-ok={check.ok ? "true" : "false"} className={check.ok ? "rag-check-ok" : "rag-check-bad"}>
                <strong>{check.ok ? "Pass" : "Fail"}</strong> {check.label}: {check.detail}
              </li>
            ))}
          </ul>
          <p className="hint">
            Whether the answer is present is a keyword estimate (half of the question's words in one retrieved chunk); it can be fooled by synonyms.
          </p>
        </section>
      ) : null}
    </div>
  );
}
