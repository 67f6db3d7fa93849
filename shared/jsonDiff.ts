// Both processes: the differences between two JSON values, path by path, for comparing saved
// experiment versions (and anything else plain JSON) in words a person can scan.

/** One difference: a value added, removed or changed at a path like `request.messages[1].content`. */
export interface JsonChange {
  path: string;
  kind: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function child(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

function walk(a: unknown, b: unknown, path: string, out: JsonChange[]): void {
  if (a === b) return;
  if (a === undefined) {
    out.push({ path, kind: "added", after: b });
    return;
  }
  if (b === undefined) {
    out.push({ path, kind: "removed", before: a });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], child(path, i), out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) walk(a[key], b[key], child(path, key), out);
    return;
  }
  out.push({ path, kind: "changed", before: a, after: b });
}

/**
 * Every leaf that differs between `before` and `after`, in document order. Arrays are compared
 * index by index (an inserted message shows as changes after it, which is what a person reading a
 * prompt expects to see). Equal values give an empty list.
 */
export function diffJson(before: unknown, after: unknown): JsonChange[] {
  const out: JsonChange[] = [];
  walk(before, after, "", out);
  return out;
}
