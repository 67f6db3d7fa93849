// Renderer: the next request of a tool conversation: the assistant's tool calls and one tool
// message per call appended to the messages, within a step limit.
import type { ChatMessage, ChatRequest } from "../../../shared/chatRequest";
import { pendingCalls, type ToolRound } from "./toolRound";

/**
 * How many tool rounds were already sent back since the last user message: the number of assistant
 * messages carrying tool_calls after it. Counted from the messages themselves, so it survives a
 * reload and resets as soon as the user asks something new.
 */
export function toolStepsTaken(messages: readonly ChatMessage[]): number {
  let steps = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as ChatMessage;
    if (m.role === "user") break;
    if (m.role === "assistant" && m.tool_calls?.length) steps++;
  }
  return steps;
}

/** The next request, or why there is none yet. */
export type Continuation = { ok: true; request: ChatRequest; step: number } | { ok: false; reason: string };

/**
 * Appends the round to the conversation: the assistant message with its tool_calls (and any
 * text it wrote), then the tool messages in the calls' order, each naming its tool_call_id.
 * Refused when a call has no result yet, or when `stepLimit` rounds were already sent back.
 */
export function buildContinuation(request: ChatRequest, round: ToolRound, stepLimit: number): Continuation {
  const pending = pendingCalls(round);
  if (pending.length) {
    return { ok: false, reason: `Waiting for ${pending.map((c) => `${c.name} (${c.id})`).join(", ")}.` };
  }
  const taken = toolStepsTaken(request.messages);
  if (taken >= stepLimit) {
    return {
      ok: false,
      reason: `Step limit reached: ${taken} tool round${taken === 1 ? "" : "s"} already sent back (limit ${stepLimit}). The model keeps calling tools; change the prompt or raise the limit.`,
    };
  }
  const assistant: ChatMessage = {
    role: "assistant",
    content: round.content,
    tool_calls: round.calls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } })),
  };
  const results: ChatMessage[] = round.calls.map((c) => ({ role: "tool", tool_call_id: c.id, content: c.result as string }));
  return { ok: true, request: { ...request, messages: [...request.messages, assistant, ...results] }, step: taken + 1 };
}

/** The messages without the tool exchange that followed the last user message (to start over). */
export function withoutToolExchange(messages: readonly ChatMessage[]): ChatMessage[] {
  let lastUser = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role === "user") {
      lastUser = i;
      break;
    }
  }
  if (lastUser === -1) return [...messages];
  const tail = messages.slice(lastUser + 1).filter((m) => m.role !== "tool" && !(m.role === "assistant" && m.tool_calls?.length));
  return [...messages.slice(0, lastUser + 1), ...tail];
}
