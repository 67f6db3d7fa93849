// Renderer: request edits for logprobs and top_logprobs, keeping the pair valid for the API
// (top_logprobs is refused unless logprobs is true).
import type { ChatRequest } from "../../../shared/chatRequest";

/** Turns logprobs on or off; turning it off also removes top_logprobs. */
export function setLogprobs(request: ChatRequest, on: boolean): ChatRequest {
  const { logprobs: _drop, top_logprobs: _top, ...rest } = request;
  return on ? { ...rest, logprobs: true, ...(request.top_logprobs !== undefined ? { top_logprobs: request.top_logprobs } : {}) } : rest;
}

/** Sets top_logprobs (empty removes it), clamped to whole numbers 0..20. */
export function setTopLogprobs(request: ChatRequest, value: number | undefined): ChatRequest {
  const { top_logprobs: _drop, ...rest } = request;
  if (value === undefined || !Number.isFinite(value)) return rest;
  return { ...rest, top_logprobs: Math.max(0, Math.min(20, Math.round(value))) };
}
