// Renderer: word-diff fragments as text, added words marked and removed ones struck through.
import type { DiffPart } from "../features/Compare/wordDiff";

/** Renders the output of `wordDiff` inline; the caller supplies the container (p, pre...). */
export function DiffParts({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.kind === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === "added" ? (
          <ins key={i} className="diff-added">
            {part.text}
          </ins>
        ) : (
          <del key={i} className="diff-removed">
            {part.text}
          </del>
        ),
      )}
    </>
  );
}
