import { describe, expect, it } from "vitest";
import { ChatRequest, defaultChatRequest } from "../../../shared/chatRequest";
import {
  addMessage,
  moveMessage,
  parseNumberInput,
  removeMessage,
  setMessageContent,
  setMessageRole,
  setNumericParam,
  setStopSequences,
  parseToolCallsText,
  setToolCallId,
  setToolCalls,
  toolCallsText,
  withRole,
} from "./requestEdits";

const base = defaultChatRequest();

describe("message edits", () => {
  it("adds the next turn's role: an assistant after a user message, a user otherwise", () => {
    const withAssistant = addMessage(base);
    expect(withAssistant.messages.at(-1)).toEqual({ role: "assistant", content: "" });
    expect(addMessage(withAssistant).messages.at(-1)).toEqual({ role: "user", content: "" });
  });

  it("gives an added tool message an empty tool_call_id for the user to fill", () => {
    expect(addMessage(base, "tool").messages.at(-1)).toEqual({ role: "tool", content: "", tool_call_id: "" });
  });

  it("removes and reorders without touching other messages, ignoring moves past the ends", () => {
    const three = addMessage(base, "assistant");
    const moved = moveMessage(three, 2, -1);
    expect(moved.messages.map((m) => m.role)).toEqual(["system", "assistant", "user"]);
    expect(moveMessage(three, 0, -1)).toBe(three);
    expect(moveMessage(three, 2, 1)).toBe(three);
    expect(removeMessage(three, 0).messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(three.messages).toHaveLength(3); // the original is not mutated
  });

  it("keeps the content when the role changes and drops fields the new role does not allow", () => {
    const asTool = setMessageRole(base, 1, "tool");
    expect(asTool.messages[1]).toEqual({ role: "tool", content: base.messages[1]?.content, tool_call_id: "" });
    const back = setMessageRole(setToolCallId(asTool, 1, "call_1"), 1, "user");
    expect(back.messages[1]).toEqual({ role: "user", content: base.messages[1]?.content });
  });

  it("turns an assistant message with null content into an empty string under another role", () => {
    expect(withRole({ role: "assistant", content: null }, "user")).toEqual({ role: "user", content: "" });
  });

  it("produces requests the contract accepts once a tool message has its id", () => {
    let request = addMessage(base, "tool");
    expect(ChatRequest.safeParse(request).success).toBe(false);
    request = setToolCallId(setMessageContent(request, 2, "42"), 2, "call_abc");
    expect(ChatRequest.safeParse(request).success).toBe(true);
  });
});

describe("parameter edits", () => {
  it("sets and removes numeric parameters", () => {
    const withSeed = setNumericParam(base, "seed", 42);
    expect(withSeed.seed).toBe(42);
    expect("seed" in setNumericParam(withSeed, "seed", undefined)).toBe(false);
  });

  it("keeps at most four non-empty stop sequences and drops the field when none are left", () => {
    expect(setStopSequences(base, ["a", "", "b", "c", "d", "e"]).stop).toEqual(["a", "b", "c", "d"]);
    expect("stop" in setStopSequences({ ...base, stop: ["x"] }, ["", ""])).toBe(false);
  });

  it("reads number inputs: empty is unset, junk is unset, numbers are numbers", () => {
    expect(parseNumberInput("")).toBeUndefined();
    expect(parseNumberInput("  ")).toBeUndefined();
    expect(parseNumberInput("abc")).toBeUndefined();
    expect(parseNumberInput("0.7")).toBe(0.7);
    expect(parseNumberInput("0")).toBe(0);
  });
});

describe("an assistant turn's tool calls", () => {
  const call = { id: "call_1", type: "function" as const, function: { name: "get_weather", arguments: '{"city":"Oslo"}' } };
  const withAssistant: ChatRequest = { model: "m", messages: [{ role: "user", content: "Weather?" }, { role: "assistant", content: "" }] };

  it("reads an array of calls, and turns object arguments into the JSON string the wire wants", () => {
    expect(parseToolCallsText(JSON.stringify([call]))).toEqual({ ok: true, toolCalls: [call] });
    expect(parseToolCallsText(JSON.stringify([{ ...call, function: { name: "get_weather", arguments: { city: "Oslo" } } }]))).toEqual({ ok: true, toolCalls: [call] });
    expect(parseToolCallsText("  ")).toEqual({ ok: true, toolCalls: undefined });
  });

  it("refuses what is not an array of calls, saying why", () => {
    expect(parseToolCallsText("{ nope")).toMatchObject({ ok: false, error: expect.stringMatching(/^Not JSON/) });
    expect(parseToolCallsText(JSON.stringify(call))).toMatchObject({ ok: false, error: expect.stringContaining("array") });
    expect(parseToolCallsText(JSON.stringify([{ ...call, id: "" }]))).toMatchObject({ ok: false });
    expect(parseToolCallsText("[]")).toMatchObject({ ok: false });
  });

  it("sets them with null content for a turn that only calls tools, and removes them again", () => {
    const set = setToolCalls(withAssistant, 1, [call]);
    expect(set.messages[1]).toEqual({ role: "assistant", content: null, tool_calls: [call] });
    expect(toolCallsText(set.messages[1]!)).toBe(JSON.stringify([call], null, 2));
    expect(setToolCalls(set, 1, undefined).messages[1]).toEqual({ role: "assistant", content: "" });
    // Other roles have no tool calls.
    expect(setToolCalls(withAssistant, 0, [call])).toEqual(withAssistant);
  });
});
