// Both processes: checks a JSON Schema text three ways (JSON syntax, JSON Schema itself, OpenAI's
// Structured Outputs strict-mode rules) and puts every problem on the line and column at fault.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { safeAjvRegExp } from "./regex/ajvRegExp";
import { safePatternProblem } from "./regex/safePattern";
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { jsonTextDepth, MAX_JSON_DEPTH, tooDeepMessage } from "./jsonDepth";

/** One thing wrong (error: the API or JSON Schema refuses it) or doubtful (warning) in a schema text. */
export interface SchemaProblem {
  /** One plain sentence: what is wrong and what to do. */
  message: string;
  /** JSON pointer of the offending node ("" is the root), e.g. "/properties/age/type". */
  path: string;
  /** 1-based line of the offending node in the text. */
  line: number;
  /** 1-based column (UTF-16 code units, as editors count) of the offending node. */
  column: number;
  severity: "error" | "warning";
}

/**
 * Strict-mode limits as OpenAI documents them in the Structured Outputs guide ("Supported
 * schemas", as of 2025; they have been raised before, from 100 properties and 5 levels, and may
 * change again). Nesting counts object schemas only, as the guide words it ("levels of nesting"
 * of objects); arrays do not add a level here.
 */
export const STRICT_LIMITS = Object.freeze({
  maxProperties: 5000,
  maxObjectDepth: 10,
  maxEnumValues: 1000,
  /** Property names, definition names, enum values and const values together. */
  maxTotalStringLength: 120_000,
  /** A single string enum with more values than this... */
  largeEnumValues: 250,
  /** ...may hold at most this many characters in all. */
  largeEnumMaxChars: 15_000,
});

/** Keywords the guide lists as supported in strict mode (plus `required`, `additionalProperties`, `properties`). */
const SUPPORTED_KEYWORDS = new Set([
  "type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf",
  "$ref", "$defs", "definitions", "description", "title",
  "pattern", "format",
  "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
  "minItems", "maxItems",
]);

/** Keywords the guide names as unsupported: using them is an error, not a doubt. */
const DOCUMENTED_UNSUPPORTED = new Set(["allOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas"]);

/** What to do instead of a keyword strict mode does not document. */
const KEYWORD_HINTS: Record<string, string> = {
  oneOf: "use anyOf instead",
  minLength: "state the length in the description instead",
  maxLength: "state the length in the description instead",
  patternProperties: "list each property under properties instead",
  default: "mention the default in the description instead",
  prefixItems: "use an object with named properties instead",
};

/** String formats the guide lists as supported. */
export const STRICT_FORMATS: readonly string[] = ["date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"];

/** Plain sentences for jsonc-parser's error codes. */
const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: "This character cannot start a JSON value (values are objects, arrays, strings, numbers, true, false or null).",
  InvalidNumberFormat: "This number is not written as JSON allows (no leading zeros, no trailing dot, no hex).",
  PropertyNameExpected: "A property name in double quotes is expected here.",
  ValueExpected: "A value is expected here (is there a trailing comma, or nothing after a colon?).",
  ColonExpected: "A colon is expected after the property name.",
  CommaExpected: "A comma is expected between these items.",
  CloseBraceExpected: "A closing } is expected.",
  CloseBracketExpected: "A closing ] is expected.",
  EndOfFileExpected: "There is more text after the end of the JSON value.",
  InvalidCommentToken: "Comments are not allowed in JSON.",
  UnexpectedEndOfComment: "This comment is never closed (and comments are not allowed in JSON).",
  UnexpectedEndOfString: "This string is never closed: add the closing double quote.",
  UnexpectedEndOfNumber: "This number ends too early.",
  InvalidUnicode: "This \\u escape needs four hexadecimal digits.",
  InvalidEscapeCharacter: "This backslash escape is not valid in JSON (use \\\\, \\\", \\n, \\t, \\uXXXX...).",
  InvalidCharacter: "A raw control character (such as a tab or line break) must be escaped inside a string.",
};

type Segment = string | number;
interface Finding {
  path: Segment[];
  message: string;
  severity: SchemaProblem["severity"];
  /** Point at the property's key rather than its value (for "this key should not be here"). */
  atKey?: boolean;
}

let sharedAjv: Ajv2020 | null = null;

/**
 * One validator for meta-validation; `addUsedSchema: false` keeps user `$id`s from colliding, and
 * the meta-schema's own patterns run on the linear-time engine like every other.
 */
