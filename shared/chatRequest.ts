// Both processes: the chat completion request the playground builds, a validated subset of
// CreateChatCompletionRequest in ../shared/openai-openapi/openapi.yaml (wire names kept).
import { z } from "zod";

const Name = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "names use letters, digits, _ or - (64 at most)");

/** A function tool call made by the assistant in an earlier turn. */
export const AssistantToolCall = z.object({
  id: z.string().min(1),
  type: z.literal("function"),
  function: z.object({ name: z.string().min(1), arguments: z.string() }),
});

/** One message of the conversation; `role` decides which fields apply. */
export const ChatMessage = z.discriminatedUnion("role", [
  z.object({ role: z.literal("system"), content: z.string(), name: Name.optional() }),
  z.object({ role: z.literal("developer"), content: z.string(), name: Name.optional() }),
  z.object({ role: z.literal("user"), content: z.string(), name: Name.optional() }),
  z.object({
    role: z.literal("assistant"),
    content: z.string().nullable(),
    name: Name.optional(),
    refusal: z.string().nullable().optional(),
    tool_calls: z.array(AssistantToolCall).optional(),
  }),
  z.object({ role: z.literal("tool"), content: z.string(), tool_call_id: z.string().min(1) }),
]);
export type ChatMessage = z.infer<typeof ChatMessage>;
export type ChatRole = ChatMessage["role"];
export const chatRoles: ChatRole[] = ["system", "developer", "user", "assistant", "tool"];

/** A JSON Schema object, checked in depth elsewhere (ajv, strict-mode rules). */
const JsonSchemaObject = z.record(z.string(), z.unknown());

export const ResponseFormat = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({
    type: z.literal("json_schema"),
    json_schema: z.object({
      name: Name,
      description: z.string().optional(),
      schema: JsonSchemaObject.optional(),
      strict: z.boolean().nullable().optional(),
    }),
  }),
]);
export type ResponseFormat = z.infer<typeof ResponseFormat>;

export const FunctionTool = z.object({
  type: z.literal("function"),
  function: z.object({
    name: Name,
    description: z.string().optional(),
    parameters: JsonSchemaObject.optional(),
    strict: z.boolean().nullable().optional(),
  }),
});
export type FunctionTool = z.infer<typeof FunctionTool>;

export const ToolChoice = z.union([
  z.enum(["none", "auto", "required"]),
  z.object({ type: z.literal("function"), function: z.object({ name: z.string().min(1) }) }),
]);

/** The spec's ReasoningEffort: how hard a reasoning model thinks (medium is its default). */
export const ReasoningEffort = z.enum(["none", "minimal", "low", "medium", "high", "xhigh", "max"]);
export type ReasoningEffort = z.infer<typeof ReasoningEffort>;

/** The spec's Verbosity: how long the answer runs (medium is its default). */
export const Verbosity = z.enum(["low", "medium", "high"]);
export type Verbosity = z.infer<typeof Verbosity>;

/** The service tiers both APIs accept (the spec's ServiceTier; Responses adds access-controlled ones). */
export const ServiceTier = z.enum(["auto", "default", "flex", "scale", "priority"]);
export type ServiceTier = z.infer<typeof ServiceTier>;

/** The request body of POST /v1/chat/completions as the playground sends it. */
export const ChatRequest = z
  .object({
    model: z.string().trim().min(1, "choose a model").max(200),
    messages: z.array(ChatMessage).min(1, "add at least one message").max(500),
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    max_completion_tokens: z.number().int().min(1).max(1_000_000).optional(),
    stop: z.array(z.string().min(1)).max(4, "at most 4 stop sequences").optional(),
    seed: z.number().int().optional(),
    n: z.number().int().min(1).max(8).optional(),
    presence_penalty: z.number().min(-2).max(2).optional(),
    frequency_penalty: z.number().min(-2).max(2).optional(),
    response_format: ResponseFormat.optional(),
    tools: z.array(FunctionTool).max(128).optional(),
    tool_choice: ToolChoice.optional(),
    parallel_tool_calls: z.boolean().optional(),
    logprobs: z.boolean().optional(),
    top_logprobs: z.number().int().min(0).max(20).optional(),
    // Fields both APIs take (the Responses body nests two of them: reasoning.effort, text.verbosity).
    reasoning_effort: ReasoningEffort.optional(),
    verbosity: Verbosity.optional(),
    store: z.boolean().optional(),
    service_tier: ServiceTier.optional(),
    prompt_cache_key: z.string().min(1).max(1024).optional(),
    safety_identifier: z.string().min(1).max(64).optional(),
  })
  .strict();
export type ChatRequest = z.infer<typeof ChatRequest>;

/** The request a new user starts from. */
export function defaultChatRequest(model = "sim-chat-1"): ChatRequest {
  return {
    model,
    messages: [
      { role: "system", content: "You are a concise assistant. Answer in two or three sentences." },
      { role: "user", content: "Explain what the temperature parameter changes in a chat completion." },
    ],
    temperature: 1,
    max_completion_tokens: 256,
  };
}
