// Tests: the client policy's arithmetic with a pinned random source: back-off with jitter and cap,
// retry-after parsing, what is retried, and the deadline.
import { describe, expect, it } from "vitest";
import { backoffDelay, decideRetry, requestTooLarge, retryAfterMs, retryable, type FailedAttempt } from "./retryPlan";
import { DEFAULT_RETRY_POLICY, type ClientPolicy } from "./retryPolicy";

const policy: ClientPolicy = { ...DEFAULT_RETRY_POLICY, maxRetries: 3, baseDelayMs: 500, maxDelayMs: 3000, jitter: 0.5, deadlineMs: 10_000 };
const fail = (status: number | null, extra: Partial<FailedAttempt> = {}): FailedAttempt => ({ status, code: null, shouldRetry: null, retryAfterMs: null, ...extra });

describe("backoffDelay", () => {
  it("doubles from the base delay up to the cap", () => {
    const none = { ...policy, jitter: 0 };
    expect([0, 1, 2, 3, 4].map((i) => backoffDelay(none, i, () => 0.9))).toEqual([500, 1000, 2000, 3000, 3000]);
  });

  it("takes up to `jitter` of each wait off at random", () => {
    expect(backoffDelay(policy, 1, () => 0)).toBe(1000);
    expect(backoffDelay(policy, 1, () => 0.5)).toBe(750);
    expect(backoffDelay(policy, 1, () => 0.999999)).toBe(500);
    expect(backoffDelay({ ...policy, jitter: 1 }, 1, () => 0.999999)).toBe(0);
  });
});

describe("retryAfterMs", () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name];
  it("prefers retry-after-ms, then seconds, then an HTTP date", () => {
    expect(retryAfterMs(headers({ "retry-after-ms": "250", "retry-after": "9" }), 0)).toBe(250);
    expect(retryAfterMs(headers({ "retry-after": "2" }), 0)).toBe(2000);
    expect(retryAfterMs(headers({ "retry-after": "1.5" }), 0)).toBe(1500);
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(retryAfterMs(headers({ "retry-after": "Wed, 01 Jan 2025 00:00:03 GMT" }), now)).toBe(3000);
    expect(retryAfterMs(headers({}), 0)).toBeNull();
    expect(retryAfterMs(headers({ "retry-after": "soon" }), 0)).toBeNull();
  });
});

describe("retryable", () => {
  it("retries connection errors, 408, 409, 429 and 5xx, but not other 4xx", () => {
    for (const status of [null, 408, 409, 429, 500, 503]) expect(retryable(fail(status)).ok).toBe(true);
    for (const status of [400, 401, 403, 404, 422]) expect(retryable(fail(status))).toMatchObject({ ok: false, stop: "not_retryable" });
  });

  it("never retries an out-of-quota 429, and says why", () => {
    expect(retryable(fail(429, { code: "insufficient_quota", shouldRetry: "true" }))).toEqual({
      ok: false,
      stop: "quota",
      why: "Not retried: out of quota is about billing, and waiting cannot fix it.",
    });
  });

  it("never retries a request larger than the whole tokens-per-minute limit, whatever its code, and says why", () => {
    const message = "Request too large for gpt-4o in organization org-abc on tokens per min (TPM): Limit 30000, Requested 50000. The input or output tokens must be reduced in order to run successfully.";
    expect(requestTooLarge({ status: 429, message })).toEqual({ limit: 30000, requested: 50000 });
    expect(retryable(fail(429, { code: "rate_limit_exceeded", message }))).toEqual({
      ok: false,
      stop: "too_large",
      why: "Not retried: this one request needs 50000 tokens, more than the whole tokens-per-minute limit of 30000, so no wait can make it fit. Shorten the input or lower max_completion_tokens.",
    });
    // A busy limit with the same code is retried.
    expect(retryable(fail(429, { code: "rate_limit_exceeded", message: "Rate limit reached for gpt-4o on tokens per min (TPM): Limit 30000, Used 29000, Requested 2000." })).ok).toBe(true);
    expect(decideRetry({ policy, attemptsMade: 1, failure: fail(429, { message }), elapsedMs: 0, random: () => 0 })).toMatchObject({ retry: false, stop: "too_large" });
  });

  it("obeys the server's x-should-retry", () => {
    expect(retryable(fail(500, { shouldRetry: "false" })).ok).toBe(false);
    expect(retryable(fail(400, { shouldRetry: "true" })).ok).toBe(true);
  });
});

describe("decideRetry", () => {
  const decide = (failure: FailedAttempt, attemptsMade = 1, elapsedMs = 0, p = policy) => decideRetry({ policy: p, attemptsMade, failure, elapsedMs, random: () => 0 });

  it("waits as long as retry-after asks when the policy honours it", () => {
    expect(decide(fail(429, { retryAfterMs: 1000 }))).toEqual({ retry: true, waitMs: 1000, reason: "retry-after", why: "Waiting 1 s, as the server's retry-after asked." });
  });

  it("backs off when there is no retry-after, or when the policy ignores it", () => {
    expect(decide(fail(503), 2)).toMatchObject({ retry: true, waitMs: 1000, reason: "backoff" });
    const ignoring = decide(fail(429, { retryAfterMs: 9000 }), 1, 0, { ...policy, honourRetryAfter: false });
    expect(ignoring).toMatchObject({ retry: true, waitMs: 500, reason: "backoff" });
    expect(ignoring.why).toContain("retry-after is ignored");
  });

  it("stops when the attempts are used up", () => {
    expect(decide(fail(500), 4)).toEqual({ retry: false, stop: "attempts", why: "Gave up: all 4 attempts the policy allows were used." });
    expect(decide(fail(500), 1, 0, { ...policy, maxRetries: 0 })).toMatchObject({ retry: false, stop: "attempts", why: "Not retried: the policy allows no retries." });
  });

  it("gives up at once when the wait would pass the deadline, saying so", () => {
    expect(decide(fail(429, { retryAfterMs: 5000 }), 1, 4_999)).toMatchObject({ retry: true, waitMs: 5000 });
    expect(decide(fail(429, { retryAfterMs: 5000 }), 1, 5_000)).toEqual({
      retry: false,
      stop: "deadline",
      why: "Gave up: waiting 5 s (retry-after) would pass the request's deadline of 10 s.",
    });
  });

  it("reports quota before anything else", () => {
    expect(decide(fail(429, { code: "insufficient_quota", retryAfterMs: 1 }))).toMatchObject({ retry: false, stop: "quota" });
  });
});
