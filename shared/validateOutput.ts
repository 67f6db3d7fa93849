// Both processes: checks a model's answer against the JSON Schema it was asked to follow, with
// errors a learner can read ("$.items[2].price should be a number, not a string").
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { safeAjvRegExp } from "./regex/ajvRegExp";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import { JsonTooDeepError, parseJsonWithin, tooDeepMessage } from "./jsonDepth";

/** One way the answer breaks the schema. */
export interface OutputError {
  /** Where, as a JSONPath: "$" is the whole answer, e.g. "$.items[2].price". */
  path: string;
  message: string;
}

/** The outcome of checking an answer. `value` is the parsed answer whenever it was JSON. */
export interface OutputCheck {
  ok: boolean;
  value?: unknown;
  errors: OutputError[];
}

/** How many compiled schemas to keep; a playground session rarely uses more than a handful. */
const CACHE_SIZE = 32;

let sharedAjv: Ajv2020 | null = null;
const compiled = new Map<string, { schema: object; validate: ValidateFunction } | { schema: object; error: string }>();

/**
 * `addUsedSchema: false`: two schemas with the same `$id` must not collide in the shared instance.
 * `logger: false`: a failure is returned as an error; ajv would also print its generated code.
 * `code.regExp`: a schema's `pattern` runs on the linear-time engine, so no pattern can stall.
 */
function ajv(): Ajv2020 {
  if (!sharedAjv) {
    sharedAjv = new Ajv2020({ strict: false, allErrors: true, addUsedSchema: false, logger: false, code: { regExp: safeAjvRegExp } });
    addFormats(sharedAjv);
  }
  return sharedAjv;
}

/** The compiled validator for a schema, cached by its JSON text (least recently used dropped first). */
function validatorFor(schema: object): { validate: ValidateFunction } | { error: string } {
  const key = JSON.stringify(schema);
  const hit = compiled.get(key);
  if (hit) {
    compiled.delete(key); // re-insert: Map order is the recency order
    compiled.set(key, hit);
    return hit;
  }
  // Compile a private copy, so a caller mutating its object later cannot change the cached validator.
  const copy = JSON.parse(key) as object;
  let entry: { schema: object; validate: ValidateFunction } | { schema: object; error: string };
  try {
    entry = { schema: copy, validate: ajv().compile(copy) };
  } catch (err) {
    ajv().removeSchema(copy);
    entry = { schema: copy, error: err instanceof Error ? err.message : String(err) };
    // Under a content security policy without 'unsafe-eval' (the app's renderer) ajv cannot
    // generate its validator: say where to run the check instead, and do not cache the failure.
    if (err instanceof EvalError) return { error: `validation cannot run in this process (${err.message}); run it on the main side` };
  }
  compiled.set(key, entry);
  if (compiled.size > CACHE_SIZE) {
    const [oldestKey, oldest] = compiled.entries().next().value as [string, { schema: object }];
    compiled.delete(oldestKey);
    ajv().removeSchema(oldest.schema); // ajv keeps its own cache keyed by the schema object
  }
  return entry;
}

/** A JSONPath for a JSON pointer: identifiers as `.name`, others as `["odd key"]`, indexes as `[2]`. */
export function pointerToJsonPath(pointer: string): string {
  if (!pointer) return "$";
  const segments = pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  return segments.reduce((path, s) => {
    if (/^(0|[1-9]\d*)$/.test(s)) return `${path}[${s}]`;
    if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)) return `${path}.${s}`;
    return `${path}[${JSON.stringify(s)}]`;
  }, "$");
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

const ARTICLES: Record<string, string> = {
  string: "a string", number: "a number", integer: "an integer", boolean: "a boolean",
  object: "an object", array: "an array", null: "null",
};

function valueAt(root: unknown, pointer: string): unknown {
  if (!pointer) return root;
  let current: unknown = root;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** One readable sentence for an ajv error. */
function describe(e: ErrorObject, root: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return `is missing the required property "${String(p.missingProperty)}"`;
    case "additionalProperties":
      return `has a property "${String(p.additionalProperty)}" the schema does not allow`;
    case "type": {
      const wanted = String(p.type).split(",").map((t) => ARTICLES[t] ?? t).join(" or ");
      return `should be ${wanted}, not ${jsonType(valueAt(root, e.instancePath))}`;
    }
    case "enum":
      return `should be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `should be exactly ${JSON.stringify(p.allowedValue)}`;
    case "format":
      return `should be a valid ${String(p.format)}`;
    case "pattern":
      return `should match the pattern ${String(p.pattern)}`;
    case "anyOf":
      return "matches none of the allowed alternatives (anyOf)";
    case "minItems":
      return `should have at least ${String(p.limit)} item${p.limit === 1 ? "" : "s"}`;
    case "maxItems":
      return `should have at most ${String(p.limit)} item${p.limit === 1 ? "" : "s"}`;
    default:
      return (e.message ?? "is invalid").replace(/^must\b/, "should");
  }
}

/** Where and why the answer is not JSON; jsonc-parser gives the offset JSON.parse does not always say. */
function parseFailure(text: string): string {
  if (text.trim() === "") return "The answer is empty, not JSON.";
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return "The answer is not valid JSON.";
  // "CloseBraceExpected" -> "close brace expected"
  const what = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  const before = text.slice(0, first.offset);
  const line = before.split("\n").length;
  const column = first.offset - before.lastIndexOf("\n");
  return `The answer is not valid JSON: ${what} at line ${line}, column ${column}.`;
}

/**
 * Parses an answer as JSON and validates it against a JSON Schema (draft 2020-12, with formats).
 * Never throws: a parse failure, an uncompilable schema and every schema violation come back as
 * errors, each with a JSONPath and a sentence.
 */
export function validateAgainstSchema(text: string, schema: object): OutputCheck {
  let value: unknown;
  try {
    value = parseJsonWithin(text);
  } catch (err) {
    // jsonc-parser (parseFailure) and ajv recurse: an over-deep answer is refused before either runs.
    if (err instanceof JsonTooDeepError) return { ok: false, errors: [{ path: "$", message: tooDeepMessage("The answer", err.max) }] };
    return { ok: false, errors: [{ path: "$", message: parseFailure(text) }] };
  }
  const validator = validatorFor(schema);
  if ("error" in validator) {
    return { ok: false, value, errors: [{ path: "$", message: `The schema itself cannot be used: ${validator.error}` }] };
  }
  if (validator.validate(value)) return { ok: true, value, errors: [] };
  const errors = (validator.validate.errors ?? []).map((e) => {
    const path = pointerToJsonPath(e.instancePath);
    return { path, message: `${path} ${describe(e, value)}.` };
  });
  return { ok: false, value, errors };
}
