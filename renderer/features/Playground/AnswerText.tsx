// Renderer: answer text rendered as memoized paragraph blocks, so streaming re-renders only the tail.
import { memo, useMemo } from "react";
import { splitBlocks } from "./splitBlocks";

/** One paragraph or code block; skipped by React while its text is unchanged. */
const Block = memo(function Block({ text }: { text: string }) {
  const code = /^\s{0,3}(```|~~~)/.test(text);
  return code ? <pre className="answer-block answer-code">{text}</pre> : <p className="answer-block">{text}</p>;
});

/** The text of one choice, split into blocks; earlier blocks keep their string and do not re-render. */
export function AnswerText({ text }: { text: string }) {
  const blocks = useMemo(() => splitBlocks(text), [text]);
  return (
    <div className="answer-text mono">
      {blocks.map((block, i) => (
        <Block key={i} text={block} />
      ))}
    </div>
  );
}
