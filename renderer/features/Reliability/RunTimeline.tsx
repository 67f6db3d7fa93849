// Renderer: one run's timeline: each attempt, the wait after it and why, fallback steps, the end
// and the deadline (from the run's record).
import type { RunRecord } from "../../../shared/runRecord";
import { formatWait } from "../../../shared/retryPlan";
import { offsetText, timelineRows, type TimelineRow } from "./timeline";
import "./reliability.css";

function RowText({ row }: { row: TimelineRow }) {
  switch (row.kind) {
    case "attempt":
      return (
        <>
          {row.leg > 0 ? `Fallback ${row.leg}, attempt ${row.number}` : `Attempt ${row.number}`}: <strong>{row.status}</strong>{" "}
          <span className="hint">({formatWait(row.durationMs)})</span>
        </>
      );
    case "wait":
      return (
        <>
          Wait {formatWait(row.waitMs)} <span className={`tag wait-${row.reason}`}>{row.reason === "retry-after" ? "retry-after" : "back-off"}</span> {row.note}
        </>
      );
    case "decision":
      return <>{row.note}</>;
    case "fallback":
      return (
        <>
          Fallback step {row.step}: {row.label} <span className={`tag fallback-${row.outcome}`}>{row.outcome}</span>
          {row.detail ? <span className="hint"> {row.detail}</span> : null}
        </>
      );
    case "end":
    case "deadline":
    case "now":
      return <>{row.text}</>;
  }
}

/** The timeline list; `testId` tells the playground's copy from the inspector's. */
export function RunTimeline({ record, testId = "run-timeline" }: { record: RunRecord; testId?: string }) {
  return <TimelineList rows={timelineRows(record)} attempts={record.attempts.length} testId={testId} live={false} />;
}

/** The rows as a list; `live` marks a run still running (its rows still grow). */
export function TimelineList({ rows, attempts, testId, live }: { rows: readonly TimelineRow[]; attempts: number; testId: string; live: boolean }) {
  return (
    <ol className="run-timeline" data-testid={testId} data-attempts={attempts} data-live={live ? "true" : "false"}>
      {rows.map((row, i) => (
        <li key={i} className={`timeline-row timeline-${row.kind}${"ok" in row ? (row.ok ? " is-ok" : " is-bad") : ""}`} data-kind={row.kind}>
          <span className="timeline-t mono">{offsetText(row.t)}</span> <RowText row={row} />
        </li>
      ))}
    </ol>
  );
}
