// Both processes: the wire adapter between the playground's request (a ChatRequest plus the
// Responses-only extras) and a POST /v1/responses body (the spec's CreateResponse), both ways, and
// what a switch between the two APIs cannot carry over.
import { z } from "zod";
import { ChatRequest, ReasoningEffort, ServiceTier, Verbosity, type ChatMessage, type FunctionTool, type ResponseFormat } from "../chatRequest";
import { describeZodError } from "../errors";
import { ReasoningSummary, ResponsesExtras, type RequestApi } from "./requestApi";

/** A field of one API the other has no place for, and why. */
export interface NotCarried {
  /** The field's wire name in the API it comes from. */
  param: string;
  reason: string;
}

type Json = Record<string, unknown>;

/** An input item of the Responses body the playground builds (the spec's InputItem subset). */
export type ResponsesInputItem =
  | { type: "message"; role: "user" | "assistant" | "system" | "developer"; content: string }
  | { type: "function_call"; call_id: string; name: string; arguments: string }
  | { type: "function_call_output"; call_id: string; output: string };

/** The text.format of a Responses body (the spec's TextResponseFormatConfiguration). */
export type ResponsesTextFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; name: string; description?: string; schema?: Json; strict?: boolean | null };

/** A flat function tool (the spec's FunctionTool: strict and parameters are required there). */
export interface ResponsesFunctionTool {
  type: "function";
  name: string;
  description?: string;
  parameters: Json | null;
  strict: boolean | null;
}

/** The body of POST /v1/responses as the playground sends it (stream is added by the sender). */
export interface ResponsesBody {
  model: string;
  instructions?: string;
  input: ResponsesInputItem[];
  temperature?: number;
  top_p?: number;
  max_output_tokens?: number;
  text?: { format?: ResponsesTextFormat; verbosity?: z.infer<typeof Verbosity> };
  tools?: ResponsesFunctionTool[];
  tool_choice?: "none" | "auto" | "required" | { type: "function"; name: string };
  parallel_tool_calls?: boolean;
  reasoning?: { effort?: z.infer<typeof ReasoningEffort>; summary?: z.infer<typeof ReasoningSummary> };
  store?: boolean;
  previous_response_id?: string;
  service_tier?: z.infer<typeof ServiceTier>;
  prompt_cache_key?: string;
  safety_identifier?: string;
}

/** Chat Completions fields CreateResponse has no equivalent for, with the reason shown on a switch. */
export const CHAT_ONLY: readonly { param: keyof ChatRequest; reason: string }[] = [
  { param: "n", reason: "Responses returns one answer per request: send the request several times instead." },
  { param: "stop", reason: "Responses has no stop sequences." },
  { param: "seed", reason: "Responses has no seed." },
  { param: "presence_penalty", reason: "Responses has no presence penalty." },
  { param: "frequency_penalty", reason: "Responses has no frequency penalty." },
  { param: "logprobs", reason: "Responses reports log probabilities only through include, which the playground does not send; use Chat Completions to see them." },
  { param: "top_logprobs", reason: "Goes with logprobs, which stays on Chat Completions." },
];

/** Leading system and developer messages become `instructions`; the rest of the conversation is input. */
function splitInstructions(messages: readonly ChatMessage[]): { instructions: string | null; rest: ChatMessage[] } {
  let i = 0;
  const lead: string[] = [];
  for (; i < messages.length; i++) {
    const m = messages[i] as ChatMessage;
    if (m.role !== "system" && m.role !== "developer") break;
    lead.push(m.content);
  }
  return { instructions: lead.length ? lead.join("\n\n") : null, rest: messages.slice(i) };
}

/** The conversation as Responses input items: tool calls become function_call items, tool results function_call_output items. */
export function toInputItems(messages: readonly ChatMessage[]): ResponsesInputItem[] {
  const items: ResponsesInputItem[] = [];
  for (const m of messages) {
    if (m.role === "tool") {
      items.push({ type: "function_call_output", call_id: m.tool_call_id, output: m.content });
    } else if (m.role === "assistant") {
      if (m.content !== null && m.content !== "") items.push({ type: "message", role: "assistant", content: m.content });
      for (const call of m.tool_calls ?? []) items.push({ type: "function_call", call_id: call.id, name: call.function.name, arguments: call.function.arguments });
    } else {
      items.push({ type: "message", role: m.role, content: m.content });
    }
  }
  return items;
}

