// Main process (simulator): validates a chat completion request body and reduces it to what the
// generators need. Errors name the parameter the way the real service does.
import { ApiError, invalidParam } from "./apiError";
import { requireModel } from "./models";

/** A conversation message with its content flattened to text. */
export interface SimMessage {
  role: "system" | "developer" | "user" | "assistant" | "tool";
  content: string;
  name?: string;
  toolCalls?: { id: string; name: string; arguments: string }[];
  toolCallId?: string;
}

/** A function tool the request offers. */
export interface SimTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** The requested output format. */
export type SimResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; name: string; schema: Record<string, unknown> };

/** A validated chat request. */
export interface ChatParams {
  model: string;
  messages: SimMessage[];
  stream: boolean;
  includeUsage: boolean;
  n: number;
  temperature: number;
  seed: number | null;
  maxTokens: number | null;
  stop: string[];
  responseFormat: SimResponseFormat;
  tools: SimTool[];
  toolChoice: "none" | "auto" | "required" | { name: string };
  parallelToolCalls: boolean;
  logprobs: boolean;
  topLogprobs: number;
}

const ROLES = new Set(["system", "developer", "user", "assistant", "tool"]);
const NAME = /^[a-zA-Z0-9_-]{1,64}$/;

type Body = Record<string, unknown>;

function isObject(value: unknown): value is Body {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function wrongType(param: string, expected: string, value: unknown): ApiError {
  return invalidParam(
    param,
    `Invalid type for '${param}': expected ${expected}, but got ${typeName(value)} instead.`,
    "invalid_type",
  );
}

/** Reads an optional number within [min, max]; null/undefined give the default. */
function optionalNumber(body: Body, param: string, min: number, max: number, integer: boolean): number | null {
  const value = body[param];
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return fail(wrongType(param, integer ? "an integer" : "a number", value));
  }
  if (integer && !Number.isInteger(value)) return fail(wrongType(param, "an integer", value));
  const kind = integer ? "integer" : "decimal";
  if (value < min) {
    return fail(
      invalidParam(param, `Invalid '${param}': ${kind} below minimum value. Expected a value >= ${min}, but got ${value} instead.`, `${kind}_below_min_value`),
    );
  }
  if (value > max) {
    return fail(
      invalidParam(param, `Invalid '${param}': ${kind} above maximum value. Expected a value <= ${max}, but got ${value} instead.`, `${kind}_above_max_value`),
    );
  }
  return value;
}

function optionalBoolean(body: Body, param: string): boolean | null {
  const value = body[param];
  if (value === undefined || value === null) return null;
  if (typeof value !== "boolean") return fail(wrongType(param, "a boolean", value));
  return value;
}

function fail(error: ApiError): never {
  throw error;
}

/** Text of a message's content: a string, null, or an array of parts (text parts are kept). */
function contentText(content: unknown, param: string): string {
  if (content === undefined || content === null) return "";
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return fail(wrongType(param, "a string or array", content));
  return content
    .map((part, i) => {
      if (!isObject(part)) return fail(wrongType(`${param}[${i}]`, "an object", part));
      if (part.type === "text" || part.type === "refusal") {
        const text = part.type === "text" ? part.text : part.refusal;
        if (typeof text !== "string") return fail(wrongType(`${param}[${i}].${String(part.type)}`, "a string", text));
        return text;
      }
      return ""; // images, audio and files carry no text the simulator can use
    })
    .join("\n");
}

function parseMessages(value: unknown): SimMessage[] {
  if (value === undefined) return fail(invalidParam("messages", "Missing required parameter: 'messages'.", "missing_required_parameter"));
  if (!Array.isArray(value)) return fail(wrongType("messages", "an array", value));
  if (value.length === 0) {
    return fail(invalidParam("messages", "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", "empty_array"));
  }
  return value.map((raw, i): SimMessage => {
    const param = `messages[${i}]`;
    if (!isObject(raw)) return fail(wrongType(param, "an object", raw));
    const role = raw.role;
    if (typeof role !== "string" || !ROLES.has(role)) {
      return fail(
        invalidParam(`${param}.role`, `Invalid value: '${String(role)}'. Supported values are: 'system', 'assistant', 'user', 'tool', 'function', and 'developer'.`),
      );
    }
    if (raw.content === undefined && role !== "assistant") {
      return fail(invalidParam(`${param}.content`, `Missing required parameter: '${param}.content'.`, "missing_required_parameter"));
    }
    const message: SimMessage = { role: role as SimMessage["role"], content: contentText(raw.content, `${param}.content`) };
    if (typeof raw.name === "string") message.name = raw.name;
    if (role === "tool") {
      if (typeof raw.tool_call_id !== "string") {
        return fail(invalidParam(`${param}.tool_call_id`, `Missing required parameter: '${param}.tool_call_id'.`, "missing_required_parameter"));
      }
      message.toolCallId = raw.tool_call_id;
    }
    if (role === "assistant" && Array.isArray(raw.tool_calls)) {
      message.toolCalls = raw.tool_calls.map((call, j) => {
        const fn = isObject(call) && isObject(call.function) ? call.function : null;
        if (!isObject(call) || typeof call.id !== "string" || !fn || typeof fn.name !== "string") {
          return fail(invalidParam(`${param}.tool_calls[${j}]`, `Invalid '${param}.tool_calls[${j}]': expected an id and a function name.`));
        }
        return { id: call.id, name: fn.name, arguments: typeof fn.arguments === "string" ? fn.arguments : "" };
      });
    }
    return message;
  });
}

function parseStop(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.some((s) => typeof s !== "string")) return fail(wrongType("stop", "a string or array of strings", value));
  if (list.length > 4) return fail(invalidParam("stop", `Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length ${list.length} instead.`, "array_above_max_length"));
  return (list as string[]).filter((s) => s.length > 0);
}

