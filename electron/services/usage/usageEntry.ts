// Main process: one usage-log line from a settled run's record: metadata only, never the key or
// the messages' text.
import type { UsageEntry, UsageFeature } from "../../../shared/contracts/usage";
import type { RunRecord } from "../../../shared/runRecord";

/** The usage entry of a run: who answered, tokens, cost, latency, attempts, outcome, ids. */
export function usageEntryOf(record: RunRecord, extra: { feature: UsageFeature; costUsd: number | null }): UsageEntry {
  const { result, error } = record;
  const provider = result?.provider ?? record.provider;
  const answered = record.fallbacks?.find((f) => f.outcome === "answered");
  return {
    entryVersion: 1,
    time: record.startedAt,
    runId: record.runId,
    profileId: provider.profileId,
    profileName: provider.profileName.slice(0, 80),
    providerKind: provider.kind,
    model: (result?.model ?? record.request.model).slice(0, 200),
    // The feature the run names itself wins over the caller's default (a playground run may be a lesson's).
    feature: record.feature ?? extra.feature,
    promptVersion: record.experiment ? `${record.experiment.id}@${record.experiment.version}` : null,
    promptTokens: result?.usage?.promptTokens ?? 0,
    completionTokens: result?.usage?.completionTokens ?? 0,
    costUsd: extra.costUsd,
    latencyMs: record.metrics.totalMs,
    attempts: record.attempts.length,
    status: error ? "failed" : result?.stopped ? "stopped" : "ok",
    errorKind: error?.kind ?? null,
    httpStatus: error?.status ?? record.response?.status ?? null,
    requestId: (result?.requestId ?? error?.requestId ?? record.response?.headers["x-request-id"] ?? null)?.slice(0, 200) ?? null,
    fallbackStep: answered?.step ?? null,
  };
}
