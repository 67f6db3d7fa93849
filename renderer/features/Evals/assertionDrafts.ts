// Renderer: the assertion form's model: every assertion type with the fields it takes, drafts
// (assertions being typed, not yet valid) and the JSON text they are kept in sync with.
import { Assertion, assertionTypes, type AssertionType } from "../../../shared/assertions";
import { describeZodError } from "../../../shared/errors";

/** An assertion as the form holds it: an object with a type, possibly not valid yet. */
export type AssertionDraft = { type: string } & Record<string, unknown>;

/** How a field is edited. */
export type FieldKind = "text" | "textarea" | "number" | "checkbox" | "select" | "list" | "literal" | "json";

/** One field of an assertion type. */
export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  /** Left out of the assertion when blank (or unticked). */
  optional?: boolean;
  /** The choices of a select. */
  options?: readonly string[];
  /** A tooltip saying how the field is read. */
  hint?: string;
}

const VARS = "May use {{column}}, filled from each case.";
const text = (key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, label, kind: "text", hint: VARS, ...extra });
const num = (key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, label, kind: "number", ...extra });
const ignoreCase: FieldSpec = { key: "ignoreCase", label: "ignore case", kind: "checkbox", optional: true };

/** The fields of each type, in the order the form shows them (the label, common to all, comes last). */
export const ASSERTION_FIELDS: Record<AssertionType, readonly FieldSpec[]> = {
  equals: [text("value", "equals"), ignoreCase],
  contains: [text("value", "text"), ignoreCase],
  "not-contains": [text("value", "text"), ignoreCase],
  regex: [text("pattern", "pattern", { hint: "A JavaScript regular expression. A {{column}} in it is filled with the case's value escaped, so that value matches literally." }), text("flags", "flags", { optional: true, hint: "Any of i, m, s, u." })],
  "is-json": [],
  "json-schema": [{ key: "schema", label: "JSON Schema", kind: "json", hint: "A JSON Schema object (draft 2020-12). Not filled from the case: {{...}} in it is literal." }],
  "tool-call": [
    text("name", "tool name"),
    { key: "arguments", label: "arguments (JSON object)", kind: "json", optional: true, hint: "Optional. String values may use {{column}}." },
    { key: "match", label: "match", kind: "select", options: ["subset", "exact"], optional: true },
  ],
  "finish-reason": [{ key: "value", label: "finish reasons", kind: "list", hint: "One or more of stop, length, tool_calls, content_filter, separated by commas." }],
  "max-latency": [num("ms", "at most (ms)", { hint: "The answering attempt's time; retries and back-off waits before it do not count." })],
  "max-cost": [num("usd", "at most (USD)")],
  "max-tokens": [num("tokens", "at most (tokens)"), { key: "which", label: "which", kind: "select", options: ["total", "prompt", "completion"], optional: true }],
  "min-attempts": [num("count", "at least (attempts)")],
  fact: [text("fact", "fact"), { key: "equals", label: "equals", kind: "literal", hint: "true, false, null or a number are read as such; anything else is text." }],
  similarity: [{ ...text("expected", "expected answer"), kind: "textarea" }, num("threshold", "threshold (-1 to 1)")],
  rubric: [{ ...text("rubric", "rubric"), kind: "textarea" }, num("minScore", "least score (0 to 1)", { optional: true })],
};

/** The label field every type has. */
export const LABEL_FIELD: FieldSpec = text("label", "label", { optional: true, hint: "Shown instead of the generated description." });

/** One line each type shows in the picker. */
export const ASSERTION_SUMMARIES: Record<AssertionType, string> = {
  equals: "the whole output equals a text",
  contains: "the output contains a text",
  "not-contains": "the output does not contain a text",
  regex: "the output matches a regular expression",
  "is-json": "the output is JSON",
  "json-schema": "the output is JSON valid against a schema",
  "tool-call": "a tool was called (with these arguments)",
  "finish-reason": "the run finished for one of these reasons",
  "max-latency": "the answer took at most this long",
  "max-cost": "the run cost at most this much",
  "max-tokens": "the run used at most this many tokens",
  "min-attempts": "at least this many attempts were made",
  fact: "a fact of the run has this value",
  similarity: "the output's embedding is close to an expected answer's",
  rubric: "a grader model judges the output against a rubric",
};

