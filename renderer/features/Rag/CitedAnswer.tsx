// Renderer: an answer with its citations as links to the retrieved chunks they name.
import { splitCitations } from "../../../shared/rag";

/** The anchor id of retrieved chunk n (1-based). */
export const chunkAnchor = (n: number) => `rag-chunk-${n}`;

/** The answer text; each [n] links to chunk n, or is marked when no chunk n was retrieved. */
export function CitedAnswer(props: { text: string; retrievedCount: number; onCite: (n: number) => void }) {
  return (
    <p className="answer-block" data-testid="rag-answer-text">
      {splitCitations(props.text).map((segment, i) =>
        segment.kind === "text" ? (
          <span key={i}>{segment.text}</span>
        ) : segment.n >= 1 && segment.n <= props.retrievedCount ? (
          <a
            key={i}
            href={`#${chunkAnchor(segment.n)}`}
            className="rag-cite"
            data-testid="rag-citation"
            data-chunk={segment.n}
            onClick={(e) => {
              e.preventDefault();
              props.onCite(segment.n);
            }}
          >
            [{segment.n}]
          </a>
        ) : (
          <mark key={i} className="rag-cite-invalid" data-testid="rag-citation-invalid" title="No retrieved chunk has this number">
            [{segment.n}]
          </mark>
        ),
      )}
    </p>
  );
}
