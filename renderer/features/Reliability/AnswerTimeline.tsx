// Renderer: the playground's copy of the run's timeline: live from the run's progress events while
// it runs (each attempt and wait as it happens), then from its record once it has ended. Shown when
// the run took more than one attempt, failed, or fell back.
import { useEffect, useState } from "react";
import type { RunRecord } from "../../../shared/runRecord";
import { useAppStore } from "../../store/appStore";
import { RunTimeline, TimelineList } from "./RunTimeline";
import { attemptRows, liveTimelineRows } from "./timeline";
import { useRunClock } from "./useRunClock";

/** The timeline of the run still running, once something beyond one plain attempt happened. */
function LiveTimeline({ running }: { running: boolean }) {
  const progress = useAppStore((s) => s.run.progress);
  const clock = useRunClock(progress);
  if (!progress) return null;
  const eventful = progress.phase === "waiting" || progress.fallbacks.length > 0 || progress.attempts.some((a) => a.status === null || a.status >= 400);
  if (!eventful) return null;
  const n = progress.attempts.length;
  return (
    <details className="answer-timeline" open>
      <summary>Timeline so far: {n} attempt{n === 1 ? "" : "s"}{progress.fallbacks.length ? `, ${progress.fallbacks.length} fallback step${progress.fallbacks.length === 1 ? "" : "s"}` : ""}</summary>
      <TimelineList rows={running ? liveTimelineRows(progress, clock.nowT, clock.leftMs) : attemptRows(progress.attempts, progress.fallbacks)} attempts={n} testId="answer-timeline" live={running} />
    </details>
  );
}

/** The timeline under the answer, or nothing for a plain one-attempt answer. */
export function AnswerTimeline() {
  const runId = useAppStore((s) => s.run.runId);
  const status = useAppStore((s) => s.run.status);
  const fetchRunRecord = useAppStore((s) => s.fetchRunRecord);
  // `looked` turns true once the ended run's record was asked for (a refused run has none).
  const [{ record, looked }, setLoaded] = useState<{ record: RunRecord | null; looked: boolean }>({ record: null, looked: false });
  const ended = status === "done" || status === "failed" || status === "stopped";
  useEffect(() => {
    setLoaded({ record: null, looked: false });
    if (!runId || !ended) return;
    let live = true;
    // The record is settled just after the final event.
    fetchRunRecord(runId).then(
      (r) => live && setLoaded({ record: r, looked: true }),
      () => live && setLoaded({ record: null, looked: true }),
    );
    return () => {
      live = false;
    };
  }, [runId, ended, fetchRunRecord]);
  // Until the record is in, the live copy stays (so the timeline does not blink out at the end).
  if (!record) return status === "streaming" || (ended && !looked) ? <LiveTimeline running={status === "streaming"} /> : null;
  const eventful = record.attempts.length > 1 || record.error !== null || (record.fallbacks?.length ?? 0) > 0;
  if (!eventful) return null;
  return (
    <details className="answer-timeline" open>
      <summary>Timeline: {record.attempts.length} attempt{record.attempts.length === 1 ? "" : "s"}{record.fallbacks?.length ? `, ${record.fallbacks.length} fallback step${record.fallbacks.length === 1 ? "" : "s"}` : ""}</summary>
      <RunTimeline record={record} testId="answer-timeline" />
    </details>
  );
}
