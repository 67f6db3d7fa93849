// Main process (simulator): a small deterministic generator of instances valid against a JSON
// Schema, for structured outputs and tool-call arguments.
import { compileSafePattern, type SafePattern } from "../../shared/regex/safePattern";

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

type Schema = Record<string, unknown>;

/** Optional sources of realistic values, e.g. words taken from the conversation. */
export interface InstanceHints {
  /** A string for the property `name` (of the schema's `format`, when it has one), or undefined to use the default. */
  stringFor?(name: string, format?: string): string | undefined;
  /** A number for the property `name`, or undefined. */
  numberFor?(name: string): number | undefined;
  /** A boolean for the property `name`, or undefined. */
  booleanFor?(name: string): boolean | undefined;
  /**
   * True when the hints are the input's own values: a nullable property they hold nothing for is
   * then null (the value is absent), not a placeholder.
   */
  nullWhenAbsent?: boolean;
  /** One of `values` for the property `name`, or undefined. */
  enumFor?(name: string, values: readonly unknown[]): unknown;
}

/** Past this depth only what the schema requires is generated, so recursive schemas end. */
const FULL_DEPTH = 6;
/** A schema that cannot end (a required property that refers to itself) is cut here. */
const HARD_DEPTH = 32;

interface Context {
  root: unknown;
  hints: InstanceHints;
  depth: number;
  name: string;
  index: number;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Resolves a local reference such as "#/$defs/Address" or "#". */
function resolveRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) throw new Error(`only local $ref values are supported, got "${ref}"`);
  const path = ref.slice(1).split("/").filter(Boolean);
  let node: unknown = root;
  for (const raw of path) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isSchema(node) && !Array.isArray(node)) throw new Error(`$ref "${ref}" does not resolve`);
    node = (node as Record<string, unknown>)[key];
  }
  if (node === undefined) throw new Error(`$ref "${ref}" does not resolve`);
  return node;
}

/** Follows $ref and folds allOf into one schema (properties merged, required joined). */
function flatten(schema: unknown, ctx: Context, seen = 0): Schema {
  if (schema === true || schema === undefined) return {};
  if (schema === false || !isSchema(schema)) return { not: {} };
  if (seen > HARD_DEPTH) return {};
  let current: Schema = schema;
  if (typeof current.$ref === "string") {
    const { $ref, ...rest } = current;
    current = { ...flatten(resolveRef(ctx.root, $ref as string), ctx, seen + 1), ...rest };
  }
  if (Array.isArray(current.allOf)) {
    const { allOf, ...rest } = current;
    let merged: Schema = {};
    for (const part of [...(allOf as unknown[]), rest]) {
      const flat = flatten(part, ctx, seen + 1);
      merged = {
        ...merged,
        ...flat,
        properties: { ...(merged.properties as Schema), ...(flat.properties as Schema) },
        required: [...((merged.required as string[]) ?? []), ...((flat.required as string[]) ?? [])],
      };
    }
    current = merged;
  }
  return current;
}

function typesOf(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === "string");
  if (typeof schema.type === "string") return [schema.type];
  if (schema.properties || schema.required || schema.additionalProperties !== undefined) return ["object"];
  if (schema.items || schema.prefixItems) return ["array"];
  if (schema.minLength !== undefined || schema.maxLength !== undefined || schema.pattern || schema.format) return ["string"];
  if (schema.minimum !== undefined || schema.maximum !== undefined || schema.multipleOf !== undefined) return ["number"];
  return ["string"];
}

function isNullSchema(schema: unknown, ctx: Context): boolean {
  const flat = flatten(schema, ctx);
  return flat.type === "null" || (Array.isArray(flat.enum) && flat.enum.length === 1 && flat.enum[0] === null);
}

/** Formats whose hinted value is used when it has the format's shape (others keep the fixed example). */
const HINTED_FORMATS: Record<string, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  "idn-email": /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
};

/** The string the hints give for a property, if it fits the schema's format. */
function hintedString(s: Schema, ctx: Context): string | undefined {
  const format = typeof s.format === "string" ? s.format : undefined;
  const value = ctx.hints.stringFor?.(ctx.name, format);
  if (value === undefined || format === undefined) return value;
  return HINTED_FORMATS[format]?.test(value) ? value : undefined;
}

/**
 * True when the hints hold no value for this scalar property, so a nullable one is null: an
 * invoice that states no due date gets `"due_date": null`, not an invented date.
 */
function absentValue(s: Schema, type: string, ctx: Context): boolean {
  if (!ctx.hints.nullWhenAbsent || !ctx.name) return false;
  if (Array.isArray(s.enum)) return ctx.hints.enumFor?.(ctx.name, s.enum.filter((v) => v !== null)) === undefined;
  if (type === "string") return hintedString(s, ctx) === undefined;
  if (type === "number" || type === "integer") return ctx.hints.numberFor?.(ctx.name) === undefined;
  if (type === "boolean") return ctx.hints.booleanFor?.(ctx.name) === undefined;
  return false;
}

