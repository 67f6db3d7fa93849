// Both processes: the JSON Schema channels: checking a schema text (JSON, JSON Schema, strict mode)
// and validating an answer or tool arguments against a schema. They run in the main process because
// ajv compiles validators to code, which the renderer's content security policy (no eval) forbids.
import { z } from "zod";

/** Texts above this size are refused: a schema or an answer the playground edits is far smaller. */
const MAX_TEXT = 2_000_000;

/** One problem of a schema text, placed on its line (see SchemaProblem in ../strictSchema). */
export const SchemaProblemSchema = z.object({
  message: z.string(),
  path: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  severity: z.enum(["error", "warning"]),
});

/** The outcome of validating a text against a schema (see OutputCheck in ../validateOutput). */
export const OutputCheckSchema = z.object({
  ok: z.boolean(),
  /** Whether the text parsed as JSON (then `value` holds it). */
  parsed: z.boolean(),
  value: z.unknown().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type OutputCheckView = z.infer<typeof OutputCheckSchema>;

/** The schema channels. */
export const schemaChannels = {
  /** Checks a JSON Schema text: JSON syntax, JSON Schema, OpenAI's strict-mode rules; sorted by position. */
  "schema.check": {
    input: z.object({ text: z.string().max(MAX_TEXT) }).strict(),
    output: z.object({ problems: z.array(SchemaProblemSchema) }),
  },
  /** Parses `text` as JSON and validates it against `schema` (draft 2020-12, with formats). */
  "schema.validate": {
    input: z.object({ text: z.string().max(MAX_TEXT), schema: z.record(z.string(), z.unknown()) }).strict(),
    output: OutputCheckSchema,
  },
} as const;
