// Renderer: a run's timeline as rows: each attempt (its start, status and duration), the client's
// wait after it and why, the policy's decision, each fallback step, the deadline and the end.
import { formatWait } from "../../../shared/retryPlan";
import type { AttemptRecord, FallbackRecord, RunProgress, RunRecord } from "../../../shared/runRecord";

/** One line of the timeline; `t` is ms since the run started. */
export type TimelineRow =
  | { kind: "attempt"; t: number; leg: number; number: number; status: string; ok: boolean; durationMs: number }
  | { kind: "wait"; t: number; waitMs: number; reason: "retry-after" | "backoff"; note: string }
  | { kind: "decision"; t: number; note: string }
  | { kind: "fallback"; t: number; step: number; label: string; outcome: "answered" | "failed" | "skipped"; detail: string | null }
  | { kind: "end"; t: number; text: string; ok: boolean }
  | { kind: "now"; t: number; text: string }
  | { kind: "deadline"; t: number; text: string };

/** What an attempt's status says: "429", "200", or why no response came. */
function statusText(status: number | null, error: string | null): string {
  if (status !== null) return String(status);
  return error ? `no response (${error})` : "no response";
}

/** The attempt, wait, decision and fallback rows, in time order. */
export function attemptRows(attempts: readonly AttemptRecord[], fallbackSteps: readonly FallbackRecord[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const perLeg = new Map<number, number>();
  const fallbacks = [...fallbackSteps];
  const emitFallbacksUntil = (t: number, leg: number | null) => {
    while (fallbacks.length && (fallbacks[0]!.t <= t || (leg !== null && fallbacks[0]!.step <= leg))) {
      const f = fallbacks.shift()!;
      rows.push({ kind: "fallback", t: f.t, step: f.step, label: f.label, outcome: f.outcome, detail: f.detail });
    }
  };
  for (const a of attempts) {
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
  return rows;
}

/** The rows of a record, in time order. */
export function timelineRows(record: RunRecord): TimelineRow[] {
  const rows = attemptRows(record.attempts, record.fallbacks ?? []);
  const end = record.metrics.totalMs;
  const text = record.error ? `Failed: ${record.error.message}` : record.result?.stopped ? "Stopped by you." : "Answered.";
  rows.push({ kind: "end", t: end, text, ok: !record.error });
  if (record.policy) {
    const deadline = record.policy.deadlineMs;
    rows.push({ kind: "deadline", t: deadline, text: `Deadline: ${formatWait(deadline)} after the start${end >= deadline ? " (reached)" : ` (${formatWait(deadline - end)} to spare)`}.` });
  }
  return rows;
}

/** The attempt number (in its leg) the run is on now, 1-based: the next one while sending or waiting. */
export function currentAttempt(progress: Pick<RunProgress, "attempts" | "phase">): number {
  const last = progress.attempts.at(-1);
  const leg = last?.leg ?? 0;
  const made = progress.attempts.filter((a) => (a.leg ?? 0) === leg).length;
  return progress.phase === "streaming" ? Math.max(1, made) : made + 1;
}

/** What a running run is doing, in a sentence; `leftMs` is what remains of a wait. */
export function progressText(progress: Pick<RunProgress, "attempts" | "phase" | "waitMs">, leftMs: number | null): string {
  const n = currentAttempt(progress);
  if (progress.phase === "waiting") return `Waiting to retry: attempt ${n} in ${formatWait(Math.max(0, leftMs ?? progress.waitMs ?? 0))}...`;
  if (progress.phase === "sending") return n > 1 ? `Attempt ${n} sent, waiting for the server...` : "Request sent, waiting for the server...";
  return `Attempt ${n} answered: streaming...`;
}

/** The rows of a run still running: what happened so far, then what it is doing now. */
export function liveTimelineRows(progress: RunProgress, nowT: number, leftMs: number | null): TimelineRow[] {
  const rows = attemptRows(progress.attempts, progress.fallbacks);
  rows.push({ kind: "now", t: nowT, text: progressText(progress, leftMs) });
  return rows;
}

/** "+1.2 s" or "+340 ms". */
export function offsetText(t: number): string {
  return `+${formatWait(t)}`;
}