function generate(schema: unknown, ctx: Context): JsonValue {
  const s = flatten(schema, ctx);
  if (ctx.depth > HARD_DEPTH) return null;
  const deep = ctx.depth > FULL_DEPTH;
  if ("const" in s) return s.const as JsonValue;
  if (Array.isArray(s.enum) && s.enum.includes(null) && s.enum.length > 1 && absentValue(s, "enum", ctx)) return null;
  if (Array.isArray(s.enum) && s.enum.length) {
    const hinted = ctx.hints.enumFor?.(ctx.name, s.enum);
    if (hinted !== undefined && s.enum.includes(hinted)) return hinted as JsonValue;
    return s.enum[ctx.index % s.enum.length] as JsonValue;
  }
  const branches = (Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : null) as unknown[] | null;
  if (branches?.length) {
    // Nullable unions: a value when there is room, null when the schema recurses deeply.
    const nullBranch = branches.find((b) => isNullSchema(b, ctx));
    const valueBranch = branches.find((b) => !isNullSchema(b, ctx));
    const { anyOf: _a, oneOf: _o, ...rest } = s;
    const flatValue = valueBranch === undefined ? null : flatten(valueBranch, ctx);
    const missing = nullBranch !== undefined && flatValue !== null && absentValue(flatValue, typesOf(flatValue)[0] ?? "string", ctx);
    const chosen = (deep || missing) && nullBranch !== undefined ? nullBranch : (valueBranch ?? nullBranch);
    return generate({ ...rest, ...flatten(chosen, ctx) }, { ...ctx, depth: ctx.depth + 1 });
  }
  const types = typesOf(s);
  const valueType = types.find((t) => t !== "null") ?? "null";
  const type = types.includes("null") && (deep || absentValue(s, valueType, ctx)) ? "null" : valueType;
  switch (type) {
    case "object":
      return generateObject(s, ctx);
    case "array":
      return generateArray(s, ctx);
    case "integer":
    case "number":
      return generateNumber(s, ctx, type === "integer");
    case "boolean":
      return ctx.hints.booleanFor?.(ctx.name) ?? ctx.index % 2 === 0;
    case "null":
      return null;
    default:
      return generateString(s, ctx);
  }
}

function generateObject(s: Schema, ctx: Context): JsonValue {
  const properties = isSchema(s.properties) ? s.properties : {};
  const required = Array.isArray(s.required) ? (s.required as string[]) : [];
  const deep = ctx.depth > FULL_DEPTH;
  const keys = [...new Set([...(deep ? [] : Object.keys(properties)), ...required])];
  const extra = isSchema(s.additionalProperties) ? s.additionalProperties : {};
  const out: Record<string, JsonValue> = {};
  const maxProps = typeof s.maxProperties === "number" ? s.maxProperties : Infinity;
  for (const key of keys) {
    if (Object.keys(out).length >= maxProps && !required.includes(key)) continue;
    out[key] = generate(properties[key] ?? extra, { ...ctx, depth: ctx.depth + 1, name: key, index: 0 });
  }
  const minProps = typeof s.minProperties === "number" ? s.minProperties : 0;
  for (let i = 1; Object.keys(out).length < minProps && s.additionalProperties !== false; i++) {
    out[`extra_${i}`] = generate(extra, { ...ctx, depth: ctx.depth + 1, name: `extra_${i}`, index: i });
  }
  return out;
}

function generateArray(s: Schema, ctx: Context): JsonValue {
  const min = typeof s.minItems === "number" ? s.minItems : 0;
  const max = typeof s.maxItems === "number" ? s.maxItems : Infinity;
  const wanted = ctx.depth > FULL_DEPTH ? min : Math.min(Math.max(2, min), max);
  const prefix = Array.isArray(s.prefixItems) ? (s.prefixItems as unknown[]) : [];
  const out: JsonValue[] = [];
  for (let i = 0; i < Math.max(wanted, Math.min(prefix.length, max)); i++) {
    const itemSchema = i < prefix.length ? prefix[i] : s.items;
    if (itemSchema === false) break;
    const value = generate(itemSchema, { ...ctx, depth: ctx.depth + 1, index: i });
    // Distinct items for uniqueItems come from the index; a repeat (e.g. a one-value enum) is dropped.
    if (s.uniqueItems === true && out.some((v) => JSON.stringify(v) === JSON.stringify(value))) {
      if (out.length >= min) break;
    }
    out.push(value);
  }
  return out;
}

