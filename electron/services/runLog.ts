// Main process: the last few run records kept in memory for the inspector (run history on disk is
// another service's job). Fed by the chat service's onRunSettled fan-out in app.ts.
import type { RunRecord } from "../../shared/runRecord";
import type { RunSummary } from "../../shared/contracts/inspector";

/** How many records are kept; older ones are dropped first. */
export const RUN_LOG_CAPACITY = 50;

/** Recent runs, newest first. */
export interface RunLog {
  /** Stores a settled run's record (the oldest is dropped beyond the capacity). */
  add(record: RunRecord): void;
  /** The record of a run, or null when it is unknown or was dropped. */
  get(runId: string): RunRecord | null;
  /** One summary per kept run, newest first. */
  recent(): RunSummary[];
}

/** How a record's run ended. */
export function runOutcome(record: RunRecord): RunSummary["outcome"] {
  if (record.error) return "failed";
  return record.result?.stopped ? "stopped" : "done";
}

/** The list line of a record. */
export function summarizeRun(record: RunRecord): RunSummary {
  return {
    runId: record.runId,
    startedAt: record.startedAt,
    model: record.result?.model ?? record.request.model,
    provider: record.provider,
    outcome: runOutcome(record),
    requestId: record.result?.requestId ?? record.error?.requestId ?? record.response?.headers["x-request-id"] ?? null,
    totalMs: record.metrics.totalMs,
    chunkCount: record.chunks.length,
  };
}

/** An in-memory log of the last `capacity` runs. */
export function createRunLog(capacity = RUN_LOG_CAPACITY): RunLog {
  // A Map keeps insertion order: the first key is the oldest record.
  const records = new Map<string, RunRecord>();
  return {
    add(record) {
      records.delete(record.runId);
      records.set(record.runId, record);
      while (records.size > capacity) {
        const oldest = records.keys().next().value as string;
        records.delete(oldest);
      }
    },
    get: (runId) => records.get(runId) ?? null,
    recent: () => [...records.values()].reverse().map(summarizeRun),
  };
}
