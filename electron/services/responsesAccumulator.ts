// Main process: folds a Responses API stream (the typed events of POST /v1/responses with
// stream: true) into the same ChoiceResult the chat accumulator yields, plus what only Responses
// has: the response id, the reasoning summary, why a response ended incomplete.
import type { ResponseStreamEvent, Response as ResponseObject } from "openai/resources/responses/responses";
import type { ChoiceResult, ToolCallView, Usage } from "../../shared/contract";

/** What one event added, for relaying and timing. */
export interface EventDelta {
  /** Answer text (output_text deltas). */
  text: string;
  /** Reasoning-summary text. */
  reasoning: string;
  /** True when the event carried model output: text, refusal, tool-call arguments or reasoning summary. */
  hasOutput: boolean;
}

/** The end of a response as the stream reported it. */
export interface ResponseEnd {
  status: "completed" | "incomplete" | "failed";
  /** incomplete_details.reason, or the failure's message. */
  detail: string | null;
  code: string | null;
}

/** Accumulates one response; every getter may be read at any time (on stop or failure too). */
export interface ResponsesAccumulator {
  add(event: ResponseStreamEvent): EventDelta;
  /** The answer as one choice (Responses has no n), or none before anything arrived. */
  choices(): ChoiceResult[];
  usage(): Usage | null;
  responseId(): string | null;
  model(): string | null;
  stored(): boolean | null;
  reasoningSummary(): string;
  end(): ResponseEnd | null;
}

/** The usage of a Response in the app's terms, cached and reasoning tokens included. */
export function usageOf(usage: ResponseObject["usage"] | undefined): Usage | null {
  if (!usage) return null;
  return {
    promptTokens: usage.input_tokens,
    completionTokens: usage.output_tokens,
    totalTokens: usage.total_tokens,
    ...(typeof usage.input_tokens_details?.cached_tokens === "number" ? { cachedPromptTokens: usage.input_tokens_details.cached_tokens } : {}),
    ...(typeof usage.output_tokens_details?.reasoning_tokens === "number" ? { reasoningTokens: usage.output_tokens_details.reasoning_tokens } : {}),
  };
}

/**
 * The finish reason a response's end shows as, in Chat Completions' words so the rest of the app
 * reads both APIs alike: an incomplete response cut by max_output_tokens is "length".
 */
export function finishReasonOf(end: ResponseEnd, hasToolCalls: boolean): string {
  if (end.status === "completed") return hasToolCalls ? "tool_calls" : "stop";
  if (end.status === "incomplete") return end.detail === "max_output_tokens" ? "length" : end.detail === "content_filter" ? "content_filter" : "incomplete";
  return "failed";
}

/** Creates an empty accumulator. */
export function createResponsesAccumulator(): ResponsesAccumulator {
  let text = "";
  let refusal: string | null = null;
  let reasoning = "";
  let started = false;
  let id: string | null = null;
  let model: string | null = null;
  let stored: boolean | null = null;
  let usage: Usage | null = null;
  let end: ResponseEnd | null = null;
  // Function calls by output item id, in the order they were added.
  const calls = new Map<string, ToolCallView>();
  let summaryParts = 0;

  function takeResponse(response: ResponseObject): void {
    id = response.id;
    model = response.model;
    // The spec's Response echoes `store`; the SDK's type does not declare it.
    const store = (response as { store?: unknown }).store;
    if (typeof store === "boolean") stored = store;
    const reported = usageOf(response.usage);
    if (reported) usage = reported;
  }

  return {
    add(event) {
      const delta: EventDelta = { text: "", reasoning: "", hasOutput: false };
      switch (event.type) {
        case "response.created":
        case "response.in_progress":
          takeResponse(event.response);
          break;
        case "response.output_item.added":
          if (event.item.type === "function_call") {
            calls.set(event.item.id ?? event.item.call_id, { id: event.item.call_id, name: event.item.name, arguments: "" });
          }
          break;
        case "response.output_text.delta":
          started = true;
          text += event.delta;
          delta.text = event.delta;
          delta.hasOutput = event.delta !== "";
          break;
        case "response.refusal.delta":
          started = true;
          refusal = (refusal ?? "") + event.delta;
          delta.hasOutput = true;
          break;
        case "response.function_call_arguments.delta": {
          started = true;
          const call = calls.get(event.item_id);
          if (call) call.arguments += event.delta;
          delta.hasOutput = event.delta !== "";
          break;
        }
        case "response.function_call_arguments.done": {
          // The done event holds the whole arguments: it wins over the deltas, should one be lost.
          const call = calls.get(event.item_id);
          if (call) call.arguments = event.arguments;
          break;
        }
        case "response.reasoning_summary_part.added":
          // Parts of one summary are paragraphs: a blank line between them.
          if (summaryParts++ > 0) {
            reasoning += "\n\n";
            delta.reasoning = "\n\n";
          }
          break;
        case "response.reasoning_summary_text.delta":
          reasoning += event.delta;
          delta.reasoning += event.delta;
          delta.hasOutput = event.delta !== "";
          break;
        case "response.completed":
          takeResponse(event.response);
          end = { status: "completed", detail: null, code: null };
          break;
        case "response.incomplete":
          takeResponse(event.response);
          end = { status: "incomplete", detail: event.response.incomplete_details?.reason ?? null, code: null };
          break;
        case "response.failed":
          takeResponse(event.response);
          end = { status: "failed", detail: event.response.error?.message ?? null, code: event.response.error?.code ?? null };
          break;
        case "error":
          end = { status: "failed", detail: event.message, code: event.code };
          break;
        default:
          break;
      }
      return delta;
    },
    choices() {
      const toolCalls = [...calls.values()].map((c) => ({ ...c }));
      if (!started && !end && toolCalls.length === 0) return [];
      return [{ index: 0, content: text, refusal, toolCalls, finishReason: end && end.status !== "failed" ? finishReasonOf(end, toolCalls.length > 0) : null }];
    },
    usage: () => usage,
    responseId: () => id,
    model: () => model,
    stored: () => stored,
    reasoningSummary: () => reasoning,
    end: () => end,
  };
}
