// Both processes: the full record of one run, what the inspector shows and run history keeps:
// the exact request sent (key masked), the response headers, every streamed chunk with its time,
// and the outcome.
import { z } from "zod";
import { AppError, ChatRequest, ProviderTag, RunMetrics, RunResult, SimulatorFailure } from "./schemas";
import { ExperimentRef } from "./experiments";
import { UsageFeature } from "./usageFeature";
import { ModerationRecord, RedactionSummary } from "./safety";
import { ClientPolicy } from "./retryPolicy";

/** Most chunks a record keeps; a longer stream keeps the first ones and says how many were dropped. */
export const MAX_RECORDED_CHUNKS = 20_000;

/** Response headers worth showing: ids, rate limits, timing, retry advice, and the simulator's note on what it did. */
export const RECORDED_HEADER = /^(x-request-id|x-ratelimit-.*|openai-.*|retry-after(-ms)?|content-type|date|x-dojo-simulated-note)$/i;

/** The header in which the offline simulator says what it did ("Simulated: fields extracted from the input"). */
export const SIMULATED_NOTE_HEADER = "x-dojo-simulated-note";

export const RecordedChunk = z.object({
  /** Milliseconds since the run started. */
  t: z.number().nonnegative(),
  /** The chunk as parsed from its `data:` line. */
  data: z.unknown(),
});
export type RecordedChunk = z.infer<typeof RecordedChunk>;

/** One HTTP attempt of a run (the client policy retries inside a run). */
export const AttemptRecord = z.object({
  /** Milliseconds since the run started when this attempt was sent. */
  t: z.number().nonnegative(),
  /** HTTP status, or null when no response arrived (connection error, timeout, stop). */
  status: z.number().int().nullable(),
  /** Milliseconds until the response headers arrived or the attempt failed. */
  durationMs: z.number().nonnegative(),
  /** The retry-after (or retry-after-ms) header the server sent, as sent. */
  retryAfter: z.string().nullable(),
  /** Why the attempt failed without a response, redacted. */
  error: z.string().nullable(),
  /** The client's wait after this attempt before the next one; null or absent when none followed. */
  waitMs: z.number().nonnegative().nullable().optional(),
  /** Why that wait was as long as it was: the server's retry-after, or the policy's back-off. */
  waitReason: z.enum(["retry-after", "backoff"]).nullable().optional(),
  /** What the client policy decided after this attempt, in a sentence (waited, gave up and why). */
  note: z.string().nullable().optional(),
  /** Which leg of the run sent it: 0 the primary, k the k-th fallback step. Absent in older records. */
  leg: z.number().int().nonnegative().optional(),
});
export type AttemptRecord = z.infer<typeof AttemptRecord>;

/** One step of a run's fallback chain, tried after the primary failed. */
export const FallbackRecord = z.object({
  /** 1-based position in the chain (attempts of this step carry it as `leg`). */
  step: z.number().int().positive(),
  kind: z.enum(["model", "profile", "cached", "message"]),
  /** What the step is, e.g. "model sim-chat-mini-1", "profile Backup". */
  label: z.string(),
  /** Milliseconds since the run started when the step began. */
  t: z.number().nonnegative(),
  outcome: z.enum(["answered", "failed", "skipped"]),
  /** Why it failed or was skipped, redacted; null when it answered. */
  detail: z.string().nullable(),
});
export type FallbackRecord = z.infer<typeof FallbackRecord>;

/** A running run's attempts and fallback steps so far, and what it is doing now (the chat.progress event). */
export const RunProgress = z.object({
  runId: z.uuid(),
  /** Milliseconds since the run started when this was sent. */
  t: z.number().nonnegative(),
  attempts: z.array(AttemptRecord).max(500),
  fallbacks: z.array(FallbackRecord).max(50),
  /** sending: an attempt is out, no answer yet; waiting: a back-off wait before the next attempt; streaming: an attempt answered. */
  phase: z.enum(["sending", "waiting", "streaming"]),
  /** While waiting: how long the wait lasts from `t`. */
  waitMs: z.number().nonnegative().nullable(),
});
export type RunProgress = z.infer<typeof RunProgress>;

export const RunRecord = z.object({
  runId: z.uuid(),
  /** Epoch ms when the run started. */
  startedAt: z.number().int().nonnegative(),
  provider: ProviderTag,
  /** The request as the playground built it. */
  request: ChatRequest,
  /** Method, URL and headers as sent, the Authorization header masked to a hint. */
  wire: z.object({
    method: z.literal("POST"),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    /** The exact JSON body sent (the request plus stream options). */
    body: z.record(z.string(), z.unknown()),
  }),
  simulatorFailure: SimulatorFailure.optional(),
  /** The saved experiment version the run came from, when it came from one. */
  experiment: ExperimentRef.optional(),
  /** The part of the app that sent the run (usage by feature); absent in older records. */
  feature: UsageFeature.optional(),
  /** HTTP status and selected headers of the last attempt's response; null when none arrived. */
  response: z
    .object({ status: z.number().int(), headers: z.record(z.string(), z.string()) })
    .nullable(),
  attempts: z.array(AttemptRecord),
  /** The client policy the run was sent under (absent in older records). */
  policy: ClientPolicy.optional(),
  /** The fallback steps tried after the primary failed, in order (absent when none were). */
  fallbacks: z.array(FallbackRecord).optional(),
  /** Whether the request was redacted before sending, and how many values of each kind (never a value). */
  redaction: RedactionSummary.optional(),
  /**
   * The moderations of the run, input first (absent when moderation was off). The output stage is
   * added when its check ends, which may be just after the record settled.
   */
  moderation: z.array(ModerationRecord).optional(),
  chunks: z.array(RecordedChunk),
  droppedChunks: z.number().int().nonnegative(),
  result: RunResult.nullable(),
  error: AppError.nullable(),
  metrics: RunMetrics,
});
export type RunRecord = z.infer<typeof RunRecord>;
