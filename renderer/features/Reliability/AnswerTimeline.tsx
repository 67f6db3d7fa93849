// Renderer: the playground's copy of the last run's timeline, loaded from its record once the run
// has ended: shown when the run took more than one attempt, failed, or fell back.
import { useEffect, useState } from "react";
import type { RunRecord } from "../../../shared/runRecord";
import { useAppStore } from "../../store/appStore";
import { RunTimeline } from "./RunTimeline";

/** The timeline under the answer, or nothing for a plain one-attempt answer. */
export function AnswerTimeline() {
  const runId = useAppStore((s) => s.run.runId);
  const status = useAppStore((s) => s.run.status);
  const fetchRunRecord = useAppStore((s) => s.fetchRunRecord);
  const [record, setRecord] = useState<RunRecord | null>(null);
  const ended = status === "done" || status === "failed" || status === "stopped";
  useEffect(() => {
    setRecord(null);
    if (!runId || !ended) return;
    let live = true;
    // The record is settled just after the final event; a refused run has none.
    fetchRunRecord(runId).then(
      (r) => live && setRecord(r),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [runId, ended, fetchRunRecord]);
  if (!record) return null;
  const eventful = record.attempts.length > 1 || record.error !== null || (record.fallbacks?.length ?? 0) > 0;
  if (!eventful) return null;
  return (
    <details className="answer-timeline" open>
      <summary>Timeline: {record.attempts.length} attempt{record.attempts.length === 1 ? "" : "s"}{record.fallbacks?.length ? `, ${record.fallbacks.length} fallback step${record.fallbacks.length === 1 ? "" : "s"}` : ""}</summary>
      <RunTimeline record={record} testId="answer-timeline" />
    </details>
  );
}
