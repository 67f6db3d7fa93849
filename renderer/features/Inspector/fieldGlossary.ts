// Renderer: one-sentence explanations of the wire format's fields and headers, shown on hover in
// the inspector. Wording follows the Chat Completions reference (shared/openai-openapi/openapi.yaml).

/** A path into a JSON value: object keys and array indexes, outermost first. */
export type JsonPath = readonly (string | number)[];

const FIELDS: Record<string, string> = {
  id: "The completion's id; every chunk of one stream carries the same id.",
  object: '"chat.completion.chunk" for a streamed piece, "chat.completion" for a whole answer.',
  created: "When the completion was created, in Unix seconds.",
  model: "The model that answered (it may be a dated snapshot of the one you asked for).",
  system_fingerprint: "Identifies the backend configuration; when it changes, seeded answers may change too.",
  service_tier: "Which processing tier served the request (default, flex, priority...).",
  choices: "One entry per alternative answer (see n). In a stream, each chunk carries a piece of some of them.",
  delta: "What this chunk adds to the choice: a piece of content, a refusal, or tool-call fragments.",
  role: 'Who speaks: "assistant" arrives in the first chunk of an answer.',
  content: "Text of the answer (in a delta, only the new piece). null when the model only calls tools.",
  refusal: "Set when the model declines to answer; structured output puts its reason here instead of content.",
  finish_reason:
    'Why the answer ended: "stop" (natural end or a stop sequence), "length" (max_completion_tokens reached), "tool_calls" (it wants a tool run), "content_filter" (withheld). null while it streams.',
  tool_calls:
    "Functions the model asks you to run. In a stream they arrive as deltas: id and name first, then the arguments JSON in pieces, matched by index.",
  function: "The function to call: its name and the arguments as a JSON text the model wrote (check it before use).",
  name: "The function's name, from your tool definitions.",
  arguments: "The arguments as JSON text. It is not guaranteed to be valid unless the tool is strict.",
  type: 'The kind of item; "function" for a tool call.',
  logprobs: "Log probabilities of the generated tokens, present when the request set logprobs: true.",
  token: "One token of the answer, as text.",
  logprob: "The natural log of the token's probability: 0 means certain, -1 is about 37%, -5 under 1%.",
  bytes: "The token's UTF-8 bytes (a token can be part of a character, e.g. of an emoji).",
  top_logprobs: "The likeliest alternatives at this position, as many as top_logprobs asked for.",
  usage: "Tokens counted by the server. In a stream it comes in a last chunk with empty choices (stream_options.include_usage).",
  prompt_tokens: "Tokens of the input: messages, tool definitions and schema, with the chat format's overhead.",
  completion_tokens: "Tokens the model generated (reasoning tokens included); output price applies.",
  total_tokens: "prompt_tokens + completion_tokens.",
  prompt_tokens_details: "Breakdown of the prompt tokens.",
  cached_tokens: "Prompt tokens served from the prompt cache, billed at the cheaper cached-input price.",
  completion_tokens_details: "Breakdown of the completion tokens.",
  reasoning_tokens: "Tokens a reasoning model spent thinking; billed as output, never shown.",
  audio_tokens: "Tokens of audio input or output.",
  accepted_prediction_tokens: "Tokens of a predicted output that matched the answer.",
  rejected_prediction_tokens: "Tokens of a predicted output that did not match; still billed.",
  messages: "The conversation so far, oldest first.",
  temperature: "Randomness of sampling: 0 is near-deterministic, 2 is very varied.",
  top_p: "Nucleus sampling: only tokens within this cumulative probability are considered.",
  max_completion_tokens: 'Upper bound on generated tokens; the answer ends with finish_reason "length" when reached.',
  stream: "Send the answer as server-sent events, chunk by chunk, instead of one body.",
  stream_options: "Streaming options; include_usage adds a final chunk with the token usage.",
  include_usage: "Ask for a final chunk with the usage (its choices are empty).",
  response_format: 'Ask for plain text, any JSON object ("json_object"), or JSON following a schema ("json_schema").',
  tools: "The functions the model may call, each with a JSON Schema for its arguments.",
  tool_choice: '"auto" lets the model decide, "none" forbids calls, "required" forces one, or name a function.',
  parallel_tool_calls: "Whether the model may ask for several tool calls in one answer.",
  seed: "Best-effort reproducibility: the same seed and request should give the same answer.",
  n: "How many alternative answers to generate.",
  stop: "Up to 4 sequences at which the answer stops (they are not included).",
  presence_penalty: "Positive values push the model towards new topics.",
  frequency_penalty: "Positive values discourage repeating the same words.",
};

/** Overrides where a name means something else under a given parent. */
const IN_CONTEXT: Record<string, Record<string, string>> = {
  tool_calls: {
    index: "Which tool call this fragment belongs to: fragments with the same index are joined.",
    id: "The call's id; answer it with a tool message carrying this tool_call_id.",
  },
  choices: { index: "Which choice (0 to n - 1) this piece belongs to." },
  message: { content: "The answer's text; null when the model only calls tools or refuses." },
};

/** The explanation of the field at `path`, or null when there is none. */
export function explainField(path: JsonPath): string | null {
  const key = path.at(-1);
  if (typeof key !== "string") return null;
  // The nearest named ancestor decides context (array indexes are skipped).
  const parent = [...path.slice(0, -1)].reverse().find((p): p is string => typeof p === "string");
  if (parent && IN_CONTEXT[parent]?.[key]) return IN_CONTEXT[parent][key];
  return Object.prototype.hasOwnProperty.call(FIELDS, key) ? FIELDS[key]! : null;
}

const HEADERS: [RegExp, string][] = [
  [/^x-request-id$/i, "The server's id for this request: quote it when asking for support or searching logs."],
  [/^x-ratelimit-limit-requests$/i, "Requests allowed per minute for this model and key."],
  [/^x-ratelimit-limit-tokens$/i, "Tokens allowed per minute for this model and key."],
  [/^x-ratelimit-remaining-requests$/i, "Requests left before the rate limit applies (429)."],
  [/^x-ratelimit-remaining-tokens$/i, "Tokens left before the rate limit applies (429)."],
  [/^x-ratelimit-reset-requests$/i, "Time until the request budget is fully refilled."],
  [/^x-ratelimit-reset-tokens$/i, "Time until the token budget is fully refilled."],
  [/^retry-after(-ms)?$/i, "How long to wait before retrying (seconds, or milliseconds for -ms); the SDK honours it."],
  [/^openai-processing-ms$/i, "Time the server spent on the request, in milliseconds."],
  [/^openai-organization$/i, "The organization the key belongs to."],
  [/^openai-version$/i, "The API version that answered."],
  [/^content-type$/i, 'The body format: "text/event-stream" for a stream of chunks, "application/json" otherwise.'],
  [/^date$/i, "When the server answered."],
  [/^authorization$/i, "Bearer token: your API key. Shown masked; the full key never leaves the main process."],
  [/^x-dojo-simulate$/i, "Asks the offline simulator to produce a failure; never sent to other servers."],
  [/^x-dojo-simulated-note$/i, "The offline simulator's note on how it built this answer (which rule, from which part of the prompt); no model was involved."],
  [/^x-stainless-/i, "Sent by the openai SDK: which SDK version, language and runtime made the call."],
];

/** The explanation of a request or response header, or null. */
export function explainHeader(name: string): string | null {
  return HEADERS.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}
