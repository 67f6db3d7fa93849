// Both processes: the usage log as CSV (RFC 4180): every field that needs it is quoted with inner
// quotes doubled, and text that a spreadsheet would run as a formula is defused.
import type { UsageEntry } from "./contracts/usage";

/** The columns, in order, with how each is read from an entry. */
const COLUMNS: [string, (e: UsageEntry) => string | number | null][] = [
  ["time", (e) => new Date(e.time).toISOString()],
  ["profile_id", (e) => e.profileId],
  ["profile", (e) => e.profileName],
  ["provider", (e) => e.providerKind],
  ["model", (e) => e.model],
  ["feature", (e) => e.feature],
  ["prompt_version", (e) => e.promptVersion],
  ["prompt_tokens", (e) => e.promptTokens],
  ["completion_tokens", (e) => e.completionTokens],
  ["cost_usd", (e) => e.costUsd],
  ["latency_ms", (e) => e.latencyMs],
  ["attempts", (e) => e.attempts],
  ["status", (e) => e.status],
  ["error_kind", (e) => e.errorKind],
  ["http_status", (e) => e.httpStatus],
  ["request_id", (e) => e.requestId],
  ["fallback_step", (e) => e.fallbackStep],
];

/**
 * One CSV field. Text starting with = + - @ (or a tab or carriage return) is prefixed with a
 * quote, so a spreadsheet shows it instead of running it (OWASP's CSV injection advice); then
 * a field holding a comma, quote or line break is quoted with its quotes doubled.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** The whole log as CSV text with a header row, lines ending in CRLF as RFC 4180 says. */
export function usageToCsv(entries: readonly UsageEntry[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(",")];
  for (const entry of entries) lines.push(COLUMNS.map(([, read]) => csvField(read(entry))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
