// Main-process tests: the schema channels through dispatch, as either door calls them.
import { describe, expect, it } from "vitest";
import { dispatch, type Handlers } from "../dispatch";
import { createSchemaHandlers } from "./schema";

const handlers = createSchemaHandlers() as unknown as Handlers;
const ctx = { emit: () => {} };

describe("schema.check", () => {
  it("places a strict-mode problem on the line of the offending property", async () => {
    const text = ['{', '  "type": "object",', '  "properties": {', '    "name": { "type": "string" }', "  },", '  "additionalProperties": false', "}"].join("\n");
    const result = await dispatch(handlers, "schema.check", { text }, ctx);
    expect(result.ok).toBe(true);
    const problems = result.ok ? (result.value as { problems: { line: number; message: string }[] }).problems : [];
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(4);
    expect(problems[0]?.message).toMatch(/"name" must be listed in "required"/);
  });

  it("refuses input that is not a text", async () => {
    const result = await dispatch(handlers, "schema.check", { text: 3 }, ctx);
    expect(result.ok).toBe(false);
  });
});

describe("schema.validate", () => {
  const schema = { type: "object", properties: { amount: { type: "number", maximum: 100 } }, required: ["amount"], additionalProperties: false };

  it("passes a valid answer and returns its parsed value", async () => {
    const result = await dispatch(handlers, "schema.validate", { text: '{"amount": 40}', schema }, ctx);
    expect(result).toEqual({ ok: true, value: { ok: true, parsed: true, value: { amount: 40 }, errors: [] } });
  });

  it("lists violations with their JSON path", async () => {
    const result = await dispatch(handlers, "schema.validate", { text: '{"amount": 250, "x": 1}', schema }, ctx);
    const value = result.ok ? (result.value as { ok: boolean; errors: { path: string }[] }) : null;
    expect(value?.ok).toBe(false);
    expect(value?.errors.map((e) => e.path).sort()).toEqual(["$", "$.amount"]);
  });

  it("says when the text is not JSON at all", async () => {
    const result = await dispatch(handlers, "schema.validate", { text: "Sorry, I cannot", schema }, ctx);
    const value = result.ok ? (result.value as { parsed: boolean; errors: { message: string }[] }) : null;
    expect(value?.parsed).toBe(false);
    expect(value?.errors[0]?.message).toMatch(/not valid JSON/);
  });
});
