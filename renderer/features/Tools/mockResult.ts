// Renderer: produces a tool call's mock result from the tool's settings: fixed JSON, or a JSON
// template whose {{placeholders}} are filled from the call's arguments.
import type { ToolMock } from "../../../shared/toolSettings";

/** A mock result, or why none could be made. */
export type MockOutcome = { ok: true; text: string } | { ok: false; error: string };

/** The value at a dotted path ("customer.id", "items.0.sku") of the arguments, or undefined. */
export function valueAtPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function notJson(text: string, what: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return `${what} is not valid JSON (${err instanceof Error ? err.message : String(err)}).`;
  }
}

/**
 * Fills a JSON template. A placeholder inside a JSON string ("order {{id}}") is inserted as string
 * content, escaped; one outside a string ({{amount}}) is inserted as the JSON of the value, so a
 * number stays a number and an object stays an object. A placeholder naming an argument the call
 * does not have is an error rather than a silent null: the template and the schema disagree.
 */
export function renderTemplate(template: string, args: unknown): MockOutcome {
  let out = "";
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i] as string;
    if (inString && c === "\\") {
      out += c + (template[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === '"') {
      inString = !inString;
      out += c;
      continue;
    }
    if (c === "{" && template[i + 1] === "{") {
      const end = template.indexOf("}}", i + 2);
      if (end === -1) return { ok: false, error: `The template has a "{{" at position ${i + 1} that is never closed.` };
      const path = template.slice(i + 2, end).trim();
      const value = valueAtPath(args, path);
      if (value === undefined) return { ok: false, error: `The template uses {{${path}}}, but the call's arguments have no "${path}".` };
      if (inString) {
        const raw = typeof value === "string" ? value : JSON.stringify(value);
        out += JSON.stringify(raw).slice(1, -1);
      } else {
        out += JSON.stringify(value);
      }
      i = end + 1;
      continue;
    }
    out += c;
  }
  const problem = notJson(out, "The filled-in template");
  return problem ? { ok: false, error: problem } : { ok: true, text: out };
}

/** The mock result of a call, or null when the tool is answered by hand. */
export function mockResultFor(mock: ToolMock, args: unknown): MockOutcome | null {
  // A side effect (refund) is performed on the main side by the tool round, not produced here.
  if (mock.kind === "manual" || mock.kind === "refund") return null;
  if (mock.kind === "fixed") {
    const problem = notJson(mock.json, "The fixed mock result");
    return problem ? { ok: false, error: problem } : { ok: true, text: mock.json };
  }
  return renderTemplate(mock.template, args);
}
