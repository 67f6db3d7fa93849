// Renderer: the text of one answer: rendered Markdown (or a foldable JSON tree when the answer is
// JSON), or the raw text, with a toggle. Rendering is by blocks, so streaming re-renders only the tail.
import { useState } from "react";
import { JsonTree, parseJsonAnswer } from "../../components/JsonTree";
import { RichText } from "../../components/markdown/RichText";

/** How an answer is shown. */
type AnswerMode = "rendered" | "raw";

/** The text of one choice. */
export function AnswerText({ text }: { text: string }) {
  const [mode, setMode] = useState<AnswerMode>("rendered");
  // Only whole JSON is a tree: a streaming JSON answer is shown as text until it parses.
  const json = mode === "rendered" ? parseJsonAnswer(text) : undefined;
  if (!text) return null;
  return (
    <div className="answer-body">
      <div className="answer-mode" role="group" aria-label="Show the answer as">
        {(["rendered", "raw"] as const).map((m) => (
          <button key={m} type="button" className="button-quiet" aria-pressed={mode === m} data-testid={`answer-mode-${m}`} onClick={() => setMode(m)}>
            {m === "rendered" ? (json !== undefined ? "Tree" : "Rendered") : "Raw"}
          </button>
        ))}
      </div>
      {mode === "raw" ? (
        <pre className="answer-text answer-raw mono" data-testid="answer-raw">
          {text}
        </pre>
      ) : json !== undefined ? (
        <JsonTree value={json} />
      ) : (
        <RichText text={text} testId="answer-rendered" />
      )}
    </div>
  );
}
