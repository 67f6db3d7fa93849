import { describe, expect, it } from "vitest";
import type { ChatRequest } from "../chatRequest";
import { keepChatOnly, notCarried, parseResponsesBody, toResponsesBody } from "./responsesBody";
import { defaultApiFor } from "./requestApi";

const toolRound: ChatRequest = {
  model: "gpt-4.1-mini",
  messages: [
    { role: "system", content: "You help with orders." },
    { role: "developer", content: "Be brief." },
    { role: "user", content: "Where is order A1?" },
    { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "lookup", arguments: '{"id":"A1"}' } }] },
    { role: "tool", tool_call_id: "call_1", content: '{"status":"shipped"}' },
  ],
  tools: [{ type: "function", function: { name: "lookup", description: "Find an order", parameters: { type: "object", properties: { id: { type: "string" } } } } }],
  tool_choice: { type: "function", function: { name: "lookup" } },
  max_completion_tokens: 300,
  temperature: 0.5,
  response_format: { type: "json_schema", json_schema: { name: "order", strict: true, schema: { type: "object", properties: {}, additionalProperties: false } } },
  reasoning_effort: "low",
  verbosity: "high",
  store: true,
  service_tier: "flex",
  prompt_cache_key: "orders-v1",
  safety_identifier: "user-42",
};

describe("the Responses body of a playground request", () => {
  it("maps instructions, input items, tools, format and the renamed fields", () => {
    const body = toResponsesBody(toolRound, { reasoning_summary: "auto", previous_response_id: "resp_1" });
    expect(body).toEqual({
      model: "gpt-4.1-mini",
      instructions: "You help with orders.\n\nBe brief.",
      input: [
        { type: "message", role: "user", content: "Where is order A1?" },
        { type: "function_call", call_id: "call_1", name: "lookup", arguments: '{"id":"A1"}' },
        { type: "function_call_output", call_id: "call_1", output: '{"status":"shipped"}' },
      ],
      temperature: 0.5,
      max_output_tokens: 300,
      text: { format: { type: "json_schema", name: "order", strict: true, schema: { type: "object", properties: {}, additionalProperties: false } }, verbosity: "high" },
      tools: [{ type: "function", name: "lookup", description: "Find an order", parameters: { type: "object", properties: { id: { type: "string" } } }, strict: false }],
      tool_choice: { type: "function", name: "lookup" },
      reasoning: { effort: "low", summary: "auto" },
      store: true,
      previous_response_id: "resp_1",
      service_tier: "flex",
      prompt_cache_key: "orders-v1",
      safety_identifier: "user-42",
    });
    expect(body).not.toHaveProperty("max_completion_tokens");
    expect(body).not.toHaveProperty("response_format");
  });

  it("keeps a system message that follows the conversation's start as an input message", () => {
    const body = toResponsesBody({ model: "m", messages: [{ role: "user", content: "hi" }, { role: "system", content: "Now answer in French." }] });
    expect(body.instructions).toBeUndefined();
    expect(body.input).toEqual([
      { type: "message", role: "user", content: "hi" },
      { type: "message", role: "system", content: "Now answer in French." },
    ]);
  });

  it("reads its own body back to the same request and extras", () => {
    const extras = { reasoning_summary: "concise" as const, previous_response_id: "resp_9" };
    const back = parseResponsesBody(JSON.parse(JSON.stringify(toResponsesBody(toolRound, extras))));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.extras).toEqual(extras);
    // The two leading instructions come back as one system message; the tool gains Responses' explicit strict: false.
    expect(back.request.messages.slice(1)).toEqual(toolRound.messages.slice(2));
    expect(back.request.messages[0]).toEqual({ role: "system", content: "You help with orders.\n\nBe brief." });
    expect(back.request.tools?.[0]?.function.strict).toBe(false);
    const { messages: _m, tools: _t, ...rest } = back.request;
    const { messages: _m2, tools: _t2, ...expected } = toolRound;
    expect(rest).toEqual(expected);
  });

  it("takes a plain string input as one user message, and names what a body gets wrong", () => {
    const ok = parseResponsesBody({ model: "gpt-5-mini", input: "Hello", reasoning: { effort: "high" } });
    expect(ok).toEqual({ ok: true, request: { model: "gpt-5-mini", messages: [{ role: "user", content: "Hello" }], reasoning_effort: "high" }, extras: {} });
    const wrong = parseResponsesBody({ model: "m", input: "x", max_completion_tokens: 5 });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error).toMatch(/max_completion_tokens/);
    const badEffort = parseResponsesBody({ model: "m", input: "x", reasoning: { effort: "huge" } });
    expect(badEffort.ok).toBe(false);
    if (!badEffort.ok) expect(badEffort.error).toMatch(/reasoning\.effort/);
  });
});

describe("switching between the APIs", () => {
  const chatOnly: ChatRequest = {
    model: "sim-chat-1",
    messages: [{ role: "user", content: "hi", name: "ada" }],
    n: 2,
    stop: ["END"],
    seed: 7,
    logprobs: true,
    top_logprobs: 3,
    temperature: 1,
  };

  it("says what Responses cannot carry, each with its reason", () => {
    const dropped = notCarried("responses", chatOnly, {});
    expect(dropped.map((d) => d.param)).toEqual(["n", "stop", "seed", "logprobs", "top_logprobs", "messages[].name"]);
    expect(dropped.every((d) => d.reason.length > 10)).toBe(true);
    const body = toResponsesBody(chatOnly);
    for (const param of ["n", "stop", "seed", "logprobs", "top_logprobs"]) expect(body).not.toHaveProperty(param);
  });

  it("says what Chat Completions cannot carry: the reasoning summary and the stored conversation", () => {
    const dropped = notCarried("chat", { model: "m", messages: [{ role: "user", content: "x" }] }, { reasoning_summary: "auto", previous_response_id: "resp_1" });
    expect(dropped.map((d) => d.param)).toEqual(["reasoning.summary", "previous_response_id"]);
    expect(notCarried("chat", chatOnly, {})).toEqual([]);
  });

  it("carries everything of a plain request", () => {
    const plain: ChatRequest = { model: "m", messages: [{ role: "system", content: "s" }, { role: "user", content: "u" }], temperature: 0.2, store: false };
    expect(notCarried("responses", plain, {})).toEqual([]);
  });

  it("editing the Responses body keeps the Chat-only fields a switch back would send", () => {
    const edited: ChatRequest = { model: "sim-chat-mini-1", messages: [{ role: "user", content: "new" }], temperature: 0.3 };
    expect(keepChatOnly(chatOnly, edited)).toEqual({ n: 2, stop: ["END"], seed: 7, logprobs: true, top_logprobs: 3, ...edited });
  });

  it("defaults to Responses for OpenAI and the simulator, to Chat Completions for compatible servers", () => {
    expect(defaultApiFor("openai")).toBe("responses");
    expect(defaultApiFor("simulator")).toBe("responses");
    expect(defaultApiFor("compatible")).toBe("chat");
  });
});
