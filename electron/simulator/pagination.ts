// Main process (simulator): cursor pagination of list endpoints as the OpenAPI spec describes it:
// `after` (an object id), `limit` within the endpoint's bounds, and a page with has_more, first_id, last_id.
import { invalidParam } from "./apiError";

/** The limits of one list endpoint (files: 1..10,000, default 10,000; batches: 1..100, default 20). */
export interface PageBounds {
  defaultLimit: number;
  maxLimit: number;
}

/** The `limit` query parameter, checked against the endpoint's bounds (400 in the service's words otherwise). */
export function readLimit(query: URLSearchParams, bounds: PageBounds): number {
  const raw = query.get("limit");
  if (raw === null || raw === "") return bounds.defaultLimit;
  const limit = Number(raw);
  if (!Number.isInteger(limit)) throw invalidParam("limit", `Invalid 'limit': expected an integer, but got ${JSON.stringify(raw)} instead.`, "invalid_type");
  if (limit < 1) throw invalidParam("limit", `Invalid 'limit': integer below minimum value. Expected a value >= 1, but got ${limit} instead.`, "integer_below_min_value");
  if (limit > bounds.maxLimit) {
    throw invalidParam("limit", `Invalid 'limit': integer above maximum value. Expected a value <= ${bounds.maxLimit}, but got ${limit} instead.`, "integer_above_max_value");
  }
  return limit;
}

/** One page of a list response. */
export interface Page<T> {
  object: "list";
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/**
 * The page of `items` (already in the list's order) that follows the object `after` (from the
 * start when absent), holding at most `limit` items. An `after` that names no listed object
 * starts nowhere: an empty page, as a cursor past the end does. first_id and last_id are null on
 * an empty page (there is no object to name).
 */
export function paginate<T extends { id: string }>(items: readonly T[], after: string | null, limit: number): Page<T> {
  const start = after ? items.findIndex((item) => item.id === after) + 1 : 0;
  const data = after && start === 0 ? [] : items.slice(start, start + limit);
  return {
    object: "list",
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: data.length > 0 && start + data.length < items.length,
  };
}
