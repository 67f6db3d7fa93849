// Tests of the phrase under "Try it" that says what a lesson's preset loads.
import { describe, expect, it } from "vitest";
import type { PlaygroundPreset } from "../../../shared/lesson";
import { presetContents } from "./presetContents";

const base: PlaygroundPreset = { request: { model: "sim-chat-1", messages: [{ role: "user", content: "Hi" }] }, simulatorFailure: "none" };
const tool = (name: string) => ({ type: "function" as const, function: { name, parameters: { type: "object", properties: {} } } });

describe("presetContents", () => {
  it("names only the messages and parameters for a plain preset, and a simulated failure when set", () => {
    expect(presetContents(base)).toBe("the messages and parameters");
    expect(presetContents({ ...base, simulatorFailure: "rate_limit" })).toBe('the messages and parameters and the simulated failure "rate_limit"');
  });

  it("names the response format, strict or not", () => {
    const schema = { type: "json_schema" as const, json_schema: { name: "ticket_triage", strict: true, schema: {} } };
    expect(presetContents({ ...base, request: { ...base.request, response_format: schema } })).toBe('the messages and parameters and the json_schema response format "ticket_triage" (strict)');
    expect(presetContents({ ...base, request: { ...base.request, response_format: { type: "json_object" } } })).toContain("json_object response format");
  });

  it("counts the tools and says which settings come with them", () => {
    const request = { ...base.request, tools: [tool("get_order_status"), tool("create_refund")], tool_choice: "auto" as const };
    expect(presetContents({ ...base, request })).toBe("the messages and parameters and 2 tools (tool_choice auto)");
    const tools = {
      stepLimit: 5,
      settings: {
        get_order_status: { sensitive: false, mock: { kind: "fixed" as const, json: "{}" }, limits: [] },
        create_refund: { sensitive: true, mock: { kind: "manual" as const }, limits: [{ argument: "amount", max: 100 }] },
      },
    };
    expect(presetContents({ ...base, request, tools })).toBe("the messages and parameters and 2 tools (with mocks, approval and limits; tool_choice auto)");
  });
});
