// Renderer tests: switching and editing the response format.
import { describe, expect, it } from "vitest";
import { defaultChatRequest } from "../../../shared/chatRequest";
import { checkSchemaText } from "../../../shared/strictSchema";
import { STARTER_SCHEMA, editJsonSchema, schemaFromExampleText, setFormatType } from "./responseFormatEdits";

describe("setFormatType", () => {
  it("removes response_format for text and sets json_object as it is", () => {
    const json = setFormatType(defaultChatRequest(), "json_object");
    expect(json.response_format).toEqual({ type: "json_object" });
    expect(setFormatType(json, "text")).not.toHaveProperty("response_format");
  });

  it("starts json_schema from a strict-clean schema, or restores the remembered one", () => {
    const fresh = setFormatType(defaultChatRequest(), "json_schema");
    expect(fresh.response_format).toEqual({ type: "json_schema", json_schema: { name: "answer", strict: true, schema: STARTER_SCHEMA } });
    expect(checkSchemaText(JSON.stringify(STARTER_SCHEMA))).toEqual([]);
    const remembered = { name: "triage", strict: false, schema: { type: "object" } };
    expect(setFormatType(defaultChatRequest(), "json_schema", remembered).response_format).toEqual({ type: "json_schema", json_schema: remembered });
  });
});

describe("editJsonSchema", () => {
  it("changes the json_schema fields and leaves other formats alone", () => {
    const request = setFormatType(defaultChatRequest(), "json_schema");
    expect(editJsonSchema(request, { strict: false }).response_format).toMatchObject({ json_schema: { name: "answer", strict: false } });
    const text = defaultChatRequest();
    expect(editJsonSchema(text, { name: "x" })).toBe(text);
  });
});

describe("schemaFromExampleText", () => {
  it("drafts a strict schema from an example", () => {
    const out = schemaFromExampleText('{"score": 80, "tags": ["a"]}');
    expect(out.ok).toBe(true);
    if (out.ok) expect(checkSchemaText(JSON.stringify(out.schema)).filter((p) => p.severity === "error")).toEqual([]);
  });

  it("says why an example that is not JSON cannot be used", () => {
    expect(schemaFromExampleText("{score: 1}")).toMatchObject({ ok: false, error: expect.stringContaining("not valid JSON") });
  });
});
