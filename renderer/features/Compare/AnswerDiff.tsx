// Renderer: an answer with the words that differ from another answer marked.
import { useMemo } from "react";
import { DiffParts } from "../../components/DiffParts";
import { wordDiff } from "./wordDiff";

/** `after` as text, with words missing from `before` marked added and `before`'s own words struck. */
export function AnswerDiff({ before, after, against }: { before: string; after: string; against: string }) {
  const parts = useMemo(() => wordDiff(before, after), [before, after]);
  const changed = parts.filter((p) => p.kind !== "same").length;
  return (
    <div className="answer-diff" data-testid="variant-diff" data-changes={changed}>
      <p className="hint">{changed === 0 ? `Same words as ${against}.` : `Differences from ${against}: added words are marked, removed ones struck through.`}</p>
      <p className="variant-text" data-testid="variant-text">
        <DiffParts parts={parts} />
      </p>
    </div>
  );
}
