// Both processes: a nesting limit for JSON, checked without recursion, so a value nested thousands
// deep is refused as bad input before a recursive consumer (zod, ajv, JSON.stringify) overflows the stack.

/**
 * The deepest nesting accepted in a call's input, a parsed text or a user's JSON Schema. Real
 * content stays far below it (strict mode allows 10 object levels, each two JSON levels deep, and a
 * call wraps them in a few more); recursive code runs 100 levels with a stack to spare.
 */
export const MAX_JSON_DEPTH = 100;

/** The sentence an over-deep value is refused with; `what` names it ("The input", "The answer"). */
export function tooDeepMessage(what: string, max: number = MAX_JSON_DEPTH): string {
  return `${what} is nested more than ${max} levels deep.`;
}

/**
 * True when `value` nests objects or arrays more than `max` levels deep (a scalar is depth 0, `[]`
 * is 1). Iterative; a cycle (possible in a structured-clone IPC message) counts as too deep. Each
 * object is walked again only when reached deeper than before, so shared references cannot blow up.
 */
export function exceedsJsonDepth(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  if (typeof value !== "object" || value === null) return false;
  const deepestSeen = new Map<object, number>();
  const stack: [object, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return true;
    const seen = deepestSeen.get(node);
    if (seen !== undefined && seen >= depth) continue;
    deepestSeen.set(node, depth);
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The deepest bracket nesting of a JSON text, counted outside strings in one linear pass. It does
 * not check that the text is JSON; it lets a caller refuse an over-deep text before parsing it.
 */
export function jsonTextDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return deepest;
}

/** Raised by `parseJsonWithin` for a text nested deeper than allowed (a SyntaxError is bad JSON). */
export class JsonTooDeepError extends Error {
  constructor(readonly max: number) {
    super(tooDeepMessage("The JSON", max));
    this.name = "JsonTooDeepError";
  }
}

/** JSON.parse, refusing a text nested more than `max` levels deep (JsonTooDeepError) before parsing. */
export function parseJsonWithin(text: string, max: number = MAX_JSON_DEPTH): unknown {
  if (jsonTextDepth(text) > max) throw new JsonTooDeepError(max);
  return JSON.parse(text);
}
