// Renderer: the two directions of the raw JSON view: request -> text, and text -> request or a precise error.
import { ChatRequest } from "../../../shared/chatRequest";
import { describeZodError } from "../../../shared/errors";
import type { RequestApi, ResponsesExtras } from "../../../shared/api/requestApi";
import { parseResponsesBody, toResponsesBody } from "../../../shared/api/responsesBody";

/** The text the raw JSON view shows for a request (stable key order, two-space indent). */
export function requestToJson(request: ChatRequest): string {
  return JSON.stringify(request, null, 2);
}

/** The outcome of reading the raw JSON view: a request the form can take, or why not. */
export type ParsedRequestJson = { ok: true; request: ChatRequest } | { ok: false; error: string };

/**
 * Reads edited JSON. Only text that parses and passes the contract's ChatRequest schema yields a
 * request; anything else yields an error to show inline, so the form is never clobbered.
 */
export function parseRequestJson(text: string): ParsedRequestJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, error: `Not valid JSON: ${detail}` };
  }
  const parsed = ChatRequest.safeParse(value);
  if (!parsed.success) return { ok: false, error: `Not a valid request: ${describeZodError(parsed.error)}` };
  return { ok: true, request: parsed.data };
}

/** The text of the body the chosen API sends: the request itself, or its Responses body. */
export function bodyToJson(api: RequestApi, request: ChatRequest, extras: ResponsesExtras): string {
  return api === "chat" ? requestToJson(request) : JSON.stringify(toResponsesBody(request, extras), null, 2);
}

/** The outcome of reading the raw JSON view of either API. */
export type ParsedBodyJson = { ok: true; request: ChatRequest; extras: ResponsesExtras } | { ok: false; error: string };

/** Reads edited JSON as the chosen API's body; the extras are only ever set by a Responses body. */
export function parseBodyJson(api: RequestApi, text: string, extras: ResponsesExtras): ParsedBodyJson {
  if (api === "chat") {
    const parsed = parseRequestJson(text);
    return parsed.ok ? { ok: true, request: parsed.request, extras } : parsed;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  return parseResponsesBody(value);
}
