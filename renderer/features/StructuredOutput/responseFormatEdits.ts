// Renderer: edits of the request's response_format, pure so they are tested without a screen.
import type { ChatRequest, ResponseFormat } from "../../../shared/chatRequest";
import { schemaFromExample } from "../../../shared/schemaFromExample";

/** The format types the panel offers. */
export type FormatType = ResponseFormat["type"];

type JsonSchemaFormat = Extract<ResponseFormat, { type: "json_schema" }>;

/** A starting schema for a new json_schema format: strict-clean, one field to rename. */
export const STARTER_SCHEMA: Record<string, unknown> = {
  type: "object",
  properties: { answer: { type: "string", description: "The answer." } },
  required: ["answer"],
  additionalProperties: false,
};

/**
 * Switches the format type. "text" removes response_format (the API's default); json_schema
 * restores the schema last used in this session (`remembered`) or starts from STARTER_SCHEMA.
 */
export function setFormatType(request: ChatRequest, type: FormatType, remembered?: JsonSchemaFormat["json_schema"]): ChatRequest {
  const { response_format: _old, ...rest } = request;
  if (type === "text") return rest;
  if (type === "json_object") return { ...rest, response_format: { type: "json_object" } };
  const json_schema = remembered ?? { name: "answer", strict: true, schema: structuredClone(STARTER_SCHEMA) };
  return { ...rest, response_format: { type: "json_schema", json_schema } };
}

/** Changes fields of the json_schema format (no-op for other formats). */
export function editJsonSchema(request: ChatRequest, change: Partial<JsonSchemaFormat["json_schema"]>): ChatRequest {
  const format = request.response_format;
  if (format?.type !== "json_schema") return request;
  return { ...request, response_format: { type: "json_schema", json_schema: { ...format.json_schema, ...change } } };
}

/** Replaces the schema with one drafted from a pasted JSON example, or says why it cannot. */
export function schemaFromExampleText(text: string): { ok: true; schema: Record<string, unknown> } | { ok: false; error: string } {
  let example: unknown;
  try {
    example = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `The example is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  return { ok: true, schema: schemaFromExample(example) as Record<string, unknown> };
}
