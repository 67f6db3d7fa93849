// Main process (simulator): the Responses API's front door (POST /v1/responses and
// /v1/responses/input_tokens): the request is translated to a chat body, answered by the shared
// planner, and delivered as a Response object or its typed event stream.
import { randomBytes } from "node:crypto";
import { invalidParam, type ApiError } from "../apiError";
import { parseChatParams } from "../chatParams";
import { NOTE_HEADER, planChat, type ChatPlan } from "../chatPlan";
import { deliverJson, deliverStream } from "../deliver";
import type { DeliveryFailure } from "../failures";
import { promptPrefixText, type PromptCache } from "../promptCache";
import type { Exchange } from "../respond";
import type { SeedSource } from "../random";
import { outcomeOf, reasoningTokens, responseObject, type ResponseOutcome, type ResponseState } from "./responsesBodies";
import { failedEvents, responseEvents } from "./responsesEvents";
import { parseResponsesRequest, type ResponsesRequest } from "./responsesInput";
import type { SimResponses, StoredResponse } from "./responsesStore";

type Json = Record<string, unknown>;

/** What the door needs from the running simulator. */
export interface ResponsesDeps {
  responses: SimResponses;
  cache: PromptCache;
  /** Fresh randomness for runs without a seed. */
  seeds: SeedSource;
  tokenDelayMs: number;
  /** Refuses a request the enforced rate limits do not admit (throws the 429). */
  admit(tokens: number, model: string): void;
}

/** A fresh response id in the service's style. */
function responseId(): string {
  return `resp_${randomBytes(24).toString("hex")}`;
}

/** The request, validated against the previous response's context when it names one. */
function parse(body: unknown, deps: Pick<ResponsesDeps, "responses">): ResponsesRequest {
  const previous = typeof body === "object" && body !== null ? (body as Json).previous_response_id : undefined;
  const context = typeof previous === "string" ? deps.responses.context(previous) : null;
  return parseResponsesRequest(body, context, (id) => deps.responses.item(id));
}

/**
 * The planner's answer. max_output_tokens counts reasoning tokens too, so the text gets what the
 * simulated reasoning leaves; with nothing left the plan's answer is dropped (null), as when a real
 * model spends its whole budget reasoning.
 */
function plan(request: ResponsesRequest, seeds: SeedSource): { plan: ChatPlan; answer: ChatPlan | null } {
  const budget = request.maxOutputTokens === null ? null : request.maxOutputTokens - reasoningTokens(request);
  const body = budget === null ? request.chatBody : { ...request.chatBody, max_completion_tokens: Math.max(1, budget) };
  const planned = planChat(parseChatParams(body), seeds);
  return { plan: planned, answer: budget !== null && budget <= 0 ? null : planned };
}

/** POST /v1/responses/input_tokens: the input tokens a create with this body would count. */
export function countInputTokens(body: unknown, deps: ResponsesDeps): Json {
  const withModel = typeof body === "object" && body !== null && !(body as Json).model ? { ...(body as Json), model: "sim-chat-1" } : body;
  const request = parse(withModel, deps);
  return { object: "response.input_tokens", input_tokens: planChat(parseChatParams(request.chatBody)).usage.prompt_tokens };
}

/** A request answered in full but not yet admitted, saved or delivered: what a create and a batch line share. */
interface AnsweredResponse {
  request: ResponsesRequest;
  record: StoredResponse;
  outcome: ResponseOutcome;
  promptTokens: number;
  outputTokens: number;
  /** What the simulator did, for the note header. */
  note: string;
}

/** Parses, plans and shapes one response; `streamFailure` marks it failed with that server error. */
function answerRequest(body: unknown, deps: Pick<ResponsesDeps, "responses" | "cache" | "seeds">, streamFailure: ApiError | null = null): AnsweredResponse {
  const request = parse(body, deps);
  if (streamFailure && !request.stream) throw streamFailure;
  const { plan: planned, answer } = plan(request, deps.seeds);
  const promptTokens = planned.usage.prompt_tokens;
  const cached = Math.min(promptTokens, deps.cache.cachedTokens(request.model, promptPrefixText(request.chatBody)));
  const outcome = outcomeOf(request, answer, promptTokens, cached);
  const outputTokens = outcome.usage.output_tokens as number;
  const state: ResponseState = { id: responseId(), createdAt: Math.floor(Date.now() / 1000), status: outcome.status, outcome, error: null };
  if (streamFailure) state.status = "failed";
  if (streamFailure) state.error = { code: "server_error", message: streamFailure.message };
  const record: StoredResponse = {
    request,
    state,
    startedMs: performance.now(),
    context: [...(request.previousResponseId ? deps.responses.context(request.previousResponseId).messages : []), ...request.inputMessages, ...outcome.assistantMessages],
    callIds: new Set([
      ...(request.previousResponseId ? deps.responses.context(request.previousResponseId).callIds : []),
      ...request.inputItems.filter((i) => i.type === "function_call").map((i) => String(i.call_id)),
      ...outcome.items.filter((i) => i.kind === "function_call").map((i) => String(i.item.call_id)),
    ]),
    cancelled: false,
  };
  return { request, record, outcome, promptTokens, outputTokens, note: planned.note };
}

/**
 * One line of a batch over /v1/responses: the Response object a plain create would answer with
 * (stored when the line asks, so a later turn can name it). Streams and background runs have no
 * meaning inside a batch and are refused for that line.
 */
export function batchResponse(body: unknown, deps: Pick<ResponsesDeps, "responses" | "cache" | "seeds">): Json {
  const raw = typeof body === "object" && body !== null ? (body as Json) : {};
  for (const param of ["stream", "background"] as const) {
    if (raw[param] === true) throw invalidParam(param, `'${param}' is not supported for requests in a batch.`, "unsupported_value");
  }
  const { request, record } = answerRequest(body, deps);
  if (request.store) deps.responses.save(record);
  return responseObject(request, record.state);
}

/**
 * POST /v1/responses. `failure` is a delivery failure to apply; `streamFailure` a server error the
 * behaviour asked for, which a stream reports as response.failed after it started (a plain request
 * gets it as its HTTP error). The simulator's note on how it answered travels in NOTE_HEADER.
 */
export async function createResponse(ex: Exchange, body: unknown, deps: ResponsesDeps, failure: DeliveryFailure | null, streamFailure: ApiError | null): Promise<void> {
  const { request, record, outcome, promptTokens, outputTokens, note } = answerRequest(body, deps, streamFailure);
  const { state } = record;
  // Like the real service, the limit counts the longest answer the request allows, not the one it gets.
  deps.admit(promptTokens + Math.max(request.maxOutputTokens ?? 0, outputTokens), request.model);
  if (request.store) deps.responses.save(record);
  const tokens = promptTokens + outputTokens;
  const extra = { [NOTE_HEADER]: note };
  const started = responseObject(request, { ...state, status: "in_progress", error: null });
  if (streamFailure) return deliverStream(ex, failedEvents(started, responseObject(request, state)), failure, deps.tokenDelayMs, 0, "responses", extra);
  if (request.stream) return deliverStream(ex, responseEvents(started, outcome.items, responseObject(request, state)), failure, deps.tokenDelayMs, tokens, "responses", extra);
  if (request.background) return deliverJson(ex, deps.responses.queued(record), failure, tokens, extra);
  return deliverJson(ex, responseObject(request, state), failure, tokens, extra);
}