/** A new assertion of a type, with values that show what to fill in. */
export function newDraft(type: AssertionType): AssertionDraft {
  switch (type) {
    case "equals":
    case "contains":
    case "not-contains":
      return { type, value: "" };
    case "regex":
      return { type, pattern: "" };
    case "is-json":
      return { type };
    case "json-schema":
      return { type, schema: { type: "object" } };
    case "tool-call":
      return { type, name: "" };
    case "finish-reason":
      return { type, value: "stop" };
    case "max-latency":
      return { type, ms: 2000 };
    case "max-cost":
      return { type, usd: 0.01 };
    case "max-tokens":
      return { type, tokens: 500 };
    case "min-attempts":
      return { type, count: 1 };
    case "fact":
      return { type, fact: "", equals: true };
    case "similarity":
      return { type, expected: "", threshold: 0.8 };
    case "rubric":
      return { type, rubric: "" };
  }
}

/** The draft as another type: the label and the fields both types share are kept. */
export function changeType(draft: AssertionDraft, type: AssertionType): AssertionDraft {
  const next = newDraft(type);
  const keys = new Set(ASSERTION_FIELDS[type].map((f) => f.key));
  for (const [key, value] of Object.entries(draft)) if (key === "label" || (keys.has(key) && typeof value === typeof next[key])) next[key] = value;
  return next;
}

/** Whether `type` is one the engine knows. */
export const isAssertionType = (type: string): type is AssertionType => (assertionTypes as string[]).includes(type);

/** The text an input shows for a field. */
export function fieldText(draft: AssertionDraft, field: FieldSpec): string {
  const value = draft[field.key];
  if (value === undefined || value === null) return "";
  if (field.kind === "list") return Array.isArray(value) ? value.join(", ") : String(value);
  if (field.kind === "literal") return typeof value === "string" ? value : JSON.stringify(value);
  if (field.kind === "json") return JSON.stringify(value, null, 2);
  return String(value);
}

/** The draft with a field set from what was typed (a checkbox gives a boolean). */
export function withField(draft: AssertionDraft, field: FieldSpec, input: string | boolean | object | undefined): AssertionDraft {
  const next: AssertionDraft = { ...draft };
  const blank = input === undefined || input === "" || input === false;
  if (blank && field.optional) {
    delete next[field.key];
    return next;
  }
  switch (field.kind) {
    case "checkbox":
      next[field.key] = Boolean(input);
      break;
    case "number":
      // A blank required number stays blank (null), so the schema's message names the field.
      next[field.key] = input === "" ? null : Number(input);
      break;
    case "list": {
      const items = String(input)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      next[field.key] = items.length === 1 ? items[0] : items;
      break;
    }
    case "literal": {
      const raw = String(input).trim();
      next[field.key] = raw === "true" ? true : raw === "false" ? false : raw === "null" ? null : raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : String(input);
      break;
    }
    default:
      next[field.key] = input;
  }
  return next;
}

/** Why a draft is not a valid assertion, or null when it is. */
export function draftProblem(draft: AssertionDraft): string | null {
  if (!isAssertionType(draft.type)) return `"${draft.type}" is not an assertion type; pick one.`;
  const parsed = Assertion.safeParse(draft);
  return parsed.success ? null : describeZodError(parsed.error);
}

/** The JSON text of drafts: an array, one assertion per line (as the case editor has always shown them). */
export function draftsText(drafts: readonly AssertionDraft[]): string {
  return drafts.length ? `[\n${drafts.map((a) => `  ${JSON.stringify(a)}`).join(",\n")}\n]` : "[]";
}

/**
 * Reads the JSON text into drafts for the form; a text that is not a JSON array of objects with a
 * type gives the reason instead, and the form keeps what it had.
 */
export function draftsFromText(text: string): AssertionDraft[] | string {
  if (!text.trim()) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return `Not valid JSON: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (!Array.isArray(raw)) return "The JSON must be an array of assertions, [ ... ].";
  const bad = raw.findIndex((a) => typeof a !== "object" || a === null || Array.isArray(a) || typeof (a as { type?: unknown }).type !== "string");
  if (bad >= 0) return `Assertion ${bad + 1} must be an object with a "type".`;
  return raw as AssertionDraft[];
}
