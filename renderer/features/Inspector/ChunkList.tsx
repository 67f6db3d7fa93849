// Renderer: every streamed chunk in order, with the time it arrived, each field explained on hover.
import { useState } from "react";
import type { RecordedChunk } from "../../../shared/runRecord";
import { JsonTree } from "./JsonTree";

/** Chunks shown before "show all": a long answer has thousands, and each is a small tree. */
const FIRST_SHOWN = 100;

/** The chunk list of one run. */
export function ChunkList({ chunks, dropped }: { chunks: readonly RecordedChunk[]; dropped: number }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? chunks : chunks.slice(0, FIRST_SHOWN);
  return (
    <div className="chunk-list" data-testid="inspector-chunks" data-count={chunks.length}>
      {chunks.length === 0 ? <p className="hint">No chunks arrived.</p> : null}
      <ol>
        {shown.map((chunk, i) => (
          <li key={i} className="chunk" data-testid="inspector-chunk">
            <span className="chunk-time mono" title="Milliseconds since the run started">
              +{chunk.t.toFixed(1)} ms
            </span>
            <JsonTree value={chunk.data} />
          </li>
        ))}
      </ol>
      {chunks.length > shown.length ? (
        <button type="button" className="button-quiet" onClick={() => setShowAll(true)}>
          Show all {chunks.length} chunks
        </button>
      ) : null}
      {dropped > 0 ? <p className="hint">{dropped} later chunks were not recorded (the record keeps the first {chunks.length}).</p> : null}
    </div>
  );
}
