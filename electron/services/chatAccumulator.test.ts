// Tests: folding streamed chunks into choices, including tool calls split into fragments.
import { describe, expect, it } from "vitest";
import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import { createChoiceAccumulator } from "./chatAccumulator";

type ChoiceChunk = ChatCompletionChunk["choices"][number];

function chunk(choices: Partial<ChoiceChunk>[]): ChatCompletionChunk {
  return {
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "sim-chat-1",
    choices: choices.map((c) => ({ index: 0, delta: {}, finish_reason: null, ...c })),
  };
}

describe("createChoiceAccumulator", () => {
  it("concatenates content per choice and reports each chunk's text", () => {
    const acc = createChoiceAccumulator();
    expect(acc.add(chunk([{ delta: { role: "assistant", content: "" } }]))).toEqual({ content: [], hasOutput: false });
    expect(acc.add(chunk([{ delta: { content: "Hi" } }, { index: 1, delta: { content: "Yo" } }])).content).toEqual([
      { index: 0, text: "Hi" },
      { index: 1, text: "Yo" },
    ]);
    acc.add(chunk([{ index: 1, delta: { content: "!" }, finish_reason: "length" }]));
    acc.add(chunk([{ delta: { content: " there" }, finish_reason: "stop" }]));
    expect(acc.choices()).toEqual([
      { index: 0, content: "Hi there", refusal: null, toolCalls: [], finishReason: "stop" },
      { index: 1, content: "Yo!", refusal: null, toolCalls: [], finishReason: "length" },
    ]);
  });

  it("joins tool-call argument fragments by tool-call index, interleaved across calls", () => {
    const acc = createChoiceAccumulator();
    const frag = (index: number, fn: { name?: string; arguments?: string }, id?: string) =>
      chunk([{ delta: { tool_calls: [{ index, ...(id ? { id, type: "function" as const } : {}), function: fn }] } }]);
    acc.add(frag(0, { name: "get_weather", arguments: "" }, "call_a"));
    acc.add(frag(1, { name: "get_time", arguments: '{"tz"' }, "call_b"));
    expect(acc.add(frag(0, { arguments: '{"city":' })).hasOutput).toBe(true);
    acc.add(frag(1, { arguments: ':"UTC"}' }));
    acc.add(frag(0, { name: "get_weather", arguments: '"Paris"}' }));
    acc.add(chunk([{ finish_reason: "tool_calls" }]));
    const [choice] = acc.choices();
    expect(choice!.toolCalls).toEqual([
      { id: "call_a", name: "get_weather", arguments: '{"city":"Paris"}' },
      { id: "call_b", name: "get_time", arguments: '{"tz":"UTC"}' },
    ]);
    expect(JSON.parse(choice!.toolCalls[0]!.arguments)).toEqual({ city: "Paris" });
    expect(choice!.finishReason).toBe("tool_calls");
    expect(choice!.content).toBe("");
  });

  it("keeps refusals apart from content and ignores the usage chunk", () => {
    const acc = createChoiceAccumulator();
    expect(acc.add(chunk([{ delta: { refusal: "I can't" } }])).hasOutput).toBe(true);
    acc.add(chunk([{ delta: { refusal: " help with that." }, finish_reason: "stop" }]));
    const usageChunk = { ...chunk([]), usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 } };
    expect(acc.add(usageChunk)).toEqual({ content: [], hasOutput: false });
    expect(acc.choices()).toEqual([
      { index: 0, content: "", refusal: "I can't help with that.", toolCalls: [], finishReason: "stop" },
    ]);
  });

  it("gives partial choices with no finish reason when read mid-stream", () => {
    const acc = createChoiceAccumulator();
    acc.add(chunk([{ delta: { content: "Half a sen" } }]));
    const snapshot = acc.choices();
    acc.add(chunk([{ delta: { content: "tence." } }]));
    expect(snapshot).toEqual([{ index: 0, content: "Half a sen", refusal: null, toolCalls: [], finishReason: null }]);
  });
});