/** response_format as text.format: the json_schema fields sit flat beside `type`. */
export function toTextFormat(format: ResponseFormat): ResponsesTextFormat {
  if (format.type !== "json_schema") return { type: format.type };
  const { name, description, schema, strict } = format.json_schema;
  return { type: "json_schema", name, ...(description !== undefined ? { description } : {}), ...(schema !== undefined ? { schema } : {}), ...(strict !== undefined ? { strict } : {}) };
}

/** A Chat Completions function tool in the flat Responses shape (strict false, as Chat Completions defaults). */
export function toFlatTool(tool: FunctionTool): ResponsesFunctionTool {
  const { name, description, parameters, strict } = tool.function;
  return { type: "function", name, ...(description !== undefined ? { description } : {}), parameters: parameters ?? null, strict: strict ?? false };
}

/** The Responses body for the playground's request. */
export function toResponsesBody(request: ChatRequest, extras: ResponsesExtras = {}): ResponsesBody {
  const { instructions, rest } = splitInstructions(request.messages);
  const body: ResponsesBody = { model: request.model, ...(instructions !== null ? { instructions } : {}), input: toInputItems(rest) };
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.top_p !== undefined) body.top_p = request.top_p;
  if (request.max_completion_tokens !== undefined) body.max_output_tokens = request.max_completion_tokens;
  const text: NonNullable<ResponsesBody["text"]> = {};
  if (request.response_format) text.format = toTextFormat(request.response_format);
  if (request.verbosity) text.verbosity = request.verbosity;
  if (text.format || text.verbosity) body.text = text;
  if (request.tools) body.tools = request.tools.map(toFlatTool);
  if (request.tool_choice !== undefined) {
    body.tool_choice = typeof request.tool_choice === "string" ? request.tool_choice : { type: "function", name: request.tool_choice.function.name };
  }
  if (request.parallel_tool_calls !== undefined) body.parallel_tool_calls = request.parallel_tool_calls;
  if (request.reasoning_effort || extras.reasoning_summary) {
    body.reasoning = { ...(request.reasoning_effort ? { effort: request.reasoning_effort } : {}), ...(extras.reasoning_summary ? { summary: extras.reasoning_summary } : {}) };
  }
  if (request.store !== undefined) body.store = request.store;
  if (extras.previous_response_id) body.previous_response_id = extras.previous_response_id;
  if (request.service_tier) body.service_tier = request.service_tier;
  if (request.prompt_cache_key) body.prompt_cache_key = request.prompt_cache_key;
  if (request.safety_identifier) body.safety_identifier = request.safety_identifier;
  return body;
}

/**
 * The streamed body a run of this request sends on `api`: the one place the playground run, the
 * redaction preview and the renderer's "before" view agree on.
 */
export function streamedWireBody(api: RequestApi, request: ChatRequest, extras: ResponsesExtras = {}): Record<string, unknown> {
  return api === "responses" ? { ...toResponsesBody(request, extras), stream: true } : { ...request, stream: true, stream_options: { include_usage: true } };
}

/** What the request holds that a Responses body cannot carry. */
export function notCarriedToResponses(request: ChatRequest): NotCarried[] {
  const out: NotCarried[] = CHAT_ONLY.filter(({ param }) => request[param] !== undefined).map(({ param, reason }) => ({ param, reason }));
  if (request.messages.some((m) => "name" in m && m.name !== undefined)) out.push({ param: "messages[].name", reason: "Responses input messages have no name." });
  if (request.messages.some((m) => m.role === "assistant" && m.refusal)) out.push({ param: "messages[].refusal", reason: "An earlier refusal is not sent back as input." });
  return out;
}

