// Renderer: pure edits of a chat request made by the playground form (messages and parameters).
import { z } from "zod";
import { AssistantToolCall, type ChatMessage, type ChatRequest, type ChatRole } from "../../../shared/chatRequest";
import { describeZodError } from "../../../shared/errors";

/** The sampling parameters the form edits directly, all optional numbers on the wire. */
export type NumericParam = "temperature" | "top_p" | "max_completion_tokens" | "seed" | "n";

/** The most stop sequences the API accepts. */
export const MAX_STOP_SEQUENCES = 4;

/** An empty message of a role, with the fields that role requires. */
export function blankMessage(role: ChatRole): ChatMessage {
  if (role === "tool") return { role, content: "", tool_call_id: "" };
  return { role, content: "" };
}

/** The text of a message as the editor shows it (an assistant message may have null content). */
export function messageText(message: ChatMessage): string {
  return message.content ?? "";
}

/**
 * The same message under another role. The content is kept; fields the new role does not allow
 * are dropped (a tool message keeps its tool_call_id only while it stays a tool message), so the
 * result still has the shape the contract's discriminated union expects.
 */
export function withRole(message: ChatMessage, role: ChatRole): ChatMessage {
  if (message.role === role) return message;
  const content = messageText(message);
  const name = "name" in message ? message.name : undefined;
  if (role === "tool") return { role, content, tool_call_id: "" };
  if (role === "assistant") return name ? { role, content, name } : { role, content };
  return name ? { role, content, name } : { role, content };
}

/** The role a newly added message most likely needs: the turn after the last one. */
export function nextRole(messages: readonly ChatMessage[]): ChatRole {
  const last = messages[messages.length - 1];
  return last?.role === "user" ? "assistant" : "user";
}

function mapMessage(request: ChatRequest, index: number, edit: (m: ChatMessage) => ChatMessage): ChatRequest {
  if (index < 0 || index >= request.messages.length) return request;
  return { ...request, messages: request.messages.map((m, i) => (i === index ? edit(m) : m)) };
}

/** Appends a blank message (of `role`, or the next turn's role). */
export function addMessage(request: ChatRequest, role?: ChatRole): ChatRequest {
  return { ...request, messages: [...request.messages, blankMessage(role ?? nextRole(request.messages))] };
}

/** Removes the message at `index`. */
export function removeMessage(request: ChatRequest, index: number): ChatRequest {
  if (index < 0 || index >= request.messages.length) return request;
  return { ...request, messages: request.messages.filter((_, i) => i !== index) };
}

/** Moves the message at `index` by `offset` (-1 up, +1 down); a move past either end does nothing. */
export function moveMessage(request: ChatRequest, index: number, offset: number): ChatRequest {
  const target = index + offset;
  const messages = [...request.messages];
  if (index < 0 || index >= messages.length || target < 0 || target >= messages.length) return request;
  const [moved] = messages.splice(index, 1);
  messages.splice(target, 0, moved as ChatMessage);
  return { ...request, messages };
}

/** Changes the role of the message at `index`. */
export function setMessageRole(request: ChatRequest, index: number, role: ChatRole): ChatRequest {
  return mapMessage(request, index, (m) => withRole(m, role));
}

/** Replaces the content of the message at `index`. */
export function setMessageContent(request: ChatRequest, index: number, content: string): ChatRequest {
  return mapMessage(request, index, (m) => ({ ...m, content }) as ChatMessage);
}

/** Sets the tool_call_id of the tool message at `index` (other roles have none). */
export function setToolCallId(request: ChatRequest, index: number, toolCallId: string): ChatRequest {
  return mapMessage(request, index, (m) => (m.role === "tool" ? { ...m, tool_call_id: toolCallId } : m));
}

/** An assistant turn's tool calls as the editor shows them: pretty JSON, or "" when there are none. */
export function toolCallsText(message: ChatMessage): string {
  return message.role === "assistant" && message.tool_calls?.length ? JSON.stringify(message.tool_calls, null, 2) : "";
}

/** What the tool-calls editor's text means: the calls (none for empty text), or why it cannot be taken. */
export type ToolCallsParse = { ok: true; toolCalls: z.infer<typeof AssistantToolCall>[] | undefined } | { ok: false; error: string };

/**
 * Reads the tool-calls editor's text. `arguments` travels as a JSON string on the wire; an object
 * written there is turned into that string, since that is what the writer meant.
 */
export function parseToolCallsText(text: string): ToolCallsParse {
  if (!text.trim()) return { ok: true, toolCalls: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `Not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!Array.isArray(value)) return { ok: false, error: 'Write an array of calls: [{"id": "call_1", "type": "function", "function": {"name": "...", "arguments": "{}"}}]' };
  const withStrings = value.map((call: unknown) => {
    if (!call || typeof call !== "object") return call;
    const fn = (call as { function?: unknown }).function;
    if (!fn || typeof fn !== "object") return call;
    const args = (fn as { arguments?: unknown }).arguments;
    return args !== undefined && typeof args !== "string" ? { ...call, function: { ...fn, arguments: JSON.stringify(args) } } : call;
  });
  const parsed = z.array(AssistantToolCall).min(1).safeParse(withStrings);
  return parsed.success ? { ok: true, toolCalls: parsed.data } : { ok: false, error: describeZodError(parsed.error) };
}

/** Sets (or with undefined, removes) the tool calls of the assistant message at `index`. */
export function setToolCalls(request: ChatRequest, index: number, toolCalls: z.infer<typeof AssistantToolCall>[] | undefined): ChatRequest {
  return mapMessage(request, index, (m) => {
    if (m.role !== "assistant") return m;
    const { tool_calls: _old, ...rest } = m;
    // A turn that only calls tools has no text: the API takes null content there.
    return toolCalls ? { ...rest, content: rest.content || null, tool_calls: toolCalls } : { ...rest, content: rest.content ?? "" };
  });
}

/** Sets a numeric parameter, or removes it from the request when `value` is undefined. */
export function setNumericParam(request: ChatRequest, key: NumericParam, value: number | undefined): ChatRequest {
  const next: ChatRequest = { ...request };
  if (value === undefined || Number.isNaN(value)) delete next[key];
  else next[key] = value;
  return next;
}

/** Sets the stop sequences; empty entries are dropped and the field removed when none are left. */
export function setStopSequences(request: ChatRequest, sequences: readonly string[]): ChatRequest {
  const stop = sequences.filter((s) => s.length > 0).slice(0, MAX_STOP_SEQUENCES);
  const next: ChatRequest = { ...request };
  if (stop.length) next.stop = stop;
  else delete next.stop;
  return next;
}

/** Reads a number input's text: empty means "not set" (undefined), otherwise a finite number. */
export function parseNumberInput(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
