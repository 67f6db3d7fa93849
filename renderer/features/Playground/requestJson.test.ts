import { describe, expect, it } from "vitest";
import { defaultChatRequest } from "../../../shared/chatRequest";
import { bodyToJson, parseBodyJson, parseRequestJson, requestToJson } from "./requestJson";

describe("raw JSON sync helpers", () => {
  it("round-trips a request through its JSON text", () => {
    const request = { ...defaultChatRequest(), stop: ["END"], seed: 7, n: 2 };
    const parsed = parseRequestJson(requestToJson(request));
    expect(parsed).toEqual({ ok: true, request });
  });

  it("reports a JSON syntax error instead of a request", () => {
    const parsed = parseRequestJson('{ "model": "sim-chat-1", ');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^Not valid JSON/);
  });

  it("names the field that fails the contract schema", () => {
    const request = { ...defaultChatRequest(), temperature: 3 };
    const parsed = parseRequestJson(JSON.stringify(request));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain("temperature");
  });

  it("refuses unknown top-level fields (the schema is strict)", () => {
    const parsed = parseRequestJson(JSON.stringify({ ...defaultChatRequest(), temprature: 1 }));
    expect(parsed.ok).toBe(false);
  });

  it("refuses a tool message without tool_call_id", () => {
    const request = { model: "m", messages: [{ role: "tool", content: "42" }] };
    const parsed = parseRequestJson(JSON.stringify(request));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain("tool_call_id");
  });
});

describe("raw JSON of the chosen API", () => {
  it("shows the Responses body for a Responses draft and reads it back", () => {
    const request = defaultChatRequest();
    const text = bodyToJson("responses", request, { previous_response_id: "resp_1" });
    const shown = JSON.parse(text) as Record<string, unknown>;
    expect(shown.instructions).toBe(request.messages[0]?.content);
    expect(shown.max_output_tokens).toBe(256);
    expect(shown).not.toHaveProperty("messages");
    expect(parseBodyJson("responses", text, {})).toEqual({ ok: true, request, extras: { previous_response_id: "resp_1" } });
  });

  it("shows the chat body for a chat draft, and refuses chat fields in a Responses body", () => {
    const request = defaultChatRequest();
    expect(bodyToJson("chat", request, {})).toBe(requestToJson(request));
    const parsed = parseBodyJson("responses", requestToJson(request), {});
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/Responses request/);
  });
});