/** What the Responses-only settings hold that a Chat Completions body cannot carry. */
export function notCarriedToChat(extras: ResponsesExtras): NotCarried[] {
  const out: NotCarried[] = [];
  if (extras.reasoning_summary) out.push({ param: "reasoning.summary", reason: RESPONSES_ONLY.reasoning_summary });
  if (extras.previous_response_id) out.push({ param: "previous_response_id", reason: RESPONSES_ONLY.previous_response_id });
  return out;
}

/** Why each Responses-only setting stays behind on Chat Completions. */
export const RESPONSES_ONLY: Record<keyof ResponsesExtras, string> = {
  reasoning_summary: "Chat Completions returns no reasoning summary.",
  previous_response_id: "Chat Completions stores no conversation: the whole conversation is sent each time.",
};

/** What switching to `to` cannot carry over. */
export function notCarried(to: RequestApi, request: ChatRequest, extras: ResponsesExtras): NotCarried[] {
  return to === "responses" ? notCarriedToResponses(request) : notCarriedToChat(extras);
}

/**
 * `edited` (read from a Responses body) with the Chat Completions-only fields of `current` kept: a
 * Responses body cannot hold them, so editing it must not erase what a switch back would send.
 */
export function keepChatOnly(current: ChatRequest, edited: ChatRequest): ChatRequest {
  const kept: Partial<ChatRequest> = {};
  for (const { param } of CHAT_ONLY) if (current[param] !== undefined) (kept as Record<string, unknown>)[param] = current[param];
  return { ...kept, ...edited };
}

// ---- Responses body -> request (the raw JSON view, edited by hand) ----

const Content = z.union([
  z.string(),
  z.array(z.object({ type: z.enum(["input_text", "output_text"]), text: z.string() }).passthrough()).max(100),
]);

const InputMessageItem = z
  .object({ type: z.literal("message").optional(), role: z.enum(["user", "assistant", "system", "developer"]), content: Content })
  .strict();
const FunctionCallItem = z
  .object({ type: z.literal("function_call"), call_id: z.string().min(1), name: z.string().min(1), arguments: z.string(), id: z.string().optional(), status: z.string().optional() })
  .strict();
const FunctionCallOutputItem = z.object({ type: z.literal("function_call_output"), call_id: z.string().min(1), output: z.string(), id: z.string().optional() }).strict();
const InputItem = z.union([InputMessageItem, FunctionCallItem, FunctionCallOutputItem]);

const JsonObject = z.record(z.string(), z.unknown());
const TextFormat = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }).strict(),
  z.object({ type: z.literal("json_object") }).strict(),
  z.object({ type: z.literal("json_schema"), name: z.string(), description: z.string().optional(), schema: JsonObject.optional(), strict: z.boolean().nullable().optional() }).strict(),
]);
const FlatTool = z
  .object({ type: z.literal("function"), name: z.string(), description: z.string().optional(), parameters: JsonObject.nullable().optional(), strict: z.boolean().nullable().optional() })
  .strict();

/** The Responses body the raw JSON view accepts: the fields the playground can edit. */
export const ResponsesDraftBody = z
  .object({
    model: z.string(),
    instructions: z.string().optional(),
    input: z.union([z.string(), z.array(InputItem).max(500)]),
    temperature: z.number().optional(),
    top_p: z.number().optional(),
    max_output_tokens: z.number().int().optional(),
    text: z.object({ format: TextFormat.optional(), verbosity: Verbosity.optional() }).strict().optional(),
    tools: z.array(FlatTool).max(128).optional(),
    tool_choice: z.union([z.enum(["none", "auto", "required"]), z.object({ type: z.literal("function"), name: z.string().min(1) }).strict()]).optional(),
    parallel_tool_calls: z.boolean().optional(),
    reasoning: z.object({ effort: ReasoningEffort.optional(), summary: ReasoningSummary.optional() }).strict().optional(),
    store: z.boolean().optional(),
    previous_response_id: z.string().optional(),
    service_tier: ServiceTier.optional(),
    prompt_cache_key: z.string().optional(),
    safety_identifier: z.string().optional(),
  })
  .strict();

