// Renderer: a run's timeline as rows: each attempt (its start, status and duration), the client's
// wait after it and why, the policy's decision, each fallback step, the deadline and the end.
import { formatWait } from "../../../shared/retryPlan";
import type { RunRecord } from "../../../shared/runRecord";

/** One line of the timeline; `t` is ms since the run started. */
export type TimelineRow =
  | { kind: "attempt"; t: number; leg: number; number: number; status: string; ok: boolean; durationMs: number }
  | { kind: "wait"; t: number; waitMs: number; reason: "retry-after" | "backoff"; note: string }
  | { kind: "decision"; t: number; note: string }
  | { kind: "fallback"; t: number; step: number; label: string; outcome: "answered" | "failed" | "skipped"; detail: string | null }
  | { kind: "end"; t: number; text: string; ok: boolean }
  | { kind: "deadline"; t: number; text: string };

/** What an attempt's status says: "429", "200", or why no response came. */
function statusText(status: number | null, error: string | null): string {
  if (status !== null) return String(status);
  return error ? `no response (${error})` : "no response";
}

/** The rows of a record, in time order. */
export function timelineRows(record: RunRecord): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const perLeg = new Map<number, number>();
  const fallbacks = [...(record.fallbacks ?? [])];
  const emitFallbacksUntil = (t: number, leg: number | null) => {
    while (fallbacks.length && (fallbacks[0]!.t <= t || (leg !== null && fallbacks[0]!.step <= leg))) {
      const f = fallbacks.shift()!;
      rows.push({ kind: "fallback", t: f.t, step: f.step, label: f.label, outcome: f.outcome, detail: f.detail });
    }
  };
  for (const a of record.attempts) {
    const leg = a.leg ?? 0;
    emitFallbacksUntil(a.t, leg);
    const number = (perLeg.get(leg) ?? 0) + 1;
    perLeg.set(leg, number);
    const ok = a.status !== null && a.status < 400;
    rows.push({ kind: "attempt", t: a.t, leg, number, status: statusText(a.status, a.error), ok, durationMs: a.durationMs });
    const settled = a.t + a.durationMs;
    if (a.waitMs !== null && a.waitMs !== undefined && a.waitReason) rows.push({ kind: "wait", t: settled, waitMs: a.waitMs, reason: a.waitReason, note: a.note ?? "" });
    else if (a.note) rows.push({ kind: "decision", t: settled, note: a.note });
  }
  emitFallbacksUntil(Number.POSITIVE_INFINITY, null);
  const end = record.metrics.totalMs;
  const text = record.error ? `Failed: ${record.error.message}` : record.result?.stopped ? "Stopped by you." : "Answered.";
  rows.push({ kind: "end", t: end, text, ok: !record.error });
  if (record.policy) {
    const deadline = record.policy.deadlineMs;
    rows.push({ kind: "deadline", t: deadline, text: `Deadline: ${formatWait(deadline)} after the start${end >= deadline ? " (reached)" : ` (${formatWait(deadline - end)} to spare)`}.` });
  }
  return rows;
}

/** "+1.2 s" or "+340 ms". */
export function offsetText(t: number): string {
  return `+${formatWait(t)}`;
}
