// Renderer: the messages between the page and the vector worker (the numeric work runs off the UI thread).
import type { KeywordHit } from "../../../shared/keywordSearch";
import type { Projection, Scored } from "../../../shared/vectors";

/** A request to the worker; `id` pairs it with its replies. */
export type VectorRequest =
  | { id: number; type: "load"; vectors: Float32Array; dims: number; texts: string[] }
  | { id: number; type: "matrix"; limit: number }
  | { id: number; type: "neighbours"; index: number; k: number }
  | { id: number; type: "search"; query: Float32Array; k: number }
  | { id: number; type: "keyword"; query: string; k: number }
  | { id: number; type: "pca" };

/** What each request resolves with. */
export interface VectorResults {
  load: { count: number };
  matrix: { count: number };
  neighbours: Scored[];
  search: Scored[];
  keyword: KeywordHit[];
  pca: Projection;
}

/** A reply: the final result, an error, or (for a matrix) rows that are complete. */
export type VectorReply =
  | { id: number; type: "done"; result: VectorResults[keyof VectorResults] }
  | { id: number; type: "error"; message: string }
  | { id: number; type: "rows"; from: number; to: number; count: number; values: Float32Array };
