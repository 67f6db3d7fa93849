// Both processes: the client policy's arithmetic: whether a failed attempt is retried, how long
// to wait first and why (retry-after or back-off with jitter), and when the deadline forbids it.
// Pure: the clock and the random source are passed in, so tests can pin them.
import type { ClientPolicy } from "./retryPolicy";

/** Why the client waits before the next attempt. */
export type WaitReason = "retry-after" | "backoff";

/** Why the client stops retrying. */
export type StopReason = "quota" | "too_large" | "not_retryable" | "attempts" | "deadline";

/** What is known of one failed attempt. */
export interface FailedAttempt {
  /** HTTP status, or null when no response arrived (connection error, attempt timeout). */
  status: number | null;
  /** The error code of the body, e.g. "insufficient_quota". */
  code: string | null;
  /** The server's `x-should-retry` header ("true"/"false"), or null. */
  shouldRetry: string | null;
  /** The wait the server asked for (retry-after-ms or retry-after), or null. */
  retryAfterMs: number | null;
  /** The error's message, which alone tells a request too large for the limit from a busy one; absent when unknown. */
  message?: string | null;
}

/**
 * The limit and the request's size when a 429 says the request alone exceeds the tokens-per-minute
 * limit ("Request too large for gpt-4o ... on tokens per min (TPM): Limit 30000, Requested 50000."),
 * else null. The real API sends it with code rate_limit_exceeded, like a busy limit, and no wait:
 * only the message tells them apart, and no wait can make such a request fit.
 */
export function requestTooLarge(failure: Pick<FailedAttempt, "status" | "message">): { limit: number; requested: number } | null {
  if (failure.status !== 429 || !failure.message) return null;
  const match = /Request too large\b[\s\S]*?Limit ([\d,]+), Requested ([\d,]+)/i.exec(failure.message);
  if (!match) return null;
  return { limit: Number(match[1]?.replace(/,/g, "")), requested: Number(match[2]?.replace(/,/g, "")) };
}

/** The decision after a failed attempt, with a sentence for the timeline. */
export type RetryDecision =
  | { retry: true; waitMs: number; reason: WaitReason; why: string }
  | { retry: false; stop: StopReason; why: string };

/** "1.5 s", "250 ms". */
export function formatWait(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}

/**
 * The back-off wait before retry number `retryIndex` (0 for the first retry): the base delay
 * doubled per retry, capped, then shortened by up to `jitter` of itself (`random()` in [0, 1)).
 */
export function backoffDelay(policy: Pick<ClientPolicy, "baseDelayMs" | "maxDelayMs" | "jitter">, retryIndex: number, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryIndex));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(exponential * (1 - policy.jitter * r));
}

/**
 * The wait a response asks for in ms: `retry-after-ms`, else `retry-after` as seconds or as an
 * HTTP date (relative to `nowMs`); null when absent or unreadable.
 */
export function retryAfterMs(header: (name: string) => string | null | undefined, nowMs: number): number | null {
  const ms = Number.parseFloat(header("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const raw = header("retry-after")?.trim();
  if (!raw) return null;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** Whether a failure is worth another attempt, or why not. */
export function retryable(failure: FailedAttempt): { ok: true } | { ok: false; stop: "quota" | "too_large" | "not_retryable"; why: string } {
  if (failure.status === 429 && failure.code === "insufficient_quota") {
    return { ok: false, stop: "quota", why: "Not retried: out of quota is about billing, and waiting cannot fix it." };
  }
  const tooLarge = requestTooLarge(failure);
  if (tooLarge) {
    return {
      ok: false,
      stop: "too_large",
      why:
        `Not retried: this one request needs ${tooLarge.requested} tokens, more than the whole tokens-per-minute limit of ${tooLarge.limit}, ` +
        "so no wait can make it fit. Shorten the input or lower max_completion_tokens.",
    };
  }
  if (failure.shouldRetry === "false") return { ok: false, stop: "not_retryable", why: "Not retried: the server said x-should-retry: false." };
  if (failure.shouldRetry === "true") return { ok: true };
  const { status } = failure;
  if (status === null || status === 408 || status === 409 || status === 429 || status >= 500) return { ok: true };
  return { ok: false, stop: "not_retryable", why: `Not retried: a ${status} means the request itself must change.` };
}

/**
 * Decides what follows failed attempt number `attemptsMade` (1 = the first attempt failed).
 * `elapsedMs` is the time since the request started; a wait that would end at or past the
 * deadline is not started: the request gives up at once, saying so.
 */
export function decideRetry(args: {
  policy: ClientPolicy;
  attemptsMade: number;
  failure: FailedAttempt;
  elapsedMs: number;
  random: () => number;
}): RetryDecision {
  const { policy, attemptsMade, failure, elapsedMs } = args;
  const verdict = retryable(failure);
  if (!verdict.ok) return { retry: false, stop: verdict.stop, why: verdict.why };
  if (attemptsMade > policy.maxRetries) {
    return {
      retry: false,
      stop: "attempts",
      why: policy.maxRetries === 0 ? "Not retried: the policy allows no retries." : `Gave up: all ${policy.maxRetries + 1} attempts the policy allows were used.`,
    };
  }
  const asked = policy.honourRetryAfter ? failure.retryAfterMs : null;
  const waitMs = asked ?? backoffDelay(policy, attemptsMade - 1, args.random);
  const reason: WaitReason = asked === null ? "backoff" : "retry-after";
  if (elapsedMs + waitMs >= policy.deadlineMs) {
    return {
      retry: false,
      stop: "deadline",
      why: `Gave up: waiting ${formatWait(waitMs)} (${reason}) would pass the request's deadline of ${formatWait(policy.deadlineMs)}.`,
    };
  }
  const why =
    reason === "retry-after"
      ? `Waiting ${formatWait(waitMs)}, as the server's retry-after asked.`
      : `Waiting ${formatWait(waitMs)}: back-off for retry ${attemptsMade}${policy.jitter ? ", with jitter" : ""}${failure.retryAfterMs !== null && !policy.honourRetryAfter ? " (the server's retry-after is ignored by this policy)" : ""}.`;
  return { retry: true, waitMs, reason, why };
}
