// Tests (Node): when the simulated assistant calls tools, and with which arguments.
import { describe, expect, it } from "vitest";
import type { ChatParams, SimTool } from "./chatParams";
import { conversationHints } from "./conversationHints";
import { createRng } from "./random";
import { chooseTools, planToolCalls } from "./toolCalls";

const weather: SimTool = { name: "get_weather", description: "Current weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } };
const email: SimTool = { name: "send_email", description: "Send an email message to someone", parameters: { type: "object", properties: { to: { type: "string", format: "email" }, subject: { type: "string" } }, required: ["to", "subject"] } };

function params(content: string, extra: Partial<ChatParams> = {}): ChatParams {
  return {
    model: "sim-chat-1",
    messages: [{ role: "user", content }],
    stream: false,
    includeUsage: false,
    n: 1,
    temperature: 1,
    seed: null,
    maxTokens: null,
    stop: [],
    responseFormat: { type: "text" },
    tools: [weather, email],
    toolChoice: "auto",
    parallelToolCalls: true,
    logprobs: false,
    topLogprobs: 0,
    ...extra,
  };
}

describe("chooseTools", () => {
  it("auto picks the tool whose name or description words the user used, or none", () => {
    expect(chooseTools(params("How is the weather in Rome?")).map((t) => t.name)).toEqual(["get_weather"]);
    expect(chooseTools(params("Please send an email to Bob")).map((t) => t.name)).toEqual(["send_email"]);
    expect(chooseTools(params("Tell me a story"))).toEqual([]);
  });

  it("auto calls several matching tools only when parallel calls are allowed", () => {
    const both = "Check the weather, then send an email about it";
    expect(chooseTools(params(both))).toHaveLength(2);
    expect(chooseTools(params(both, { parallelToolCalls: false }))).toHaveLength(1);
  });

  it("none never calls, required always calls one, a named choice calls that tool", () => {
    expect(chooseTools(params("weather?", { toolChoice: "none" }))).toEqual([]);
    expect(chooseTools(params("Tell me a story", { toolChoice: "required" }))).toHaveLength(1);
    expect(chooseTools(params("weather?", { toolChoice: { name: "send_email" } })).map((t) => t.name)).toEqual(["send_email"]);
  });

  it("auto answers in text once a tool result came back", () => {
    const after = params("weather in Rome?");
    after.messages.push(
      { role: "assistant", content: "", toolCalls: [{ id: "c", name: "get_weather", arguments: "{}" }] },
      { role: "tool", content: "sunny", toolCallId: "c" },
    );
    expect(chooseTools(after)).toEqual([]);
  });
});

describe("planToolCalls", () => {
  it("fills arguments from the conversation and gives call ids", () => {
    const [call] = planToolCalls(params("What is the weather in Buenos Aires today?"), createRng(3));
    expect(call?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    expect(JSON.parse(call?.arguments ?? "")).toEqual({ city: "Buenos Aires" });
  });
});

describe("conversationHints", () => {
  it("reads named values, place names and numbers", () => {
    const hints = conversationHints("Book it for Lisbon, guests: 4, subject is Holiday plans");
    expect(hints.stringFor?.("subject")).toBe("Holiday plans");
    expect(hints.stringFor?.("city")).toBe("Lisbon");
    expect(hints.numberFor?.("guests")).toBe(4);
    expect(hints.stringFor?.("colour")).toBeUndefined();
  });
});
