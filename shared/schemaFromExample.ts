// Both processes: drafts a strict-mode JSON Schema from an example value, so a user can start
// structured output from "an answer should look like this" instead of a blank schema.

type Kind = "null" | "boolean" | "integer" | "number" | "string" | "object" | "array";

/** What the examples seen so far say about one value. */
interface Shape {
  kinds: Set<Kind>;
  /** For objects: how many objects were merged, and each key's shape and how many had it. */
  objects: number;
  props: Map<string, { shape: Shape; seen: number }>;
  /** For arrays: the merged shape of every item, or null while only empty arrays were seen. */
  items: Shape | null;
}

/** Notes put in `description` where the example could not say everything. */
export const EXAMPLE_NOTES = Object.freeze({
  onlyNull: "The example value was null, so the type is a guess (string or null): change it if needed.",
  emptyArray: "The example array was empty, so the item type is a guess (string): change it if needed.",
  missingSometimes: "Missing from some examples, so it may be null.",
  wrappedRoot: "Strict mode needs an object at the root, so the example is wrapped in this property.",
});

function emptyShape(): Shape {
  return { kinds: new Set(), objects: 0, props: new Map(), items: null };
}

function kindOf(value: unknown): Kind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return Number.isInteger(value) ? "integer" : "number";
    case "string":
      return "string";
    case "object":
      return "object";
    default:
      // undefined, functions, symbols and bigints are not JSON; they are treated like JSON.stringify would drop them
      return "null";
  }
}

/** Adds one example value to a shape. */
function absorb(shape: Shape, value: unknown): Shape {
  const kind = kindOf(value);
  shape.kinds.add(kind);
  if (kind === "object") {
    shape.objects += 1;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (child === undefined) continue;
      const entry = shape.props.get(key) ?? { shape: emptyShape(), seen: 0 };
      entry.seen += 1;
      absorb(entry.shape, child);
      shape.props.set(key, entry);
    }
  } else if (kind === "array") {
    for (const item of value as unknown[]) shape.items = absorb(shape.items ?? emptyShape(), item);
  }
  return shape;
}

type Schema = Record<string, unknown>;

function objectSchema(shape: Shape): Schema {
  const properties: Record<string, Schema> = {};
  for (const [key, { shape: child, seen }] of shape.props) {
    // Strict mode requires every key: a key only some objects had becomes nullable.
    const sometimes = seen < shape.objects;
    properties[key] = toSchema(child, sometimes ? EXAMPLE_NOTES.missingSometimes : undefined, sometimes);
  }
  return { type: "object", properties, required: Object.keys(properties), additionalProperties: false };
}

function arraySchema(shape: Shape): Schema {
  if (!shape.items) return { type: "array", items: { type: "string" }, description: EXAMPLE_NOTES.emptyArray };
  return { type: "array", items: toSchema(shape.items) };
}

/** The schema of one non-null kind. */
function kindSchema(kind: Exclude<Kind, "null">, shape: Shape): Schema {
  if (kind === "object") return objectSchema(shape);
  if (kind === "array") return arraySchema(shape);
  return { type: kind };
}

function withNote(schema: Schema, note: string | undefined): Schema {
  if (!note) return schema;
  const existing = typeof schema.description === "string" ? ` ${schema.description}` : "";
  return { ...schema, description: `${note}${existing}` };
}

/** Turns a merged shape into a strict-mode schema. */
function toSchema(shape: Shape, note?: string, forceNullable = false): Schema {
  const nullable = forceNullable || shape.kinds.has("null");
  const kinds = [...shape.kinds].filter((k): k is Exclude<Kind, "null"> => k !== "null");
  // 3 and 2.5 in the same place: the field holds numbers, and an integer is a number.
  const merged = kinds.includes("number") ? kinds.filter((k) => k !== "integer") : kinds;
  if (merged.length === 0) return withNote({ type: ["string", "null"] }, note ? `${note} ${EXAMPLE_NOTES.onlyNull}` : EXAMPLE_NOTES.onlyNull);
  if (merged.length === 1) {
    const kind = merged[0] as Exclude<Kind, "null">;
    if (kind !== "object" && kind !== "array") return withNote({ type: nullable ? [kind, "null"] : kind }, note);
    const schema = kindSchema(kind, shape);
    // A nullable object or array is written as anyOf, the form the strict-mode guide shows.
    return nullable ? withNote({ anyOf: [schema, { type: "null" }] }, note) : withNote(schema, note);
  }
  const branches = merged.map((k) => kindSchema(k, shape));
  if (nullable) branches.push({ type: "null" });
  return withNote({ anyOf: branches }, note);
}

/**
 * A strict-mode JSON Schema that the example satisfies: every object lists all its keys in
 * `required` and sets `additionalProperties: false`; an array's item schema merges all its items
 * (keys missing from some objects become nullable, mixed kinds become anyOf); whole numbers give
 * "integer" unless a fraction appears in the same place; null gives a string-or-null guess with a
 * note. Strict mode needs an object at the root, so any other example is wrapped in an object
 * under "items" (an array) or "value" (anything else). Formats are never inferred: an example
 * value like "2024-05-01" does not prove the field must always be a date.
 */
export function schemaFromExample(example: unknown): object {
  const shape = absorb(emptyShape(), example);
  const kind = kindOf(example);
  if (kind === "object") return toSchema(shape);
  const key = kind === "array" ? "items" : "value";
  return {
    type: "object",
    properties: { [key]: withNote(toSchema(shape), EXAMPLE_NOTES.wrappedRoot) },
    required: [key],
    additionalProperties: false,
  };
}
