// Main process: the usage entry of a request that is not a chat run (an embeddings batch, a
// moderation check): the same metadata as a run's entry, no text, its feature named.
import type { UsageEntry, UsageFeature } from "../../../shared/contracts/usage";
import type { ProviderTag } from "../../../shared/contract";

/** What the usage log needs to know of one such request. */
export interface PlainRequest {
  provider: ProviderTag;
  model: string;
  /** Epoch ms when it started. */
  startedAt: number;
  latencyMs: number;
  attempts: number;
  promptTokens: number;
  requestId: string | null;
  error: { kind: string; status: number | null; requestId: string | null } | null;
}

/** The usage entry of a plain (non-chat) request; `costUsd` null when the model's price is unknown. */
export function requestEntryOf(request: PlainRequest, extra: { feature: UsageFeature; costUsd: number | null }): UsageEntry {
  return {
    entryVersion: 1,
    time: request.startedAt,
    runId: null,
    profileId: request.provider.profileId,
    profileName: request.provider.profileName.slice(0, 80),
    providerKind: request.provider.kind,
    model: request.model.slice(0, 200),
    feature: extra.feature,
    promptVersion: null,
    promptTokens: request.promptTokens,
    completionTokens: 0,
    costUsd: extra.costUsd,
    latencyMs: Math.max(0, request.latencyMs),
    attempts: request.attempts,
    status: request.error ? (request.error.kind === "cancelled" ? "stopped" : "failed") : "ok",
    errorKind: request.error?.kind.slice(0, 40) ?? null,
    httpStatus: request.error?.status ?? null,
    requestId: (request.requestId ?? request.error?.requestId ?? null)?.slice(0, 200) ?? null,
    fallbackStep: null,
  };
}
