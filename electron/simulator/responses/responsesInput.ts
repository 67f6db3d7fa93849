// Main process (simulator): validates a Responses API request body (POST /v1/responses) and
// translates it into the Chat Completions body the shared planner already understands, so both
// front doors answer from one planner.
import { randomBytes } from "node:crypto";
import { ApiError, invalidParam } from "../apiError";
import { enforceModelRules, enforceStrictSchema } from "../modelRules";
import { requireModel } from "../models";
import { DEFAULT_EFFORT, REASONING_EFFORTS } from "../reasoning";
import type { CatalogModel } from "../../../shared/models/catalog";

type Json = Record<string, unknown>;

/** An input item as GET /v1/responses/{id}/input_items lists it (ItemResource), with its id. */
export type InputItemResource = Json & { id: string };

/** What earlier turns said, carried by previous_response_id: chat-shaped messages. */
export type ContextMessage = Json & { role: string };

/** The reasoning settings of a request, for a reasoning model. */
export interface ReasoningSettings {
  effort: string;
  summary: string | null;
}

/** A validated Responses request. */
export interface ResponsesRequest {
  model: string;
  entry: CatalogModel;
  instructions: string | null;
  /** This request's input items, with ids, for input_items. */
  inputItems: InputItemResource[];
  /** This request's input as chat messages (no instructions). */
  inputMessages: ContextMessage[];
  /** The Chat Completions body the planner answers (without max tokens: set per plan). */
  chatBody: Json;
  stream: boolean;
  background: boolean;
  store: boolean;
  metadata: Record<string, string>;
  previousResponseId: string | null;
  maxOutputTokens: number | null;
  /** null for a model that does not reason. */
  reasoning: ReasoningSettings | null;
  /** The echo of `text`: the format and verbosity. */
  text: Json;
  /** The echo of `tools`, flat function tools. */
  tools: Json[];
  toolChoice: unknown;
  parallelToolCalls: boolean;
  temperature: number;
  topP: number;
  /** Echoed fields the simulator does not act on. */
  echo: { promptCacheKey: string | null; safetyIdentifier: string | null; serviceTier: string; truncation: string; user: string | null };
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

function wrongType(param: string, expected: string, value: unknown): ApiError {
  return invalidParam(param, `Invalid type for '${param}': expected ${expected}, but got ${typeName(value)} instead.`, "invalid_type");
}

function missing(param: string): ApiError {
  return invalidParam(param, `Missing required parameter: '${param}'.`, "missing_required_parameter");
}

function fail(error: ApiError): never {
  throw error;
}

/** An item id in the service's style: a prefix and 48 hex digits. */
export function itemId(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString("hex")}`;
}

function optionalNumber(body: Json, param: string, min: number, max: number, integer: boolean): number | null {
  const value = body[param];
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    return fail(wrongType(param, integer ? "an integer" : "a number", value));
  }
  const kind = integer ? "integer" : "decimal";
  if (value < min) return fail(invalidParam(param, `Invalid '${param}': ${kind} below minimum value. Expected a value >= ${min}, but got ${value} instead.`, `${kind}_below_min_value`));
  if (value > max) return fail(invalidParam(param, `Invalid '${param}': ${kind} above maximum value. Expected a value <= ${max}, but got ${value} instead.`, `${kind}_above_max_value`));
  return value;
}

function optionalBoolean(body: Json, param: string): boolean | null {
  const value = body[param];
  if (value === undefined || value === null) return null;
  if (typeof value !== "boolean") return fail(wrongType(param, "a boolean", value));
  return value;
}

function optionalString(body: Json, param: string): string | null {
  const value = body[param];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") return fail(wrongType(param, "a string", value));
  return value;
}

/** One content part of a user/system/developer message, checked, as listed and as a chat part. */
function inputPart(part: unknown, param: string): { listed: Json; chat: Json | null } {
  if (!isObject(part)) return fail(wrongType(param, "an object", part));
  switch (part.type) {
    case "input_text":
    case "output_text": {
      if (typeof part.text !== "string") return fail(wrongType(`${param}.text`, "a string", part.text));
      return { listed: { type: "input_text", text: part.text }, chat: { type: "text", text: part.text } };
    }
    case "input_image": {
      const url = part.image_url;
      if ((url === undefined || url === null) && typeof part.file_id !== "string") {
        return fail(invalidParam(`${param}.image_url`, `Invalid '${param}': an input_image needs an 'image_url' or a 'file_id'.`, "missing_required_parameter"));
      }
      if (url !== undefined && url !== null && typeof url !== "string") return fail(wrongType(`${param}.image_url`, "a string", url));
      const detail = part.detail ?? "auto";
      if (detail !== "auto" && detail !== "low" && detail !== "high" && detail !== "original") {
        return fail(invalidParam(`${param}.detail`, `Invalid value: '${String(detail)}'. Supported values are: 'low', 'high', 'auto' and 'original'.`));
      }
      const listed: Json = { type: "input_image", detail, image_url: url ?? null, file_id: part.file_id ?? null };
      // The planner reads no pixels; the image still travels, so a later door could describe it.
      return { listed, chat: typeof url === "string" ? { type: "image_url", image_url: { url, detail: detail === "original" ? "auto" : detail } } : null };
    }
    case "input_file":
      return { listed: { type: "input_file", file_id: part.file_id ?? null, filename: part.filename ?? null }, chat: null };
    default:
      return fail(invalidParam(`${param}.type`, `Invalid value: '${String(part.type)}'. Supported values are: 'input_text', 'input_image' and 'input_file'.`));
  }
}

/** The text of an assistant message's content (a string, or output_text / refusal parts). */
function assistantText(content: unknown, param: string): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return fail(wrongType(param, "a string or array", content));
  return content
    .map((part, i) => {
      if (!isObject(part)) return fail(wrongType(`${param}[${i}]`, "an object", part));
      if ((part.type === "output_text" || part.type === "input_text") && typeof part.text === "string") return part.text;
      if (part.type === "refusal" && typeof part.refusal === "string") return part.refusal;
      return fail(invalidParam(`${param}[${i}].type`, `Invalid value: '${String(part.type)}'. Supported values are: 'output_text' and 'refusal'.`));
    })
    .join("");
}

/** The text of a function_call_output's output: a string, or text parts. */
function outputText(output: unknown, param: string): string {
  if (typeof output === "string") return output;
  if (!Array.isArray(output)) return fail(wrongType(param, "a string or array", output));
  return output.map((part) => (isObject(part) && typeof part.text === "string" ? part.text : "")).join("");
}

const MESSAGE_ROLES = new Set(["user", "assistant", "system", "developer"]);

/** Finds an item of a stored response by its id, or null. */
export type ItemLookup = (id: string) => Json | null;

function referenced(reference: Json, param: string, lookup: ItemLookup): Json {
  if (typeof reference.id !== "string") return fail(missing(`${param}.id`));
  const item = lookup(reference.id);
  if (!item) return fail(new ApiError(404, `Item with id '${reference.id}' not found.`, { param: "input", code: null }));
  return item;
}

/**
 * The input as listed items and as chat messages. Consecutive function_call items become one
 * assistant message with several tool calls, as a chat conversation carries them. `knownCalls`
 * are the call ids earlier turns made, so an output can answer a call from the previous response;
 * `lookup` resolves item_reference items.
 */
export function parseInput(value: unknown, knownCalls: ReadonlySet<string>, lookup: ItemLookup = () => null): { items: InputItemResource[]; messages: ContextMessage[] } {
  const items: InputItemResource[] = [];
  const messages: ContextMessage[] = [];
  if (typeof value === "string") {
    items.push({ id: itemId("msg"), type: "message", role: "user", status: "completed", content: [{ type: "input_text", text: value }] });
    messages.push({ role: "user", content: value });
    return { items, messages };
  }
  if (!Array.isArray(value)) return fail(wrongType("input", "a string or array", value));
  const calls = new Set(knownCalls);
  value.forEach((given, i) => {
    const param = `input[${i}]`;
    if (!isObject(given)) return fail(wrongType(param, "an object", given));
    // An item_reference stands for an item of a stored response (clients send them to save bytes).
    const raw = given.type === "item_reference" ? referenced(given, param, lookup) : given;
    const type = raw.type ?? (raw.role !== undefined ? "message" : undefined);
    if (type === "message") {
      const role = raw.role;
      if (typeof role !== "string" || !MESSAGE_ROLES.has(role)) {
        return fail(invalidParam(`${param}.role`, `Invalid value: '${String(role)}'. Supported values are: 'user', 'assistant', 'system', and 'developer'.`));
      }
      if (raw.content === undefined) return fail(missing(`${param}.content`));
      if (role === "assistant") {
        const text = assistantText(raw.content, `${param}.content`);
        items.push({ id: typeof raw.id === "string" ? raw.id : itemId("msg"), type: "message", role, status: "completed", content: [{ type: "output_text", text, annotations: [], logprobs: [] }] });
        messages.push({ role, content: text });
        return;
      }
      const parts = typeof raw.content === "string" ? [{ type: "input_text", text: raw.content }] : raw.content;
      if (!Array.isArray(parts)) return fail(wrongType(`${param}.content`, "a string or array", raw.content));
      const checked = parts.map((part, j) => inputPart(part, `${param}.content[${j}]`));
      items.push({ id: itemId("msg"), type: "message", role, status: "completed", content: checked.map((c) => c.listed) });
      const chatParts = checked.map((c) => c.chat).filter((c): c is Json => c !== null);
      const onlyText = chatParts.every((c) => c.type === "text");
      messages.push({ role, content: onlyText ? chatParts.map((c) => c.text as string).join("\n") : chatParts });
      return;
    }
    if (type === "function_call") {
      if (typeof raw.call_id !== "string") return fail(missing(`${param}.call_id`));
      if (typeof raw.name !== "string") return fail(missing(`${param}.name`));
      if (typeof raw.arguments !== "string") return fail(wrongType(`${param}.arguments`, "a string", raw.arguments));
      calls.add(raw.call_id);
      items.push({ id: typeof raw.id === "string" ? raw.id : itemId("fc"), type: "function_call", call_id: raw.call_id, name: raw.name, arguments: raw.arguments, status: "completed" });
      const call = { id: raw.call_id, type: "function", function: { name: raw.name, arguments: raw.arguments } };
      const last = messages.at(-1);
      if (last?.role === "assistant" && Array.isArray(last.tool_calls) && last.content === null) (last.tool_calls as Json[]).push(call);
      else messages.push({ role: "assistant", content: null, tool_calls: [call] });
      return;
    }
    if (type === "function_call_output") {
      if (typeof raw.call_id !== "string") return fail(missing(`${param}.call_id`));
      if (!calls.has(raw.call_id)) {
        return fail(new ApiError(400, `No tool call found for function call output with call_id ${raw.call_id}.`, { param: "input", code: null }));
      }
      const text = outputText(raw.output, `${param}.output`);
      items.push({ id: typeof raw.id === "string" ? raw.id : itemId("fco"), type: "function_call_output", call_id: raw.call_id, output: raw.output as Json, status: "completed" });
      messages.push({ role: "tool", tool_call_id: raw.call_id, content: text });
      return;
    }
    // Reasoning items from an earlier output may be sent back; the simulator keeps no hidden state in them.
    if (type === "reasoning") return;
    return fail(
      invalidParam(`${param}.type`, `Invalid value: '${String(type)}'. The simulator supports 'message', 'function_call', 'function_call_output' and 'reasoning' input items.`),
    );
  });
  return { items, messages };
}

/** The text.format and verbosity, checked (strict schemas against the strict-mode rules), echoed and as a chat response_format. */
function parseText(value: unknown): { echo: Json; responseFormat: Json } {
  if (value === undefined || value === null) return { echo: { format: { type: "text" }, verbosity: "medium" }, responseFormat: { type: "text" } };
  if (!isObject(value)) return fail(wrongType("text", "an object", value));
  const verbosity = value.verbosity ?? "medium";
  if (verbosity !== "low" && verbosity !== "medium" && verbosity !== "high") {
    return fail(invalidParam("text.verbosity", `Invalid value: '${String(verbosity)}'. Supported values are: 'low', 'medium', and 'high'.`));
  }
  const format = value.format ?? { type: "text" };
  if (!isObject(format)) return fail(wrongType("text.format", "an object", format));
  if (format.type === "text" || format.type === "json_object") return { echo: { format: { type: format.type }, verbosity }, responseFormat: { type: format.type } };
  if (format.type !== "json_schema") {
    return fail(invalidParam("text.format.type", `Invalid value: '${String(format.type)}'. Supported values are: 'text', 'json_object', and 'json_schema'.`));
  }
  if (typeof format.name !== "string") return fail(missing("text.format.name"));
  if (!/^[a-zA-Z0-9_-]{1,64}$/.test(format.name)) {
    return fail(invalidParam("text.format.name", "Invalid 'text.format.name': use 1 to 64 letters, digits, underscores or dashes."));
  }
  if (!isObject(format.schema)) return format.schema === undefined ? fail(missing("text.format.schema")) : fail(wrongType("text.format.schema", "an object", format.schema));
  const strict = format.strict === true;
  if (strict) enforceStrictSchema(format.schema, `response_format '${format.name}'`, "text.format.schema");
  const description = typeof format.description === "string" ? { description: format.description } : {};
  const echo: Json = { format: { type: "json_schema", name: format.name, schema: format.schema, strict, ...description }, verbosity };
  return { echo, responseFormat: { type: "json_schema", json_schema: { name: format.name, schema: format.schema, strict } } };
}

/** Flat function tools, checked, echoed and as chat tools. */
function parseTools(value: unknown): { echo: Json[]; chat: Json[] } {
  if (value === undefined || value === null) return { echo: [], chat: [] };
  if (!Array.isArray(value)) return fail(wrongType("tools", "an array", value));
  const echo: Json[] = [];
  const chat: Json[] = [];
  value.forEach((tool, i) => {
    const param = `tools[${i}]`;
    if (!isObject(tool)) return fail(wrongType(param, "an object", tool));
    if (tool.type !== "function") {
      return fail(invalidParam(`${param}.type`, `Invalid value: '${String(tool.type)}'. The simulator supports function tools only ({ type: 'function', name, parameters }).`));
    }
    if (typeof tool.name !== "string" || !/^[a-zA-Z0-9_-]{1,64}$/.test(tool.name)) {
      return fail(invalidParam(`${param}.name`, `Invalid '${param}.name': use 1 to 64 letters, digits, underscores or dashes.`));
    }
    const parameters = tool.parameters ?? { type: "object", properties: {} };
    if (!isObject(parameters)) return fail(wrongType(`${param}.parameters`, "an object", parameters));
    const strict = typeof tool.strict === "boolean" ? tool.strict : null;
    if (strict) enforceStrictSchema(parameters, `function '${tool.name}'`, `${param}.parameters`);
    const description = typeof tool.description === "string" ? tool.description : null;
    echo.push({ type: "function", name: tool.name, description, parameters, strict });
    chat.push({ type: "function", function: { name: tool.name, description: description ?? "", parameters } });
  });
  return { echo, chat };
}

/** tool_choice in the Responses shape, as a chat tool_choice. */
function parseToolChoice(value: unknown, hasTools: boolean): { echo: unknown; chat: unknown } {
  if (value === undefined || value === null) return { echo: "auto", chat: undefined };
  if (value === "none" || value === "auto" || value === "required") return { echo: value, chat: hasTools ? value : undefined };
  if (isObject(value) && value.type === "function" && typeof value.name === "string") {
    return { echo: { type: "function", name: value.name }, chat: { type: "function", function: { name: value.name } } };
  }
  return fail(invalidParam("tool_choice", "Invalid value for 'tool_choice': expected 'none', 'auto', 'required' or { type: 'function', name }."));
}


function parseReasoning(value: unknown, entry: CatalogModel): ReasoningSettings | null {
  if (value !== undefined && value !== null && !isObject(value)) return fail(wrongType("reasoning", "an object", value));
  const given = isObject(value) ? value : {};
  const effort = given.effort ?? DEFAULT_EFFORT;
  if (typeof effort !== "string" || !REASONING_EFFORTS.includes(effort)) {
    return fail(invalidParam("reasoning.effort", `Invalid value: '${String(effort)}'. Supported values are: ${REASONING_EFFORTS.map((e) => `'${e}'`).join(", ")}.`));
  }
  const summary = given.summary ?? given.generate_summary ?? null;
  if (summary !== null && summary !== "auto" && summary !== "concise" && summary !== "detailed") {
    return fail(invalidParam("reasoning.summary", `Invalid value: '${String(summary)}'. Supported values are: 'auto', 'concise', and 'detailed'.`));
  }
  return entry.kind === "reasoning" ? { effort, summary } : null;
}

function parseMetadata(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) return fail(wrongType("metadata", "an object", value));
  const entries = Object.entries(value);
  if (entries.length > 16) return fail(invalidParam("metadata", `Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with ${entries.length} properties instead.`, "object_above_max_properties"));
  for (const [key, v] of entries) {
    if (key.length > 64) return fail(invalidParam("metadata", `Invalid 'metadata': key '${key.slice(0, 20)}...' is longer than 64 characters.`, "string_above_max_length"));
    if (typeof v !== "string") return fail(wrongType(`metadata.${key}`, "a string", v));
    if (v.length > 512) return fail(invalidParam(`metadata.${key}`, `Invalid 'metadata.${key}': string too long. Expected a string with maximum length 512.`, "string_above_max_length"));
  }
  return value as Record<string, string>;
}

/**
 * Validates a POST /v1/responses body. `context` is what the previous response carried (its
 * messages and call ids), or null without previous_response_id. Throws ApiError as the real API.
 */
export function parseResponsesRequest(
  raw: unknown,
  context: { messages: ContextMessage[]; callIds: ReadonlySet<string> } | null,
  lookup: ItemLookup = () => null,
): ResponsesRequest {
  if (!isObject(raw)) return fail(new ApiError(400, "The request body must be a JSON object."));
  const model = raw.model;
  if (model === undefined || model === null || model === "") return fail(missing("model"));
  if (typeof model !== "string") return fail(wrongType("model", "a string", model));
  const entry = requireModel(model, "chat", "responses").entry;
  enforceModelRules(entry, "responses", raw);
  const instructions = optionalString(raw, "instructions");
  if (raw.input === undefined || raw.input === null) return fail(missing("input"));
  const input = parseInput(raw.input, context?.callIds ?? new Set(), lookup);
  const temperature = optionalNumber(raw, "temperature", 0, 2, false) ?? 1;
  const topP = optionalNumber(raw, "top_p", 0, 1, false) ?? 1;
  const maxOutputTokens = optionalNumber(raw, "max_output_tokens", 16, 1_000_000, true);
  const stream = optionalBoolean(raw, "stream") ?? false;
  const background = optionalBoolean(raw, "background") ?? false;
  const store = optionalBoolean(raw, "store") ?? true;
  if (background && !store) return fail(invalidParam("background", "Background responses must be stored: 'store' cannot be false when 'background' is true."));
  const text = parseText(raw.text);
  const tools = parseTools(raw.tools);
  const toolChoice = parseToolChoice(raw.tool_choice, tools.chat.length > 0);
  const parallel = optionalBoolean(raw, "parallel_tool_calls") ?? true;
  const reasoning = parseReasoning(raw.reasoning, entry);
  const metadata = parseMetadata(raw.metadata);
  const serviceTier = optionalString(raw, "service_tier") ?? "auto";
  const messages: ContextMessage[] = [
    ...(instructions ? [{ role: "developer", content: instructions }] : []),
    ...(context?.messages ?? []),
    ...input.messages,
  ];
  if (!messages.length) return fail(invalidParam("input", "Invalid 'input': empty array. Expected an array with minimum length 1, but got an empty array instead.", "empty_array"));
  const chatBody: Json = {
    model,
    messages,
    temperature,
    top_p: topP,
    response_format: text.responseFormat,
    ...(tools.chat.length ? { tools: tools.chat, parallel_tool_calls: parallel } : {}),
    ...(toolChoice.chat !== undefined ? { tool_choice: toolChoice.chat } : {}),
  };
  return {
    model,
    entry,
    instructions,
    inputItems: input.items,
    inputMessages: input.messages,
    chatBody,
    stream,
    background,
    store,
    metadata,
    previousResponseId: optionalString(raw, "previous_response_id"),
    maxOutputTokens,
    reasoning,
    text: text.echo,
    tools: tools.echo,
    toolChoice: toolChoice.echo,
    parallelToolCalls: parallel,
    temperature,
    topP,
    echo: {
      promptCacheKey: optionalString(raw, "prompt_cache_key"),
      safetyIdentifier: optionalString(raw, "safety_identifier"),
      // "auto" runs on the default tier, which is what the response reports.
      serviceTier: serviceTier === "auto" ? "default" : serviceTier,
      truncation: optionalString(raw, "truncation") ?? "disabled",
      user: optionalString(raw, "user"),
    },
  };
}
