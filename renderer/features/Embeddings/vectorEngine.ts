// Renderer (vector worker): answers the worker's requests with the shared vector maths. Pure apart
// from `post`, so it is tested in Node; vectorWorker.ts plugs it into the worker's message port.
import { createKeywordIndex, type KeywordIndex } from "../../../shared/keywordSearch";
import { toSimdRows } from "../../../shared/simdKernel";
import { matrixFiller, normalizeRows, pca2d, rowCount, searchTopK } from "../../../shared/vectors";
import type { VectorReply, VectorRequest } from "./vectorProtocol";

/** Rows per matrix block: each block row is computed, sent and followed by a pause for other requests. */
export const MATRIX_BLOCK = 64;

/** The engine: the loaded vectors (normalised, so dot products are cosines) and a keyword index. */
export interface VectorEngine {
  handle(request: VectorRequest): Promise<void>;
}

/**
 * Creates the engine. `post` sends a reply (with buffers to transfer); `pause` lets other requests
 * in between matrix block rows (a macrotask in the worker), so a search is not stuck behind a matrix.
 */
export function createVectorEngine(
  post: (reply: VectorReply, transfer?: Transferable[]) => void,
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): VectorEngine {
  let data: Float32Array = new Float32Array(0);
  let dims = 1;
  let keywords: KeywordIndex = createKeywordIndex([]);
  // Bumped by each load: a matrix still being computed for older vectors stops.
  let generation = 0;

  const count = () => data.length / dims;
  const checkIndex = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= count()) throw new Error(`there is no text number ${index}`);
  };

  const matrix = async (id: number, limit: number): Promise<void> => {
    const mine = generation;
    const size = Math.min(count(), Math.max(0, Math.floor(limit)));
    const rows = data.subarray(0, size * dims);
    const out = new Float32Array(size * size);
    const fill = matrixFiller(rows, dims);
    for (let from = 0; from < size; from += MATRIX_BLOCK) {
      const to = Math.min(size, from + MATRIX_BLOCK);
      fill(out, from, to, MATRIX_BLOCK);
      const values = out.slice(from * size, to * size);
      post({ id, type: "rows", from, to, count: size, values }, [values.buffer]);
      await pause();
      if (generation !== mine) throw new Error("the texts changed before the matrix was complete");
    }
    post({ id, type: "done", result: { count: size } });
  };

  const answer = async (request: VectorRequest): Promise<void> => {
    switch (request.type) {
      case "load": {
        rowCount(request.vectors, request.dims);
        if (request.vectors.length / request.dims !== request.texts.length) {
          throw new Error(`${request.texts.length} texts but ${request.vectors.length / request.dims} vectors`);
        }
        generation += 1;
        // Copied once into the SIMD kernel's memory, so every search and neighbour lookup scans
        // it in place (searchTopK picks the kernel for such rows).
        data = toSimdRows(request.vectors, request.dims);
        dims = request.dims;
        normalizeRows(data, dims);
        keywords = createKeywordIndex(request.texts);
        return post({ id: request.id, type: "done", result: { count: count() } });
      }
      case "matrix":
        return matrix(request.id, request.limit);
      case "neighbours":
        checkIndex(request.index);
        return post({ id: request.id, type: "done", result: searchTopK(data, dims, data.slice(request.index * dims, (request.index + 1) * dims), request.k, request.index) });
      case "search": {
        const query = Float32Array.from(request.query);
        normalizeRows(query, query.length || 1);
        return post({ id: request.id, type: "done", result: searchTopK(data, dims, query, request.k) });
      }
      case "keyword":
        return post({ id: request.id, type: "done", result: keywords.search(request.query, request.k) });
      case "pca":
        return post({ id: request.id, type: "done", result: pca2d(data, dims) });
    }
  };

  return {
    async handle(request) {
      try {
        await answer(request);
      } catch (err) {
        post({ id: request.id, type: "error", message: err instanceof Error ? err.message : String(err) });
      }
    },
  };
}
