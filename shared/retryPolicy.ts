// Both processes: how the main side retries and times out API calls (the client's policy), as data
// the renderer can show and edit, with the one sentence that describes it.
import { z } from "zod";

/** Retry and timeout settings every API call honours (the fields older callers read). */
export interface RetryPolicy {
  /** Extra attempts after the first. */
  readonly maxRetries: number;
  /** How long one attempt may wait for the server's response headers (the SDK's `timeout`). */
  readonly requestTimeoutMs: number;
  /** How long a started stream may send nothing before it is treated as stalled and stopped. */
  readonly idleTimeoutMs: number;
}

/**
 * The whole client policy, as saved in settings and edited in Settings. The main side runs its own
 * retry loop around the SDK (with the SDK's `maxRetries: 0`), so every wait is known and shown.
 */
export const ClientPolicy = z
  .object({
    /** Extra attempts after the first (0 = never retry). */
    maxRetries: z.number().int().min(0).max(10),
    /** The first back-off wait; each later one doubles, up to `maxDelayMs`. */
    baseDelayMs: z.number().int().min(0).max(60_000),
    /** The longest back-off wait (the cap). */
    maxDelayMs: z.number().int().min(0).max(300_000),
    /**
     * How much of each back-off wait is random, 0..1: the wait is drawn from
     * [(1 - jitter) x delay, delay], so 1 is "full jitter" and 0 a fixed schedule. Jitter keeps many
     * clients that failed together from retrying together.
     */
    jitter: z.number().min(0).max(1),
    /** Wait as long as the server's retry-after (or retry-after-ms) asks, rather than the back-off. */
    honourRetryAfter: z.boolean(),
    /** How long one attempt may wait for the response headers. */
    requestTimeoutMs: z.number().int().min(100).max(600_000),
    /** How long a started stream may stay silent before it is stopped as stalled. */
    idleTimeoutMs: z.number().int().min(100).max(600_000),
    /** The total time a request may take, every attempt and wait included. */
    deadlineMs: z.number().int().min(100).max(3_600_000),
  })
  .strict()
  .refine((p) => p.maxDelayMs >= p.baseDelayMs, { message: "the cap must be at least the base delay", path: ["maxDelayMs"] });
export type ClientPolicy = z.infer<typeof ClientPolicy>;

/**
 * HTTP statuses retried (besides connection errors and timeouts), as the openai SDK does; a
 * server may override with `x-should-retry`. A 429 that says insufficient_quota is never retried.
 */
export const RETRIED_STATUSES: readonly string[] = Object.freeze(["408", "409", "429", "5xx"]);

/** The policy the app uses until the user changes it. */
export const DEFAULT_RETRY_POLICY: ClientPolicy = Object.freeze({
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  jitter: 0.5,
  honourRetryAfter: true,
  requestTimeoutMs: 60_000,
  idleTimeoutMs: 30_000,
  deadlineMs: 120_000,
});

/** Whole seconds when exact, else one decimal: "60 s", "0.5 s". */
function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** One sentence describing a policy for the UI (fields an older caller lacks are left out). */
export function describeRetryPolicy(policy: RetryPolicy & Partial<ClientPolicy> = DEFAULT_RETRY_POLICY): string {
  const waits =
    policy.baseDelayMs === undefined
      ? "the server's retry-after asks, else an increasing back-off"
      : `${policy.honourRetryAfter === false ? "the back-off says (ignoring the server's retry-after)" : "the server's retry-after asks, else"} ` +
        `${policy.honourRetryAfter === false ? "" : "a back-off "}from ${seconds(policy.baseDelayMs)} doubling up to ${seconds(policy.maxDelayMs ?? policy.baseDelayMs)}` +
        `${policy.jitter ? `, ${Math.round(policy.jitter * 100)}% of it random` : ""}`;
  const retries =
    policy.maxRetries === 0
      ? "Failed requests are not retried"
      : `Failed requests are retried up to ${policy.maxRetries} time${policy.maxRetries === 1 ? "" : "s"} ` +
        `(on ${RETRIED_STATUSES.join(", ")} and connection errors, but never an out-of-quota 429 or a request larger than the whole tokens-per-minute limit; waiting as long as ${waits})`;
  const deadline = policy.deadlineMs === undefined ? "" : `, and the whole request, waits included, must end within ${seconds(policy.deadlineMs)}`;
  return (
    `${retries}; each attempt waits at most ${seconds(policy.requestTimeoutMs)} for the server to answer, ` +
    `a stream that sends nothing for ${seconds(policy.idleTimeoutMs)} is stopped${deadline}.`
  );
}
