// Main process (simulator): the wire objects of a Responses API answer: the Response object and
// its output items, built from the shared planner's ChatPlan, with simulated reasoning.
import type { ChatPlan } from "../chatPlan";
import { SIMULATED_REASONING_TOKENS } from "../reasoning";
import { countTokens, splitTokens } from "../tokens";
import { contentWords } from "../words";
import { itemId, type ContextMessage, type ResponsesRequest } from "./responsesInput";

type Json = Record<string, unknown>;

/** An output item and what streaming it needs. */
export type PlannedItem =
  | { kind: "reasoning"; item: Json; summary: string | null }
  | { kind: "message"; item: Json; pieces: string[]; text: string }
  | { kind: "function_call"; item: Json; pieces: string[] };

/** Everything a Response will hold once finished. */
export interface ResponseOutcome {
  items: PlannedItem[];
  status: "completed" | "incomplete";
  usage: Json;
  /** The turn as chat messages, for the next turn's context. */
  assistantMessages: ContextMessage[];
}

/** The simulated reasoning summary: says plainly that no model reasoned, and what the simulator did. */
export function reasoningSummary(request: ResponsesRequest, effort: string): string {
  const lastUser = [...request.inputMessages].reverse().find((m) => m.role === "user");
  const words = [...new Set(contentWords(typeof lastUser?.content === "string" ? lastUser.content : ""))].slice(0, 4);
  const tools = request.tools.map((t) => String(t.name));
  const format = (request.text.format as Json | undefined)?.type;
  const steps = [
    words.length ? `read the request about ${words.join(", ")}` : "read the request",
    tools.length ? `checked whether the tools (${tools.join(", ")}) match it` : null,
    format === "json_schema" ? "filled the requested JSON schema" : format === "json_object" ? "wrote a JSON object" : "assembled the answer from the prompt's own sentences",
  ].filter(Boolean);
  return `**Simulated reasoning summary** (the Prompt Dojo simulator does not reason; effort ${effort}): it ${steps.join(", then ")}.`;
}

/** The reasoning tokens a request spends: none for a model that does not reason. */
export function reasoningTokens(request: ResponsesRequest): number {
  return request.reasoning ? (SIMULATED_REASONING_TOKENS[request.reasoning.effort] ?? 0) : 0;
}

/**
 * The output of a planned answer. `plan` is null when reasoning used the whole max_output_tokens
 * budget, so only the (incomplete) reasoning item is left, as on the real service.
 */
export function outcomeOf(request: ResponsesRequest, plan: ChatPlan | null, promptTokens: number, cachedTokens: number): ResponseOutcome {
  const items: PlannedItem[] = [];
  const reasoning = reasoningTokens(request);
  const choice = plan?.choices[0];
  const cut = !plan || choice?.finishReason === "length";
  if (request.reasoning && request.reasoning.effort !== "none") {
    const summary = request.reasoning.summary ? reasoningSummary(request, request.reasoning.effort) : null;
    items.push({ kind: "reasoning", item: { type: "reasoning", id: itemId("rs"), summary: summary ? [{ type: "summary_text", text: summary }] : [] }, summary });
  }
  const assistantMessages: ContextMessage[] = [];
  if (choice?.content !== null && choice?.content !== undefined) {
    const text = choice.content;
    items.push({
      kind: "message",
      item: { type: "message", id: itemId("msg"), status: cut ? "incomplete" : "completed", role: "assistant", content: [{ type: "output_text", text, annotations: [], logprobs: [] }] },
      pieces: choice.pieces,
      text,
    });
    assistantMessages.push({ role: "assistant", content: text });
  }
  if (choice?.toolCalls.length) {
    for (const call of choice.toolCalls) {
      items.push({
        kind: "function_call",
        item: { type: "function_call", id: itemId("fc"), call_id: call.id, name: call.name, arguments: call.arguments, status: cut ? "incomplete" : "completed" },
        pieces: splitTokens(call.arguments),
      });
    }
    assistantMessages.push({ role: "assistant", content: null, tool_calls: choice.toolCalls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } })) });
  }
  const visible = choice ? countTokens(choice.content ?? "") + choice.toolCalls.reduce((s, t) => s + countTokens(t.name) + countTokens(t.arguments), 0) : 0;
  // Reasoning tokens are output tokens; with a budget they never exceed it.
  const spent = request.maxOutputTokens === null ? reasoning : Math.min(reasoning, request.maxOutputTokens);
  const outputTokens = visible + spent;
  return {
    items,
    status: cut ? "incomplete" : "completed",
    usage: {
      input_tokens: promptTokens,
      input_tokens_details: { cached_tokens: cachedTokens, cache_write_tokens: 0 },
      output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: spent },
      total_tokens: promptTokens + outputTokens,
    },
    assistantMessages,
  };
}

/** The state a Response object is shown in. */
export interface ResponseState {
  id: string;
  createdAt: number;
  status: "queued" | "in_progress" | "completed" | "incomplete" | "cancelled" | "failed";
  outcome: ResponseOutcome | null;
  error: { code: string; message: string } | null;
}

/** The Response object (the spec's Response) for a request in a state. */
export function responseObject(request: ResponsesRequest, state: ResponseState): Json {
  const done = state.status === "completed" || state.status === "incomplete";
  const output = done && state.outcome ? state.outcome.items.map((i) => i.item) : [];
  return {
    id: state.id,
    object: "response",
    created_at: state.createdAt,
    status: state.status,
    background: request.background,
    completed_at: state.status === "completed" ? Math.max(state.createdAt, Math.floor(Date.now() / 1000)) : null,
    error: state.error,
    incomplete_details: state.status === "incomplete" ? { reason: "max_output_tokens" } : null,
    instructions: request.instructions,
    max_output_tokens: request.maxOutputTokens,
    max_tool_calls: null,
    model: request.model,
    output,
    parallel_tool_calls: request.parallelToolCalls,
    previous_response_id: request.previousResponseId,
    prompt_cache_key: request.echo.promptCacheKey,
    reasoning: request.reasoning ? { effort: request.reasoning.effort, summary: request.reasoning.summary } : { effort: null, summary: null },
    safety_identifier: request.echo.safetyIdentifier,
    service_tier: request.echo.serviceTier,
    store: request.store,
    temperature: request.temperature,
    text: request.text,
    tool_choice: request.toolChoice,
    tools: request.tools,
    top_logprobs: 0,
    top_p: request.topP,
    truncation: request.echo.truncation,
    // The spec's usage is an object, never null: a response still running has none yet.
    ...(done && state.outcome ? { usage: state.outcome.usage } : {}),
    // `user` is a string in the spec, never null: sent only when the request set it.
    ...(request.echo.user !== null ? { user: request.echo.user } : {}),
    metadata: request.metadata,
  };
}
