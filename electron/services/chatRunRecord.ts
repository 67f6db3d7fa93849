// Main process: builds a chat run's RunRecord: the exact request (key masked), every attempt with
// the policy's wait after it and why, the fallback steps, the response headers and timed chunks.
import type { ChatRequest, SimulatorFailure } from "../../shared/contract";
import { API_PATH, type RequestApi } from "../../shared/api/requestApi";
import type { AppError } from "../../shared/errors";
import type { ExperimentRef } from "../../shared/experiments";
import type { UsageFeature } from "../../shared/usageFeature";
import { redactSecrets } from "../../shared/redact";
import type { ClientPolicy } from "../../shared/retryPolicy";
import type { WaitReason } from "../../shared/retryPlan";
import { RECORDED_HEADER, type FallbackRecord, type RecordedChunk, type RunRecord } from "../../shared/runRecord";
import type { Connection, ObservedAttempt } from "./openaiClient";

/** An attempt as the run keeps it: what the wrapped fetch saw, plus the policy's decision after it. */
export interface RunAttempt extends ObservedAttempt {
  /** 0 for the primary request, k for the k-th fallback step. */
  leg: number;
  waitMs: number | null;
  waitReason: WaitReason | null;
  note: string | null;
}

/** Everything a run knows when it settles. */
export interface RunRecordParts {
  runId: string;
  /** performance.now() at the start (attempt times are relative to it). */
  startedAt: number;
  startedAtEpoch: number;
  connection: Connection;
  request: ChatRequest;
  /** The API the run went out on (absent: Chat Completions). */
  api?: RequestApi;
  /** The exact body sent; absent: the chat request plus its stream options. */
  wireBody?: Record<string, unknown>;
  simulatorFailure?: SimulatorFailure;
  experiment?: ExperimentRef;
  /** The part of the app that sent the run. */
  feature?: UsageFeature;
  policy: ClientPolicy;
  attempts: readonly RunAttempt[];
  fallbacks: readonly FallbackRecord[];
  chunks: RecordedChunk[];
  droppedChunks: number;
  result: RunRecord["result"];
  error: AppError | null;
  metrics: RunRecord["metrics"];
  /** Secrets to scrub from attempt errors and notes. */
  secrets: readonly string[];
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/** The headers worth showing. */
export function shownHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => RECORDED_HEADER.test(name)));
}

/** The request as it went out: the last attempt's URL and masked headers (or the endpoint's URL), and `body`. */
export function wireOf(connection: Connection, last: ObservedAttempt | undefined, body: Record<string, unknown>, api: RequestApi = "chat"): RunRecord["wire"] {
  return { method: "POST", url: last?.url ?? `${connection.baseURL.replace(/\/$/, "")}${API_PATH[api]}`, headers: last?.requestHeaders ?? {}, body };
}

/** One attempt's timing, status, retry-after and error (secrets scrubbed), `startedAt` being the run's clock origin. */
export function recordedAttempt(a: ObservedAttempt, startedAt: number, secrets: readonly string[]): RunRecord["attempts"][number] {
  return {
    t: tenths(a.sentAt - startedAt),
    status: a.status,
    durationMs: tenths(a.settledAt - a.sentAt),
    retryAfter: a.responseHeaders["retry-after-ms"] ?? a.responseHeaders["retry-after"] ?? null,
    error: a.error === null ? null : redactSecrets(a.error, secrets),
  };
}

/** The record of a settled run; the key appears only as a hint. */
export function buildRunRecord(parts: RunRecordParts): RunRecord {
  const { attempts, connection, request } = parts;
  const primary = attempts.filter((a) => a.leg === 0);
  const last = primary.at(-1);
  const answered = [...attempts].reverse().find((a) => a.status !== null);
  return {
    runId: parts.runId,
    startedAt: parts.startedAtEpoch,
    provider: connection.provider,
    request,
    wire: wireOf(connection, last, parts.wireBody ?? { ...request, stream: true, stream_options: { include_usage: true } }, parts.api),
    simulatorFailure: parts.simulatorFailure,
    ...(parts.experiment ? { experiment: parts.experiment } : {}),
    ...(parts.feature ? { feature: parts.feature } : {}),
    response: answered ? { status: answered.status ?? 0, headers: shownHeaders(answered.responseHeaders) } : null,
    attempts: attempts.map((a) => ({
      ...recordedAttempt(a, parts.startedAt, parts.secrets),
      waitMs: a.waitMs,
      waitReason: a.waitReason,
      note: a.note === null ? null : redactSecrets(a.note, parts.secrets),
      leg: a.leg,
    })),
    policy: parts.policy,
    ...(parts.fallbacks.length ? { fallbacks: parts.fallbacks.map((f) => ({ ...f, detail: f.detail === null ? null : redactSecrets(f.detail, parts.secrets) })) } : {}),
    chunks: parts.chunks,
    droppedChunks: parts.droppedChunks,
    result: parts.result,
    error: parts.error,
    metrics: parts.metrics,
  };
}