const textOf = (content: z.infer<typeof Content>): string => (typeof content === "string" ? content : content.map((p) => p.text).join(""));

/** Input items back to chat messages: consecutive function_call items join one assistant message. */
function toMessages(instructions: string | undefined, input: z.infer<typeof ResponsesDraftBody>["input"]): ChatMessage[] {
  const messages: ChatMessage[] = instructions !== undefined ? [{ role: "system", content: instructions }] : [];
  const items = typeof input === "string" ? [{ role: "user" as const, content: input }] : input;
  for (const item of items) {
    if ("role" in item) {
      messages.push(item.role === "assistant" ? { role: "assistant", content: textOf(item.content) } : { role: item.role, content: textOf(item.content) });
      continue;
    }
    if (item.type === "function_call_output") {
      messages.push({ role: "tool", tool_call_id: item.call_id, content: item.output });
      continue;
    }
    const call = { id: item.call_id, type: "function" as const, function: { name: item.name, arguments: item.arguments } };
    const last = messages.at(-1);
    if (last?.role === "assistant") last.tool_calls = [...(last.tool_calls ?? []), call];
    else messages.push({ role: "assistant", content: null, tool_calls: [call] });
  }
  return messages;
}

/** The request and extras a Responses body stands for. */
export function fromResponsesBody(body: z.infer<typeof ResponsesDraftBody>): { request: Record<string, unknown>; extras: ResponsesExtras } {
  const request: Record<string, unknown> = { model: body.model, messages: toMessages(body.instructions, body.input) };
  const copy = ["temperature", "top_p", "parallel_tool_calls", "store", "service_tier", "prompt_cache_key", "safety_identifier"] as const;
  for (const key of copy) if (body[key] !== undefined) request[key] = body[key];
  if (body.max_output_tokens !== undefined) request.max_completion_tokens = body.max_output_tokens;
  const format = body.text?.format;
  if (format) {
    request.response_format =
      format.type === "json_schema"
        ? { type: "json_schema", json_schema: { name: format.name, ...(format.description !== undefined ? { description: format.description } : {}), ...(format.schema !== undefined ? { schema: format.schema } : {}), ...(format.strict !== undefined ? { strict: format.strict } : {}) } }
        : { type: format.type };
  }
  if (body.text?.verbosity) request.verbosity = body.text.verbosity;
  if (body.tools) {
    request.tools = body.tools.map((t) => ({
      type: "function",
      function: { name: t.name, ...(t.description !== undefined ? { description: t.description } : {}), ...(t.parameters ? { parameters: t.parameters } : {}), ...(t.strict !== undefined && t.strict !== null ? { strict: t.strict } : {}) },
    }));
  }
  if (body.tool_choice !== undefined) {
    request.tool_choice = typeof body.tool_choice === "string" ? body.tool_choice : { type: "function", function: { name: body.tool_choice.name } };
  }
  if (body.reasoning?.effort) request.reasoning_effort = body.reasoning.effort;
  const extras: ResponsesExtras = {
    ...(body.reasoning?.summary ? { reasoning_summary: body.reasoning.summary } : {}),
    ...(body.previous_response_id ? { previous_response_id: body.previous_response_id } : {}),
  };
  return { request, extras };
}

/** Reads an edited Responses body: the request and extras it stands for, or why not. */
export function parseResponsesBody(value: unknown): { ok: true; request: ChatRequest; extras: ResponsesExtras } | { ok: false; error: string } {
  const body = ResponsesDraftBody.safeParse(value);
  if (!body.success) return { ok: false, error: `Not a valid Responses request: ${describeZodError(body.error)}` };
  const { request, extras } = fromResponsesBody(body.data);
  const parsed = ChatRequest.safeParse(request);
  if (!parsed.success) return { ok: false, error: `Not a valid request: ${describeZodError(parsed.error)}` };
  const checkedExtras = ResponsesExtras.safeParse(extras);
  if (!checkedExtras.success) return { ok: false, error: `Not a valid request: ${describeZodError(checkedExtras.error)}` };
  return { ok: true, request: parsed.data, extras: checkedExtras.data };
}