function parseResponseFormat(value: unknown): SimResponseFormat {
  if (value === undefined || value === null) return { type: "text" };
  if (!isObject(value)) return fail(wrongType("response_format", "an object", value));
  if (value.type === "text" || value.type === "json_object") return { type: value.type };
  if (value.type !== "json_schema") {
    return fail(invalidParam("response_format.type", `Invalid value: '${String(value.type)}'. Supported values are: 'text', 'json_object', and 'json_schema'.`));
  }
  const spec = value.json_schema;
  if (!isObject(spec)) return fail(invalidParam("response_format.json_schema", "Missing required parameter: 'response_format.json_schema'.", "missing_required_parameter"));
  if (typeof spec.name !== "string" || !NAME.test(spec.name)) {
    return fail(invalidParam("response_format.json_schema.name", "Invalid 'response_format.json_schema.name': use 1 to 64 letters, digits, underscores or dashes."));
  }
  const schema = spec.schema === undefined ? {} : spec.schema;
  if (!isObject(schema)) return fail(wrongType("response_format.json_schema.schema", "an object", schema));
  return { type: "json_schema", name: spec.name, schema };
}

function parseTools(value: unknown): SimTool[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return fail(wrongType("tools", "an array", value));
  return value.map((tool, i): SimTool => {
    const param = `tools[${i}]`;
    if (!isObject(tool) || tool.type !== "function" || !isObject(tool.function)) {
      return fail(invalidParam(`${param}.type`, `Invalid '${param}': the simulator supports function tools ({ type: 'function', function: {...} }).`));
    }
    const fn = tool.function;
    if (typeof fn.name !== "string" || !NAME.test(fn.name)) {
      return fail(invalidParam(`${param}.function.name`, `Invalid '${param}.function.name': use 1 to 64 letters, digits, underscores or dashes.`));
    }
    const parameters = fn.parameters ?? { type: "object", properties: {} };
    if (!isObject(parameters)) return fail(wrongType(`${param}.function.parameters`, "an object", parameters));
    return { name: fn.name, description: typeof fn.description === "string" ? fn.description : "", parameters };
  });
}

function parseToolChoice(value: unknown, tools: SimTool[]): ChatParams["toolChoice"] {
  if (value === undefined || value === null) return tools.length ? "auto" : "none";
  if (!tools.length) {
    return fail(invalidParam("tool_choice", "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified."));
  }
  if (value === "none" || value === "auto" || value === "required") return value;
  if (isObject(value) && value.type === "function" && isObject(value.function) && typeof value.function.name === "string") {
    const name = value.function.name;
    if (!tools.some((t) => t.name === name)) {
      return fail(invalidParam("tool_choice", `Invalid 'tool_choice': no function named '${name}' was specified in the 'tools' parameter.`));
    }
    return { name };
  }
  return fail(invalidParam("tool_choice", "Invalid value for 'tool_choice': expected 'none', 'auto', 'required' or { type: 'function', function: { name } }."));
}

/** Validates a parsed JSON body. Throws ApiError (400 naming `param`, or 404 for the model). */
export function parseChatParams(raw: unknown): ChatParams {
  if (!isObject(raw)) return fail(new ApiError(400, "The request body must be a JSON object."));
  const model = raw.model;
  if (model === undefined || model === null || model === "") {
    return fail(invalidParam("model", "you must provide a model parameter", "missing_required_parameter"));
  }
  if (typeof model !== "string") return fail(wrongType("model", "a string", model));
  const messages = parseMessages(raw.messages);
  const temperature = optionalNumber(raw, "temperature", 0, 2, false) ?? 1;
  optionalNumber(raw, "top_p", 0, 1, false);
  optionalNumber(raw, "presence_penalty", -2, 2, false);
  optionalNumber(raw, "frequency_penalty", -2, 2, false);
  const n = optionalNumber(raw, "n", 1, 128, true) ?? 1;
  const seed = optionalNumber(raw, "seed", Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true);
  const maxCompletion = optionalNumber(raw, "max_completion_tokens", 1, 1_000_000, true);
  const maxTokens = optionalNumber(raw, "max_tokens", 1, 1_000_000, true);
  const logprobs = optionalBoolean(raw, "logprobs") ?? false;
  const topLogprobs = optionalNumber(raw, "top_logprobs", 0, 20, true);
  if (topLogprobs !== null && !logprobs) {
    return fail(invalidParam("top_logprobs", "Invalid value for 'top_logprobs': 'logprobs' must be set to true when 'top_logprobs' is used."));
  }
  const stream = optionalBoolean(raw, "stream") ?? false;
  let includeUsage = false;
  if (raw.stream_options !== undefined && raw.stream_options !== null) {
    if (!stream) return fail(invalidParam("stream_options", "The 'stream_options' parameter is only allowed when 'stream' is enabled."));
    if (!isObject(raw.stream_options)) return fail(wrongType("stream_options", "an object", raw.stream_options));
    includeUsage = raw.stream_options.include_usage === true;
  }
  const tools = parseTools(raw.tools);
  const toolChoice = parseToolChoice(raw.tool_choice, tools);
  const parallel = optionalBoolean(raw, "parallel_tool_calls");
  requireModel(model, "chat");
  return {
    model,
    messages,
    stream,
    includeUsage,
    n,
    temperature,
    seed,
    maxTokens: maxCompletion ?? maxTokens,
    stop: parseStop(raw.stop),
    responseFormat: parseResponseFormat(raw.response_format),
    tools,
    toolChoice,
    parallelToolCalls: parallel ?? true,
    logprobs,
    topLogprobs: topLogprobs ?? 0,
  };
}
