// Main process: how each evaluation request is kept: its run in the history (a results cell opens
// it) and its line in the usage log (spend and budgets), both fsync'd, with concurrent requests
// sharing each file's fsync instead of blocking the event loop once per request.
import type { UsageEntry } from "../../../shared/contracts/usage";
import type { RunRecord } from "../../../shared/runRecord";
import type { RunHistory } from "../history/runHistory";
import { usageEntryOf } from "../usage/usageEntry";
import type { UsageLog } from "../usage/usageLog";

export interface EvalRecorderDeps {
  history: Pick<RunHistory, "recordAsync">;
  usage: Pick<UsageLog, "recordAsync">;
  /** The run's text for the usage log, redacted, when the user turned text logging on; else null. */
  usageText?: (record: RunRecord) => UsageEntry["text"] | null;
  /** Told when the usage log cannot be written: that must not fail the evaluation. */
  onUsageError?: (err: unknown) => void;
}

/**
 * The evaluation service's `recordRun`. It resolves once the run is in the history file, which a
 * results cell needs; a usage-log failure is reported and does not reject.
 */
export function createEvalRecorder(deps: EvalRecorderDeps): (record: RunRecord, costUsd: number | null) => Promise<void> {
  const usageFailed = deps.onUsageError ?? ((err: unknown) => console.error(`usage log: ${err instanceof Error ? err.message : String(err)}`));
  return async (record, costUsd) => {
    let usage: Promise<void>;
    try {
      const text = deps.usageText?.(record) ?? null;
      usage = deps.usage.recordAsync({ ...usageEntryOf(record, { feature: "eval", costUsd }), ...(text ? { text } : {}) }).catch(usageFailed);
    } catch (err) {
      usage = Promise.resolve(usageFailed(err));
    }
    await Promise.all([deps.history.recordAsync(record, { source: "eval", costUsd }), usage]);
  };
}