function generateNumber(s: Schema, ctx: Context, integer: boolean): number {
  let lo = typeof s.minimum === "number" ? s.minimum : -Infinity;
  let hi = typeof s.maximum === "number" ? s.maximum : Infinity;
  let loOpen = false;
  let hiOpen = false;
  if (typeof s.exclusiveMinimum === "number" && s.exclusiveMinimum >= lo) [lo, loOpen] = [s.exclusiveMinimum, true];
  if (typeof s.exclusiveMaximum === "number" && s.exclusiveMaximum <= hi) [hi, hiOpen] = [s.exclusiveMaximum, true];
  const fits = (v: number) => (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi) && (!integer || Number.isInteger(v));
  const step = typeof s.multipleOf === "number" && s.multipleOf > 0 ? s.multipleOf : null;
  const snap = (v: number) => {
    let out = integer ? Math.ceil(v) : v;
    if (step) out = Number((Math.ceil(out / step) * step).toPrecision(12));
    return out;
  };
  const candidates: number[] = [];
  const hinted = ctx.hints.numberFor?.(ctx.name);
  if (hinted !== undefined) candidates.push(snap(hinted));
  candidates.push(snap((integer ? 1 : 1.5) + ctx.index));
  if (Number.isFinite(lo) && Number.isFinite(hi)) candidates.push(snap((lo + hi) / 2));
  if (Number.isFinite(lo)) candidates.push(snap(loOpen ? lo + (integer ? 1 : Math.max(Math.abs(lo) * 1e-6, 1e-6)) : lo));
  if (Number.isFinite(hi)) candidates.push(integer || step ? snap(hi) - (step ?? 1) : hiOpen ? hi - Math.max(Math.abs(hi) * 1e-6, 1e-6) : hi);
  if (Number.isFinite(hi)) candidates.push(step ? Math.floor(hi / step) * step : Math.floor(hi));
  return candidates.find(fits) ?? candidates[0] ?? 0;
}

const FORMAT_VALUES: Record<string, string> = {
  date: "2026-01-15",
  "date-time": "2026-01-15T09:30:00Z",
  time: "09:30:00Z",
  duration: "P1D",
  email: "someone@example.com",
  "idn-email": "someone@example.com",
  hostname: "example.com",
  "idn-hostname": "example.com",
  ipv4: "192.0.2.10",
  ipv6: "2001:db8::10",
  uri: "https://example.com/simulated",
  url: "https://example.com/simulated",
  iri: "https://example.com/simulated",
  "uri-reference": "/simulated",
  "iri-reference": "/simulated",
  "uri-template": "https://example.com/{id}",
  "json-pointer": "/simulated",
  "relative-json-pointer": "0",
  regex: "^simulated$",
};

function codePoints(text: string): string[] {
  return [...text];
}

function fitLength(text: string, s: Schema): string {
  const min = typeof s.minLength === "number" ? s.minLength : 0;
  const max = typeof s.maxLength === "number" ? s.maxLength : Infinity;
  let chars = codePoints(text);
  if (chars.length > max) chars = chars.slice(0, max);
  while (chars.length < min) chars.push("x");
  return chars.join("");
}

/** Deterministic UUID-shaped text from a name and index (version 4 layout, not random). */
function uuidFor(name: string, index: number): string {
  let hex = "";
  for (let i = 0; hex.length < 32; i++) hex += ((name.length * 31 + index * 17 + i * 7919) % 16).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function generateString(s: Schema, ctx: Context): string {
  const format = typeof s.format === "string" ? s.format : null;
  const label = ctx.name ? ctx.name.replace(/[_-]+/g, " ") : "value";
  const fallback = `simulated ${label}${ctx.index > 0 ? ` ${ctx.index + 1}` : ""}`;
  let value: string;
  const hinted = format === "uuid" ? undefined : hintedString(s, ctx);
  if (hinted !== undefined) value = hinted;
  else if (format === "uuid") value = uuidFor(ctx.name, ctx.index);
  else if (format && FORMAT_VALUES[format]) value = FORMAT_VALUES[format] as string;
  else value = fallback;
  value = fitLength(value, s);
  if (typeof s.pattern !== "string") return value;
  let re: SafePattern;
  try {
    // The schema comes with the request and the values from its messages: the linear-time engine.
    re = compileSafePattern(s.pattern, "u");
  } catch {
    return value;
  }
  if (re.test(value)) return value;
  // No general regex inverter here: try plain shapes that satisfy common patterns.
  const tries = [fallback, "a", "A", "1", "abc", "ABC", "123", "a1", "A1", "abc123", "ABC-123", "2026-01-15", "someone@example.com"];
  return tries.map((t) => fitLength(t, s)).find((t) => re.test(t)) ?? value;
}

/**
 * An instance of `schema`. Covers type (incl. unions with null), enum, const, required,
 * properties, additionalProperties, items, prefixItems, min/max bounds, multipleOf, anyOf/oneOf,
 * allOf, local $ref (e.g. to $defs) and common string formats. Deterministic for given hints.
 */
export function generateInstance(schema: unknown, hints: InstanceHints = {}): JsonValue {
  return generate(schema, { root: schema, hints, depth: 0, name: "", index: 0 });
}
