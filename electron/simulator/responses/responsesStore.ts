// Main process (simulator): stored responses (store: true), what they carry into the next turn
// (previous_response_id), background runs (queued, then in_progress, then done, read by polling),
// cancelling, deleting and listing input items.
import { ApiError, invalidParam } from "../apiError";
import { responseObject, type ResponseState } from "./responsesBodies";
import type { ContextMessage, InputItemResource, ResponsesRequest } from "./responsesInput";

type Json = Record<string, unknown>;

/** One stored response. */
export interface StoredResponse {
  request: ResponsesRequest;
  state: ResponseState;
  /** When it was created, ms on the performance clock (background progress is read from it). */
  startedMs: number;
  /** The conversation so far, this turn's answer included, without instructions (they are not carried over). */
  context: ContextMessage[];
  /** Every function call id made in the conversation, so a later function_call_output can answer one. */
  callIds: Set<string>;
  cancelled: boolean;
}

/** Responses kept at most; the oldest go first (the simulator runs for a session, not for 30 days). */
const MAX_STORED = 1_000;

function notFound(id: string): ApiError {
  return new ApiError(404, `Response with id '${id}' not found.`, { param: null, code: null });
}

/** The stored responses of one simulator. */
export class SimResponses {
  private readonly stored = new Map<string, StoredResponse>();
  /** Every item of the stored responses (input and output) by id, for item_reference. */
  private readonly items = new Map<string, { responseId: string; item: Json }>();

  /** `backgroundDelayMs`: how long a background response stays queued, then in progress, in all. */
  constructor(private readonly backgroundDelayMs: number) {}

  /** Keeps a response (store: true). */
  save(record: StoredResponse): void {
    this.stored.set(record.state.id, record);
    const output = record.state.outcome?.items.map((i) => i.item) ?? [];
    for (const item of [...record.request.inputItems, ...output]) this.items.set(String(item.id), { responseId: record.state.id, item });
    if (this.stored.size > MAX_STORED) {
      const oldest = this.stored.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
  }

  /** Drops a response and its items. */
  private forget(id: string): void {
    this.stored.delete(id);
    for (const [itemId, entry] of this.items) if (entry.responseId === id) this.items.delete(itemId);
  }

  /** An item of a stored response by id (item_reference), or null. */
  item(id: string): Json | null {
    return this.items.get(id)?.item ?? null;
  }

  /** What a previous response carries into the next turn; 400 previous_response_not_found when unknown. */
  context(previousId: string): { messages: ContextMessage[]; callIds: ReadonlySet<string> } {
    const record = this.stored.get(previousId);
    if (!record) {
      throw invalidParam("previous_response_id", `Previous response with id '${previousId}' not found.`, "previous_response_not_found");
    }
    return { messages: record.context, callIds: record.callIds };
  }

  /** The state a stored response is in now: a background run moves on with time unless cancelled. */
  private current(record: StoredResponse): ResponseState {
    if (!record.request.background || record.cancelled || record.state.status === "failed") return record.state;
    const elapsed = performance.now() - record.startedMs;
    if (elapsed >= this.backgroundDelayMs) return record.state;
    return { ...record.state, status: elapsed < this.backgroundDelayMs / 2 ? "queued" : "in_progress" };
  }

  private find(id: string): StoredResponse {
    const record = this.stored.get(id);
    if (!record) throw notFound(id);
    return record;
  }

  /** GET /v1/responses/{id}. */
  retrieve(id: string): Json {
    const record = this.find(id);
    return responseObject(record.request, this.current(record));
  }

  /** The Response object a background create answers with: queued. */
  queued(record: StoredResponse): Json {
    return responseObject(record.request, { ...record.state, status: "queued" });
  }

  /** DELETE /v1/responses/{id}. */
  delete(id: string): Json {
    this.find(id);
    this.forget(id);
    return { id, object: "response", deleted: true };
  }

  /**
   * POST /v1/responses/{id}/cancel: a background response still queued or in progress becomes
   * cancelled; one already finished is returned as it is. Only background responses can be cancelled.
   */
  cancel(id: string): Json {
    const record = this.find(id);
    if (!record.request.background) throw new ApiError(400, "Only responses created with background set to true can be cancelled.", { param: null, code: null });
    const now = this.current(record);
    if (now.status === "queued" || now.status === "in_progress") {
      record.cancelled = true;
      record.state = { ...record.state, status: "cancelled", outcome: null };
    }
    return responseObject(record.request, this.current(record));
  }

  /** GET /v1/responses/{id}/input_items with limit, order (default desc) and after. */
  inputItems(id: string, query: URLSearchParams): Json {
    const record = this.find(id);
    const limitText = query.get("limit");
    const limit = limitText === null ? 20 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw invalidParam("limit", `Invalid 'limit': expected an integer from 1 to 100, but got ${limitText} instead.`);
    }
    const order = query.get("order") ?? "desc";
    if (order !== "asc" && order !== "desc") throw invalidParam("order", `Invalid value: '${order}'. Supported values are: 'asc' and 'desc'.`);
    let items: InputItemResource[] = order === "desc" ? [...record.request.inputItems].reverse() : [...record.request.inputItems];
    const after = query.get("after");
    if (after !== null) {
      const at = items.findIndex((item) => item.id === after);
      if (at < 0) throw invalidParam("after", `Invalid 'after': no input item with id '${after}' in this response.`);
      items = items.slice(at + 1);
    }
    const page = items.slice(0, limit);
    return { object: "list", data: page, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null, has_more: items.length > page.length };
  }
}