function ajv(): Ajv2020 {
  if (!sharedAjv) {
    sharedAjv = new Ajv2020({ strict: false, allErrors: true, addUsedSchema: false, logger: false, code: { regExp: safeAjvRegExp } });
    addFormats(sharedAjv);
  }
  return sharedAjv;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Encodes a path as a JSON pointer (RFC 6901). */
export function toPointer(path: readonly Segment[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

function fromPointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Follows a path through the syntax tree as far as it goes; array steps may be numbers or digit strings. */
function nodeAt(root: Node, path: readonly Segment[]): { node: Node; key: Node | null } {
  let node = root;
  let key: Node | null = null;
  for (const segment of path) {
    if (node.type === "object") {
      const property = node.children?.find((p) => p.children?.[0]?.value === String(segment));
      const value = property?.children?.[1];
      if (!property || !value) break;
      key = property.children?.[0] ?? null;
      node = value;
    } else if (node.type === "array") {
      const child = node.children?.[Number(segment)];
      if (!child) break;
      key = null;
      node = child;
    } else break;
  }
  return { node, key };
}

/** Turns offsets into 1-based lines and columns; \r\n, \r and \n all end a line. */
function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue; // the \n of \r\n ends the line
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

function typesOf(schema: Record<string, unknown>): string[] | null {
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === "string");
  return null;
}

/** Running totals the guide limits across the whole schema. */
interface Totals {
  properties: number;
  enumValues: number;
  stringLength: number;
}

/** Walks one subschema and everything under it, adding strict-mode findings. */
function visit(schema: unknown, path: Segment[], depth: number, totals: Totals, out: Finding[]): void {
  if (typeof schema === "boolean") {
    out.push({ path, severity: "error", message: "Strict mode needs a schema object here, not true or false." });
    return;
  }
  if (!isPlainObject(schema)) return; // JSON Schema validation reports this one
  for (const keyword of Object.keys(schema)) {
    if (SUPPORTED_KEYWORDS.has(keyword)) continue;
    const at = [...path, keyword];
    if (DOCUMENTED_UNSUPPORTED.has(keyword)) {
      out.push({ path: at, atKey: true, severity: "error", message: `"${keyword}" is not supported in strict mode (the guide lists allOf, not, if/then/else, dependentRequired and dependentSchemas as unsupported).` });
    } else {
      const hint = KEYWORD_HINTS[keyword];
      out.push({ path: at, atKey: true, severity: "warning", message: `"${keyword}" is not among the keywords OpenAI documents for strict mode, so the API may refuse the schema${hint ? `; ${hint}` : ""}.` });
    }
  }
  const types = typesOf(schema);
  if (!types && !("anyOf" in schema) && !("$ref" in schema) && !("enum" in schema) && !("const" in schema)) {
    out.push({ path, severity: "error", message: 'Strict mode needs every schema to state its "type" (or to be an anyOf, $ref, enum or const).' });
  }
  const isObject = types ? types.includes("object") : "properties" in schema;
  if (isObject) visitObject(schema, path, depth + 1, totals, out);
  if (typeof schema.format === "string" && !STRICT_FORMATS.includes(schema.format)) {
    out.push({ path: [...path, "format"], severity: "warning", message: `The format "${schema.format}" is not among those the guide lists (${STRICT_FORMATS.join(", ")}), so the API may refuse it.` });
  }
  if (typeof schema.pattern === "string") {
    // Answers are checked here on the linear-time engine: say so before a run, not after it.
    const problem = safePatternProblem(schema.pattern, "u");
    if (problem) out.push({ path: [...path, "pattern"], severity: "warning", message: `This app cannot check answers against this pattern: it ${problem}.` });
  }
  if (Array.isArray(schema.enum)) countEnum(schema.enum, [...path, "enum"], totals, out);
  if (typeof schema.const === "string") totals.stringLength += schema.const.length;
  if (schema.items !== undefined) visit(schema.items, [...path, "items"], depth, totals, out);
  if (Array.isArray(schema.anyOf)) schema.anyOf.forEach((branch, i) => visit(branch, [...path, "anyOf", i], depth, totals, out));
  for (const defsKey of ["$defs", "definitions"]) {
    const defs = schema[defsKey];
    if (!isPlainObject(defs)) continue;
    // A definition's depth where it is used is not followed through $ref: each counts from 0 here.
    for (const [name, def] of Object.entries(defs)) {
      totals.stringLength += name.length;
      visit(def, [...path, defsKey, name], 0, totals, out);
    }
  }
}

function visitObject(schema: Record<string, unknown>, path: Segment[], level: number, totals: Totals, out: Finding[]): void {
  if (level === STRICT_LIMITS.maxObjectDepth + 1) {
    out.push({ path, severity: "error", message: `Objects are nested ${level} levels deep here; strict mode allows at most ${STRICT_LIMITS.maxObjectDepth}.` });
  }
  if (!("additionalProperties" in schema)) {
    out.push({ path, severity: "error", message: 'Every object needs "additionalProperties": false in strict mode.' });
  } else if (schema.additionalProperties !== false) {
    out.push({ path: [...path, "additionalProperties"], severity: "error", message: 'Strict mode needs "additionalProperties": false here (extra keys cannot be allowed).' });
  }
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const requiredNames = new Set(required);
  for (const [name, sub] of Object.entries(properties)) {
    totals.properties += 1;
    totals.stringLength += name.length;
    if (!requiredNames.has(name)) {
      out.push({
        path: [...path, "properties", name],
        atKey: true,
        severity: "error",
        message: `"${name}" must be listed in "required": strict mode has no optional fields, so make it nullable instead (e.g. "type": ["string", "null"]).`,
      });
    }
    visit(sub, [...path, "properties", name], level, totals, out);
  }
  required.forEach((name, i) => {
    if (typeof name === "string" && !Object.prototype.hasOwnProperty.call(properties, name)) {
      out.push({ path: [...path, "required", i], severity: "error", message: `"required" lists "${name}", which is not a property of this object.` });
    }
  });
}

function countEnum(values: unknown[], path: Segment[], totals: Totals, out: Finding[]): void {
  totals.enumValues += values.length;
  const chars = values.reduce<number>((sum, v) => sum + (typeof v === "string" ? v.length : 0), 0);
  totals.stringLength += chars;
  if (values.length > STRICT_LIMITS.largeEnumValues && values.every((v) => typeof v === "string") && chars > STRICT_LIMITS.largeEnumMaxChars) {
    out.push({ path, severity: "error", message: `This enum has ${values.length} values totalling ${chars} characters; above ${STRICT_LIMITS.largeEnumValues} values strict mode allows at most ${STRICT_LIMITS.largeEnumMaxChars} characters.` });
  }
}

/** The strict-mode findings for a parsed schema object. */
function strictFindings(schema: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  const types = typesOf(schema);
  if ("anyOf" in schema) {
    out.push({ path: ["anyOf"], atKey: true, severity: "error", message: "The root cannot be an anyOf: strict mode needs the root to be a single object schema." });
  }
  if (!types || types.length !== 1 || types[0] !== "object") {
    out.push({ path: "type" in schema ? ["type"] : [], severity: "error", message: 'The root must be an object schema ("type": "object").' });
  }
  const totals: Totals = { properties: 0, enumValues: 0, stringLength: 0 };
  visit(schema, [], 0, totals, out);
  if (totals.properties > STRICT_LIMITS.maxProperties) {
    out.push({ path: [], severity: "error", message: `The schema has ${totals.properties} object properties in all; strict mode allows at most ${STRICT_LIMITS.maxProperties}.` });
  }
  if (totals.enumValues > STRICT_LIMITS.maxEnumValues) {
    out.push({ path: [], severity: "error", message: `The schema has ${totals.enumValues} enum values in all; strict mode allows at most ${STRICT_LIMITS.maxEnumValues}.` });
  }
  if (totals.stringLength > STRICT_LIMITS.maxTotalStringLength) {
    out.push({ path: [], severity: "error", message: `Property names, definition names, enum and const values total ${totals.stringLength} characters; strict mode allows at most ${STRICT_LIMITS.maxTotalStringLength}.` });
  }
  return out;
}

/** Findings from JSON Schema meta-validation (draft 2020-12), then from following every $ref. */
function jsonSchemaFindings(schema: Record<string, unknown>): Finding[] {
  // `$schema` naming another draft would make ajv look for a meta-schema it does not hold; the
  // check is always against 2020-12, and strict mode's own rules flag the keyword separately.
  const { $schema: _ignored, ...body } = schema;
  const validator = ajv();
  let valid: boolean;
  const out = refFindings(schema);
  try {
    valid = validator.validateSchema(body) as boolean;
  } catch (err) {
    return [codeGenerationBlocked(err), ...out];
  }
  if (!valid) {
    const seen = new Set<string>();
    // One message per place: an anyOf in the meta-schema repeats the same fault several ways.
    const errors = [...(validator.errors ?? [])].sort((a, b) => Number(a.keyword === "anyOf") - Number(b.keyword === "anyOf"));
    for (const e of errors) {
      if (seen.has(e.instancePath)) continue;
      seen.add(e.instancePath);
      const path = fromPointer(e.instancePath);
      const name = path.length ? `"${path[path.length - 1]}" ` : "The schema ";
      const detail = e.keyword === "enum" && Array.isArray(e.params.allowedValues) ? `must be one of ${e.params.allowedValues.join(", ")}` : (e.message ?? "is invalid");
      out.push({ path, severity: "error", message: `Not valid JSON Schema: ${name}${detail}.` });
    }
  }
  return out;
}

/**
 * Every `$ref` must point inside this schema ("#" or "#/json/pointer") at something that exists.
 * Checked by hand rather than by compiling with ajv, which takes seconds on a schema near the
 * 5000-property limit.
 */
function refFindings(schema: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  const walk = (value: unknown, path: Segment[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (!isPlainObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === "enum" || key === "const") continue; // data, not schemas
      if (key === "$ref" && typeof child === "string") {
        const problem = refProblem(schema, child);
        if (problem) out.push({ path: [...path, key], severity: "error", message: problem });
      } else walk(child, [...path, key]);
    }
  };
  walk(schema, []);
  return out;
}

/** Why a reference cannot be followed, or null when it can. */
function refProblem(schema: Record<string, unknown>, ref: string): string | null {
  if (!ref.startsWith("#")) return `The reference "${ref}" points outside this schema; strict mode can only use references within it (such as "#/$defs/name").`;
  if (ref === "#") return null;
  if (!ref.startsWith("#/")) return `The reference "${ref}" is not a JSON pointer; write it as "#/$defs/name".`;
  let target: unknown = schema;
  for (const raw of ref.slice(2).split("/")) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    } catch {
      return `The reference "${ref}" is not a valid JSON pointer.`;
    }
    if (typeof target !== "object" || target === null || !Object.prototype.hasOwnProperty.call(target, segment)) {
      return `The reference "${ref}" points to nothing in this schema.`;
    }
    target = (target as Record<string, unknown>)[segment];
  }
  return null;
}

