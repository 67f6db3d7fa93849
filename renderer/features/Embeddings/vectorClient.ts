// Renderer: the page's side of the vector worker: one promise per request, matrix rows as they come.
import type { KeywordHit } from "../../../shared/keywordSearch";
import type { Projection, Scored } from "../../../shared/vectors";
import type { VectorReply, VectorRequest, VectorResults } from "./vectorProtocol";

/** What the client needs of a worker (a real Worker, or a test's in-process pair). */
export interface WorkerPort {
  postMessage(message: VectorRequest, transfer?: Transferable[]): void;
  onmessage: ((event: { data: VectorReply }) => void) | null;
  terminate(): void;
}

/** Rows [from, to) of a count x count matrix, now final. */
export type MatrixRows = (from: number, to: number, count: number, values: Float32Array) => void;

/** The vector worker as promises. */
export interface VectorClient {
  /** Loads vectors (count x dims, the buffer is transferred) and their texts for keyword search. */
  load(vectors: Float32Array, dims: number, texts: string[]): Promise<{ count: number }>;
  /** The cosine matrix of the first `limit` texts; `onRows` receives it block row by block row. */
  matrix(limit: number, onRows: MatrixRows): Promise<{ count: number }>;
  neighbours(index: number, k: number): Promise<Scored[]>;
  /** Semantic search: the texts closest to a query vector. */
  search(query: Float32Array, k: number): Promise<Scored[]>;
  /** BM25 keyword search over the same texts. */
  keyword(query: string, k: number): Promise<KeywordHit[]>;
  pca(): Promise<Projection>;
  dispose(): void;
}

type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void; onRows?: MatrixRows };
type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** Wraps a worker port. Requests still pending when it is disposed reject. */
export function createVectorClient(port: WorkerPort): VectorClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  port.onmessage = ({ data: reply }) => {
    const entry = pending.get(reply.id);
    if (!entry) return;
    if (reply.type === "rows") return entry.onRows?.(reply.from, reply.to, reply.count, reply.values);
    pending.delete(reply.id);
    if (reply.type === "done") entry.resolve(reply.result);
    else entry.reject(new Error(reply.message));
  };
  const send = <K extends keyof VectorResults>(request: WithoutId<VectorRequest> & { type: K }, transfer: Transferable[] = [], onRows?: MatrixRows) =>
    new Promise<VectorResults[K]>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onRows });
      port.postMessage({ ...request, id } as VectorRequest, transfer);
    });
  return {
    load: (vectors, dims, texts) => send({ type: "load", vectors, dims, texts }, [vectors.buffer]),
    matrix: (limit, onRows) => send({ type: "matrix", limit }, [], onRows),
    neighbours: (index, k) => send({ type: "neighbours", index, k }),
    search: (query, k) => send({ type: "search", query, k }),
    keyword: (query, k) => send({ type: "keyword", query, k }),
    pca: () => send({ type: "pca" }),
    dispose() {
      port.terminate();
      for (const entry of pending.values()) entry.reject(new Error("the vector worker was stopped"));
      pending.clear();
    },
  };
}

/** Starts the real worker (bundled by Vite from vectorWorker.ts). */
export function startVectorWorker(): VectorClient {
  const worker = new Worker(new URL("./vectorWorker.ts", import.meta.url), { type: "module" });
  return createVectorClient(worker as unknown as WorkerPort);
}
