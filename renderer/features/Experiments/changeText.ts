// Renderer: how one changed value of a version diff is shown: short JSON, long text cut.
import type { JsonChange } from "../../../shared/jsonDiff";

/** A value as one readable line (strings unquoted, at most `max` characters). */
export function valueText(value: unknown, max = 200): string {
  if (value === undefined) return "";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A path as a person reads it: "request.messages[1].content" -> "message 2 content". */
export function pathText(path: string): string {
  return path
    .replace(/^request\./, "")
    .replace(/messages\[(\d+)\]/g, (_, i: string) => `message ${Number(i) + 1}`)
    .replace(/\./g, " › ");
}

/** One line describing a change. */
export function changeText(change: JsonChange): string {
  const where = pathText(change.path) || "the whole state";
  if (change.kind === "added") return `${where}: added ${valueText(change.after)}`;
  if (change.kind === "removed") return `${where}: removed (was ${valueText(change.before)})`;
  return `${where}: ${valueText(change.before)} → ${valueText(change.after)}`;
}
