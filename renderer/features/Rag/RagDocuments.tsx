// Renderer: the RAG lab's documents (pasted or loaded), chunk size and overlap, and the embed step.
import { useId, useMemo, useState } from "react";
import { chunkDocuments, type Chunk } from "../../../shared/chunking";
import { useAppStore } from "../../store/appStore";
import { readPickedFiles } from "../Embeddings/readFiles";

/** The name of the pasted document. */
const PASTED = "Pasted text";

/** The preview lists this many chunks; the rest are counted. */
const PREVIEW_LIMIT = 60;

/** How many leading characters of a chunk repeat the end of the one before it (same document). */
export function overlapWithPrevious(chunk: Chunk, previous: Chunk | undefined): number {
  if (!previous || previous.source !== chunk.source || previous.end <= chunk.start) return 0;
  return Math.min(previous.end - chunk.start, chunk.text.length);
}

/** The chunks as they will be embedded, before any retrieval, with the repeated overlap marked. */
function ChunkPreview(props: { chunks: Chunk[] }) {
  if (!props.chunks.length) return null;
  const shown = props.chunks.slice(0, PREVIEW_LIMIT);
  return (
    <details className="rag-preview" open={props.chunks.length <= 12} data-testid="rag-chunk-preview">
      <summary>
        The {props.chunks.length} chunk(s) before retrieval
        <span className="hint"> (shaded text repeats the end of the chunk before)</span>
      </summary>
      <ol className="rag-chunks">
        {shown.map((chunk, i) => {
          const repeated = overlapWithPrevious(chunk, shown[i - 1]);
          return (
            <li key={chunk.index} className="rag-chunk" data-testid="rag-preview-chunk">
              <div className="rag-chunk-head hint">
                #{chunk.index + 1} · {chunk.source} · characters {chunk.start}–{chunk.end} ({chunk.text.length})
              </div>
              <span className="rag-overlap" data-testid="rag-preview-overlap">
                {chunk.text.slice(0, repeated)}
              </span>
              {chunk.text.slice(repeated)}
            </li>
          );
        })}
      </ol>
      {props.chunks.length > shown.length ? <p className="hint">…and {props.chunks.length - shown.length} more.</p> : null}
    </details>
  );
}

/** Documents in, chunks shown, chunks embedded. */
export function RagDocuments() {
  const ids = { paste: useId(), files: useId(), size: useId(), overlap: useId() };
  const rag = useAppStore((s) => s.rag);
  const setDocuments = useAppStore((s) => s.setRagDocuments);
  const setInput = useAppStore((s) => s.setRagInput);
  const index = useAppStore((s) => s.indexDocuments);
  // The documents last embedded (or put here by the welcome page's sample) come back when the view does.
  const [pasted, setPasted] = useState(() => rag.documents.find((d) => d.name === PASTED)?.text ?? "");
  const [loaded, setLoaded] = useState<{ name: string; text: string }[]>(() => rag.documents.filter((d) => d.name !== PASTED));
  const documents = useMemo(() => [...(pasted.trim() ? [{ name: PASTED, text: pasted }] : []), ...loaded], [pasted, loaded]);
  const preview = useMemo(() => {
    try {
      return { chunks: chunkDocuments(documents, rag.chunkOptions), error: null };
    } catch (err) {
      return { chunks: [], error: err instanceof Error ? err.message : String(err) };
    }
  }, [documents, rag.chunkOptions]);
  const embedding = rag.indexStatus === "embedding";

  return (
    <section className="rag-panel" aria-label="Documents">
      <h3>1. Documents</h3>
      <div className="field">
        <label htmlFor={ids.paste}>Paste text</label>
        <textarea id={ids.paste} data-testid="rag-paste" rows={7} value={pasted} onChange={(e) => setPasted(e.target.value)} />
      </div>
      <div className="row">
        <label htmlFor={ids.files}>Load .txt or .md</label>
        <input
          id={ids.files}
          type="file"
          multiple
          accept=".txt,.md,text/plain,text/markdown"
          data-testid="rag-files"
          onChange={async (e) => {
            const files = await readPickedFiles(e.target.files);
            setLoaded((current) => [...current, ...files]);
            e.target.value = "";
          }}
        />
        {loaded.length ? (
          <button type="button" className="button-quiet" onClick={() => setLoaded([])}>
            Remove {loaded.length} file(s)
          </button>
        ) : null}
        {loaded.length ? (
          <span className="hint" data-testid="rag-loaded-names">
            Loaded: {loaded.map((d) => d.name).join(", ")}
          </span>
        ) : null}
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={ids.size}>Chunk size (characters)</label>
          <input
            id={ids.size}
            type="number"
            min={20}
            data-testid="rag-chunk-size"
            value={rag.chunkOptions.size}
            onChange={(e) => setInput({ chunkOptions: { ...rag.chunkOptions, size: Number.parseInt(e.target.value, 10) || 0 } })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.overlap}>Overlap (characters)</label>
          <input
            id={ids.overlap}
            type="number"
            min={0}
            data-testid="rag-chunk-overlap"
            value={rag.chunkOptions.overlap}
            onChange={(e) => setInput({ chunkOptions: { ...rag.chunkOptions, overlap: Number.parseInt(e.target.value, 10) || 0 } })}
          />
        </div>
        <button
          type="button"
          className="button-primary"
          data-testid="rag-embed"
          disabled={embedding || !preview.chunks.length}
          onClick={() => {
            setDocuments(documents);
            void index();
          }}
        >
          {embedding ? "Embedding..." : `Embed ${preview.chunks.length} chunk(s)`}
        </button>
      </div>
      <p className="hint" data-testid="rag-chunk-summary">
        {preview.error ??
          `${documents.length} document(s) make ${preview.chunks.length} chunk(s) of at most ${rag.chunkOptions.size} characters, each repeating up to ${rag.chunkOptions.overlap} characters of the one before; chunks end at a sentence or word boundary.`}
      </p>
      <ChunkPreview chunks={preview.chunks} />
      {embedding && rag.progress ? (
        <p className="hint">
          <progress max={rag.progress.total} value={rag.progress.done} /> {rag.progress.done} of {rag.progress.total} chunks embedded
        </p>
      ) : null}
      {rag.indexStatus === "ready" && rag.index ? (
        <p className="hint" data-testid="rag-index-status">
          {rag.index.chunks.length} chunks embedded with {rag.index.model} ({rag.index.dimensions} dimensions).
        </p>
      ) : null}
    </section>
  );
}
