// Renderer tests: building the next request of a tool conversation, and its step limit.
import { describe, expect, it } from "vitest";
import type { ChatMessage, ChatRequest } from "../../../shared/chatRequest";
import { buildContinuation, toolStepsTaken, withoutToolExchange } from "./continuation";
import type { ToolCallState, ToolRound } from "./toolRound";

function call(id: string, result: string | null): ToolCallState {
  return { id, name: "get_order_status", arguments: `{"order_id":"${id}"}`, args: { order_id: id }, sensitive: false, phase: result ? "ready" : "manual", errors: [], refusal: null, result, resultSource: result ? "mock" : null, note: null };
}

const base: ChatRequest = { model: "m", messages: [{ role: "user", content: "Where are A1 and A2?" }] };
const round: ToolRound = { runId: "r", choiceIndex: 0, content: null, calls: [call("c1", '{"s":"shipped"}'), call("c2", '{"s":"lost"}')] };

describe("buildContinuation", () => {
  it("appends the assistant's tool calls and one tool message per call, in order", () => {
    const next = buildContinuation(base, round, 5);
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    expect(next.step).toBe(1);
    expect(next.request.messages.slice(1)).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [
          { id: "c1", type: "function", function: { name: "get_order_status", arguments: '{"order_id":"c1"}' } },
          { id: "c2", type: "function", function: { name: "get_order_status", arguments: '{"order_id":"c2"}' } },
        ],
      },
      { role: "tool", tool_call_id: "c1", content: '{"s":"shipped"}' },
      { role: "tool", tool_call_id: "c2", content: '{"s":"lost"}' },
    ]);
    // The request it came from is left as it was.
    expect(base.messages).toHaveLength(1);
  });

  it("waits while a call has no result, naming it", () => {
    const next = buildContinuation(base, { ...round, calls: [call("c1", "{}"), call("c2", null)] }, 5);
    expect(next).toEqual({ ok: false, reason: "Waiting for get_order_status (c2)." });
  });

  it("stops at the step limit", () => {
    let request = base;
    for (let step = 1; step <= 2; step++) {
      const next = buildContinuation(request, round, 2);
      if (!next.ok) throw new Error(next.reason);
      expect(next.step).toBe(step);
      request = next.request;
    }
    const refused = buildContinuation(request, round, 2);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/Step limit reached: 2 tool rounds .*limit 2/);
  });
});

describe("toolStepsTaken", () => {
  it("counts tool rounds since the last user message only", () => {
    const assistantCall: ChatMessage = { role: "assistant", content: null, tool_calls: [{ id: "x", type: "function", function: { name: "t", arguments: "{}" } }] };
    const messages: ChatMessage[] = [
      { role: "user", content: "a" },
      assistantCall,
      { role: "tool", tool_call_id: "x", content: "{}" },
      { role: "assistant", content: "done" },
      { role: "user", content: "b" },
      assistantCall,
      { role: "tool", tool_call_id: "x", content: "{}" },
    ];
    expect(toolStepsTaken(messages)).toBe(1);
    expect(toolStepsTaken(messages.slice(0, 5))).toBe(0);
  });
});

describe("withoutToolExchange", () => {
  it("removes the tool calls and results after the last user message and keeps the rest", () => {
    const messages: ChatMessage[] = [
      { role: "system", content: "s" },
      { role: "user", content: "q" },
      { role: "assistant", content: null, tool_calls: [{ id: "x", type: "function", function: { name: "t", arguments: "{}" } }] },
      { role: "tool", tool_call_id: "x", content: "{}" },
    ];
    expect(withoutToolExchange(messages)).toEqual(messages.slice(0, 2));
  });
});
