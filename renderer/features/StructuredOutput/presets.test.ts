// Renderer tests: every preset is strict-mode clean, applies without losing the user's model, and
// (against the offline simulator's planner) produces what the end-to-end tests rely on.
import { describe, expect, it } from "vitest";
import { ChatRequest, defaultChatRequest } from "../../../shared/chatRequest";
import { checkSchemaText } from "../../../shared/strictSchema";
import { validateAgainstSchema } from "../../../shared/validateOutput";
import { parseChatParams } from "../../../electron/simulator/chatParams";
import { planChat } from "../../../electron/simulator/chatPlan";
import { TOOL_PRESETS } from "../Tools/toolPresets";
import { applyPreset, STRUCTURED_PRESETS } from "./presets";

const all = [...STRUCTURED_PRESETS, ...TOOL_PRESETS];

describe("presets", () => {
  it.each(all.map((p) => [p.id, p] as const))("%s passes the request schema and strict mode", (_id, preset) => {
    const request = applyPreset(defaultChatRequest("my-model"), preset);
    expect(ChatRequest.safeParse(request).success).toBe(true);
    expect(request.model).toBe("my-model");
    const schemas = [
      ...(request.response_format?.type === "json_schema" ? [request.response_format.json_schema.schema] : []),
      ...(request.tools ?? []).map((t) => t.function.parameters),
    ];
    expect(schemas.length).toBeGreaterThan(0);
    for (const schema of schemas) expect(checkSchemaText(JSON.stringify(schema, null, 2))).toEqual([]);
  });

  it("removes tools when a structured preset replaces a tool preset", () => {
    const withTools = applyPreset(defaultChatRequest(), TOOL_PRESETS[0]!);
    const triage = applyPreset(withTools, STRUCTURED_PRESETS[0]!);
    expect(triage.tools).toBeUndefined();
    expect(triage.tool_choice).toBeUndefined();
    expect(triage.response_format?.type).toBe("json_schema");
  });

  it.each(STRUCTURED_PRESETS.map((p) => [p.id, p] as const))("%s: the simulator's answer validates against the schema", (_id, preset) => {
    const request = applyPreset(defaultChatRequest(), preset);
    const plan = planChat(parseChatParams(request));
    const text = plan.choices[0]?.content ?? "";
    const format = request.response_format;
    if (format?.type !== "json_schema" || !format.json_schema.schema) throw new Error("preset without schema");
    expect(validateAgainstSchema(text, format.json_schema.schema)).toMatchObject({ ok: true });
  });

  it("tool preset: the simulator calls create_refund for the amount the user asked", () => {
    const request = applyPreset(defaultChatRequest(), TOOL_PRESETS[0]!);
    const calls = planChat(parseChatParams(request)).choices[0]?.toolCalls ?? [];
    expect(calls.map((c) => c.name)).toEqual(["create_refund"]);
    expect(JSON.parse(calls[0]?.arguments ?? "{}")).toMatchObject({ order_id: "A1234", amount: 40 });
  });
});
