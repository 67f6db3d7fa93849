// Tests: prompt token estimates follow the chat format and agree with the simulator's usage.
import { describe, expect, it } from "vitest";
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { parseChatParams } from "../electron/simulator/chatParams";
import { planChat } from "../electron/simulator/chatPlan";
import type { ChatRequest } from "./chatRequest";
import { CHAT_OVERHEAD, countRequestTokens, countTextTokens } from "./tokens";

/** What the simulator reports as prompt_tokens for the same request body. */
function simulatorPromptTokens(request: ChatRequest): number {
  return planChat(parseChatParams(request)).usage.prompt_tokens;
}

const schema = {
  type: "object",
  properties: { title: { type: "string" }, tags: { type: "array", items: { type: "string" } } },
  required: ["title", "tags"],
  additionalProperties: false,
};

const requests: Record<string, ChatRequest> = {
  plain: { model: "sim-chat-1", messages: [{ role: "user", content: "Hello there" }] },
  conversation: {
    model: "sim-chat-1",
    messages: [
      { role: "system", content: "You are terse." },
      { role: "developer", content: "Answer in French.", name: "lead_dev" },
      { role: "user", content: "Qu'est-ce qu'un token ? 🎉 — «ünïcode»\nand a second line", name: "ada" },
      { role: "assistant", content: "Un morceau de texte." },
      { role: "user", content: "" },
    ],
  },
  structured: {
    model: "sim-chat-mini-1",
    messages: [{ role: "user", content: "Summarise the ticket." }],
    response_format: { type: "json_schema", json_schema: { name: "ticket", strict: true, schema } },
  },
  tools: {
    model: "sim-chat-1",
    messages: [{ role: "user", content: "Weather in Paris?" }],
    tools: [
      { type: "function", function: { name: "get_weather", description: "Current weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } },
      { type: "function", function: { name: "no_params" } },
    ],
  },
  toolsAndSchema: {
    model: "sim-chat-1",
    messages: [{ role: "user", content: "Both" }],
    tools: [{ type: "function", function: { name: "lookup", parameters: schema } }],
    response_format: { type: "json_schema", json_schema: { name: "out", schema } },
  },
};

describe("countRequestTokens", () => {
  it("counts each message as overhead + role + content (+ 1 + name), plus the reply priming", () => {
    const request: ChatRequest = { model: "gpt-4.1", messages: [{ role: "user", content: "Hello there", name: "ada" }] };
    const expected = CHAT_OVERHEAD.perMessage + encode("user").length + encode("Hello there").length + CHAT_OVERHEAD.perName + encode("ada").length;
    expect(countRequestTokens(request)).toEqual({ perMessage: [expected], total: expected + CHAT_OVERHEAD.replyPriming });
    expect(expected).toBe(3 + 1 + 2 + 1 + 1); // o200k_base: "user" 1, "Hello there" 2, "ada" 1
  });

  it("gives one count per message, and a total that grows with a response schema and tools", () => {
    const counts = countRequestTokens(requests.conversation as ChatRequest);
    expect(counts.perMessage).toHaveLength(5);
    expect(counts.perMessage[4]).toBe(CHAT_OVERHEAD.perMessage + countTextTokens("user"));
    const plain = countRequestTokens({ ...(requests.structured as ChatRequest), response_format: undefined });
    const structured = countRequestTokens(requests.structured as ChatRequest);
    expect(structured.perMessage).toEqual(plain.perMessage);
    expect(structured.total - plain.total).toBe(countTextTokens(JSON.stringify(schema)));
  });

  it("counts the name and arguments of earlier tool calls, which a tool conversation sends back", () => {
    const base: ChatRequest = { model: "gpt-4.1", messages: [{ role: "assistant", content: null }] };
    const withCall: ChatRequest = {
      model: "gpt-4.1",
      messages: [{ role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] }],
    };
    const extra = countRequestTokens(withCall).total - countRequestTokens(base).total;
    expect(extra).toBe(countTextTokens("get_weather") + countTextTokens('{"city":"Paris"}'));
  });

  for (const [name, request] of Object.entries(requests)) {
    it(`agrees with the simulator's prompt_tokens (${name})`, () => {
      expect(countRequestTokens(request).total).toBe(simulatorPromptTokens(request));
    });
  }
});
