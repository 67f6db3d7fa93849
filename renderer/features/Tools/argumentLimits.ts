// Renderer: the limits a tool call's arguments must stay within before anything runs: those
// declared in the tool's settings, and the numeric bounds of its parameters schema.
import type { ToolLimit } from "../../../shared/toolSettings";
import { valueAtPath } from "./mockResult";

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The numeric bounds a schema puts on a value. */
function schemaBounds(schema: Schema): { min?: number; max?: number; exclusiveMin?: number; exclusiveMax?: number } {
  const num = (v: unknown) => (typeof v === "number" ? v : undefined);
  return { min: num(schema.minimum), max: num(schema.maximum), exclusiveMin: num(schema.exclusiveMinimum), exclusiveMax: num(schema.exclusiveMaximum) };
}

/** Collects the numeric bounds of every property reachable through `properties`, as dotted paths. */
function boundedProperties(schema: unknown, prefix: string, out: { path: string; schema: Schema }[]): void {
  if (!isSchema(schema) || !isSchema(schema.properties)) return;
  for (const [name, sub] of Object.entries(schema.properties)) {
    if (!isSchema(sub)) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    const b = schemaBounds(sub);
    if (b.min !== undefined || b.max !== undefined || b.exclusiveMin !== undefined || b.exclusiveMax !== undefined) out.push({ path, schema: sub });
    boundedProperties(sub, path, out);
  }
}

/**
 * Why the arguments break a limit, one sentence each; empty when they are within every limit.
 * A declared limit on an argument that is present but not a number refuses the call too: a limit
 * that cannot be checked must not be passed silently. An absent argument is left to schema validation.
 */
export function limitViolations(args: unknown, limits: readonly ToolLimit[], parameters?: unknown): string[] {
  const out: string[] = [];
  for (const limit of limits) {
    const value = valueAtPath(args, limit.argument);
    if (value === undefined || value === null) continue;
    if (typeof value !== "number") {
      out.push(`${limit.argument} is ${JSON.stringify(value)}, not a number, so its limit cannot be checked.`);
      continue;
    }
    if (limit.max !== undefined && value > limit.max) out.push(`${limit.argument} is ${value}, above the limit of ${limit.max} set for this tool.`);
    if (limit.min !== undefined && value < limit.min) out.push(`${limit.argument} is ${value}, below the limit of ${limit.min} set for this tool.`);
  }
  const bounded: { path: string; schema: Schema }[] = [];
  boundedProperties(parameters, "", bounded);
  for (const { path, schema } of bounded) {
    const value = valueAtPath(args, path);
    if (typeof value !== "number") continue;
    const b = schemaBounds(schema);
    if (b.max !== undefined && value > b.max) out.push(`${path} is ${value}, above the schema's maximum of ${b.max}.`);
    if (b.exclusiveMax !== undefined && value >= b.exclusiveMax) out.push(`${path} is ${value}, not below the schema's exclusiveMaximum of ${b.exclusiveMax}.`);
    if (b.min !== undefined && value < b.min) out.push(`${path} is ${value}, below the schema's minimum of ${b.min}.`);
    if (b.exclusiveMin !== undefined && value <= b.exclusiveMin) out.push(`${path} is ${value}, not above the schema's exclusiveMinimum of ${b.exclusiveMin}.`);
  }
  return out;
}
