// Both processes: estimates the prompt tokens of a chat request before it is sent, with the
// o200k_base tokenizer (the GPT-4o / GPT-4.1 / o-series / GPT-5 family) and the chat format's overhead.
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import type { ChatMessage, ChatRequest } from "./chatRequest";

/**
 * Overhead constants from OpenAI's cookbook "How to count tokens with tiktoken" (for every chat
 * model since gpt-3.5-turbo-0613): each message is wrapped in about 3 special tokens
 * (<|start|>{role}<|message|>...<|end|>), a `name` costs 1 more token, and every reply is primed
 * with 3 tokens (<|start|>assistant<|message|>). They are the cookbook's figures, not guarantees:
 * the real count for a given model can differ by a few tokens, so the result is an estimate.
 * The simulator (electron/simulator/tokens.ts) uses the same constants, so its usage agrees.
 */
export const CHAT_OVERHEAD = Object.freeze({ perMessage: 3, perName: 1, replyPriming: 3 });

/** Number of o200k_base tokens in a text. */
export function countTextTokens(text: string): number {
  return text ? encode(text).length : 0;
}

/** Tokens of one message: overhead, role, content, name, and any tool calls it carries. */
function messageTokens(message: ChatMessage): number {
  let total = CHAT_OVERHEAD.perMessage + countTextTokens(message.role) + countTextTokens(message.content ?? "");
  if ("name" in message && message.name) total += CHAT_OVERHEAD.perName + countTextTokens(message.name);
  if (message.role === "assistant" && message.tool_calls) {
    // Earlier tool calls are sent back as text the model reads; their exact wrapping is not
    // documented, so only the name and the arguments are counted.
    for (const call of message.tool_calls) total += countTextTokens(call.function.name) + countTextTokens(call.function.arguments);
  }
  return total;
}

/**
 * The text the server also tokenizes with the prompt: tool definitions and a response schema.
 * OpenAI renders these in an internal, undocumented format; this estimate tokenizes their JSON
 * in the same shape the simulator does (name, description, parameters per tool, then the schema),
 * so the two agree, and is otherwise only an approximation of the real count.
 */
function definitionsText(request: ChatRequest): string {
  const tools = request.tools ?? [];
  const toolsText = tools.length
    ? JSON.stringify(
        tools.map((t) => ({
          name: t.function.name,
          description: t.function.description ?? "",
          parameters: t.function.parameters ?? { type: "object", properties: {} },
        })),
      )
    : "";
  const format = request.response_format;
  const schemaText = format?.type === "json_schema" ? JSON.stringify(format.json_schema.schema ?? {}) : "";
  // Tokenized as one text, as the simulator does: splitting it could change the count at the seam.
  return toolsText + schemaText;
}

/**
 * Estimated prompt tokens of a request: `perMessage[i]` is message i with its overhead;
 * `total` adds the reply priming and the tool and schema definitions (see definitionsText).
 */
export function countRequestTokens(request: ChatRequest): { total: number; perMessage: number[] } {
  const perMessage = request.messages.map(messageTokens);
  const total =
    CHAT_OVERHEAD.replyPriming + perMessage.reduce((sum, n) => sum + n, 0) + countTextTokens(definitionsText(request));
  return { total, perMessage };
}