/** Where a renderer's content security policy forbids generated code, ajv cannot run: say so, once. */
function codeGenerationBlocked(err: unknown): Finding {
  return {
    path: [],
    severity: "warning",
    message: `The JSON Schema check could not run here (${err instanceof Error ? err.name : "error"}: code generation is blocked), so only the strict-mode rules were checked.`,
  };
}

/**
 * Checks a schema text, in order: that it is JSON, that it is a valid JSON Schema (draft 2020-12),
 * and that it follows OpenAI's Structured Outputs strict-mode rules. Problems are sorted by position.
 */
export function checkSchemaText(text: string): SchemaProblem[] {
  const locate = lineLocator(text);
  // jsonc-parser and the checks below recurse: a text nested thousands deep would overflow the stack.
  if (jsonTextDepth(text) > MAX_JSON_DEPTH) return [{ message: tooDeepMessage("The schema"), path: "", line: 1, column: 1, severity: "error" }];
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (parseErrors.length || !root) {
    // One error per place: a trailing comma, for one, is reported both as "name expected" and "value expected".
    const errors = parseErrors.length ? parseErrors.filter((e, i) => parseErrors.findIndex((o) => o.offset === e.offset) === i) : [{ error: 0, offset: 0, length: 0 }];
    return errors.map((e) => {
      const code = printParseErrorCode(e.error);
      const message = text.trim() === "" ? "The schema is empty: write a JSON object." : (PARSE_MESSAGES[code] ?? `This is not valid JSON (${code}).`);
      return { message, path: "", ...locate(e.offset), severity: "error" as const };
    });
  }
  const value: unknown = getNodeValue(root);
  if (!isPlainObject(value)) {
    return [{ message: "The schema must be a JSON object ({ ... }).", path: "", ...locate(root.offset), severity: "error" }];
  }
  const findings = [...jsonSchemaFindings(value), ...strictFindings(value)];
  const problems = findings.map((f): SchemaProblem => {
    const { node, key } = nodeAt(root, f.path);
    const target = f.atKey && key ? key : node;
    return { message: f.message, path: toPointer(f.path), ...locate(target.offset), severity: f.severity };
  });
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** True when the schema passes every check of `checkSchemaText` with no error (warnings allowed). */
export function isStrictCompatible(schema: unknown): boolean {
  if (!isPlainObject(schema)) return false;
  let text: string;
  try {
    text = JSON.stringify(schema);
  } catch {
    return false; // a cycle or a BigInt is not JSON
  }
  return checkSchemaText(text).every((p) => p.severity !== "error");
}
