// Tests (renderer): rebuilding the final response from streamed chunks.
import { describe, expect, it } from "vitest";
import { assembleResponse } from "./assembleResponse";

const at = (t: number, data: unknown) => ({ t, data });
const base = { id: "chatcmpl-1", object: "chat.completion.chunk", created: 1700000000, model: "sim-chat-1", system_fingerprint: "fp" };

describe("assembleResponse", () => {
  it("joins content deltas per choice and keeps the finish reason and usage", () => {
    const assembled = assembleResponse([
      at(1, { ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] }),
      at(2, { ...base, choices: [{ index: 0, delta: { content: "Hello" }, finish_reason: null }, { index: 1, delta: { content: "Hi" }, finish_reason: null }] }),
      at(3, { ...base, choices: [{ index: 0, delta: { content: " there." }, finish_reason: null }] }),
      at(4, { ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }, { index: 1, delta: {}, finish_reason: "length" }] }),
      at(5, { ...base, choices: [], usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 } }),
    ]);
    expect(assembled).toMatchObject({ id: "chatcmpl-1", object: "chat.completion", model: "sim-chat-1", created: 1700000000 });
    expect(assembled.choices.map((c) => [c.message.content, c.finish_reason])).toEqual([
      ["Hello there.", "stop"],
      ["Hi", "length"],
    ]);
    expect(assembled.usage).toEqual({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 });
  });

  it("merges tool-call deltas by index: id and name first, arguments in pieces", () => {
    const assembled = assembleResponse([
      at(1, { ...base, choices: [{ index: 0, delta: { role: "assistant", content: null, tool_calls: [{ index: 0, id: "call_a", type: "function", function: { name: "get_weather", arguments: "" } }] } }] }),
      at(2, { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] } }] }),
      at(3, { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 1, id: "call_b", function: { name: "get_time", arguments: "{}" } }] } }] }),
      at(4, { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '"Oslo"}' } }] } }] }),
      at(5, { ...base, choices: [{ index: 0, delta: {}, finish_reason: "tool_calls" }] }),
    ]);
    const choice = assembled.choices[0]!;
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toEqual([
      { id: "call_a", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } },
      { id: "call_b", type: "function", function: { name: "get_time", arguments: "{}" } },
    ]);
    expect(choice.finish_reason).toBe("tool_calls");
  });

  it("keeps a refusal apart from the content, and appends logprobs in order", () => {
    const lp = (token: string) => ({ token, logprob: -0.1, top_logprobs: [] });
    const assembled = assembleResponse([
      at(1, { ...base, choices: [{ index: 0, delta: { refusal: "I can't" }, logprobs: { content: null, refusal: [lp("I")] } }] }),
      at(2, { ...base, choices: [{ index: 0, delta: { content: "A" }, logprobs: { content: [lp("A")], refusal: null } }] }),
      at(3, { ...base, choices: [{ index: 0, delta: { content: "B" }, logprobs: { content: [lp("B")], refusal: null } }] }),
    ]);
    const choice = assembled.choices[0]!;
    expect(choice.message.refusal).toBe("I can't");
    expect(choice.logprobs?.content?.map((t) => t.token)).toEqual(["A", "B"]);
    expect(choice.logprobs?.refusal?.map((t) => t.token)).toEqual(["I"]);
  });

  it("skips chunks that are not objects and reports nulls when nothing arrived", () => {
    expect(assembleResponse([at(1, "not json"), at(2, null)])).toEqual({
      id: null,
      object: "chat.completion",
      created: null,
      model: null,
      choices: [],
      usage: null,
    });
  });
});
