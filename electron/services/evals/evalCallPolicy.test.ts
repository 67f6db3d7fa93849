// Tests (Node): one evaluation request under the client policy, through the real SDK and the
// simulator: a 429 is retried by our loop with the wait on the record and the runner told (so its
// adaptive limiter slows the whole run), quota is not retried, and without a policy one attempt.
import { describe, expect, it } from "vitest";
import { NORMAL_BEHAVIOUR, type SimBehaviour } from "../../../shared/contracts/reliability";
import type { ChatRequest } from "../../../shared/contract";
import { DEFAULT_RETRY_POLICY, type ClientPolicy } from "../../../shared/retryPolicy";
import { simulatorSuite } from "../../../test/fixtures/simulatorSuite";
import { callForEval } from "./evalCall";

// One simulator serves the whole file; the suite clears the failures each test sets.
const { control, connection } = simulatorSuite();
const request: ChatRequest = { model: "sim-chat-1", messages: [{ role: "user", content: "Say ok." }], max_completion_tokens: 20 };
const policy: ClientPolicy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 5, jitter: 0, maxRetries: 2 };
const failNext = (failure: SimBehaviour["failure"], remaining: number) => control().set({ ...NORMAL_BEHAVIOUR, failure, remaining });

function send(extra: { policy?: ClientPolicy } = {}) {
  const rateLimited: number[] = [];
  const outcome = callForEval({
    connection: connection(),
    request,
    signal: new AbortController().signal,
    secrets: [],
    requestTimeoutMs: 10_000,
    random: () => 0,
    onRateLimited: (ms) => rateLimited.push(ms),
    ...extra,
  });
  return { outcome, rateLimited };
}

describe("an evaluation request under the client policy", () => {
  it("retries a 429 and succeeds, with both attempts and the wait on its record", async () => {
    await failNext("rate_limit_no_retry_after", 1);
    const { outcome, rateLimited } = send({ policy });
    const { record, result, error } = await outcome;
    expect(error).toBeNull();
    expect(result?.metrics.attempts).toBe(2);
    expect(record.attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(record.attempts[0]).toMatchObject({ waitMs: 5, waitReason: "backoff" });
    expect(record.attempts[0]?.note).toMatch(/back-off for retry 1/);
    // The runner heard of the 429 once, with the wait the policy chose.
    expect(rateLimited).toEqual([5]);
  });

  it("honours the server's retry-after when the policy says so", async () => {
    await failNext("rate_limit", 1);
    // retry-after: 1 (second); back-off alone would wait 5 ms.
    const { outcome, rateLimited } = send({ policy });
    const { record, error, answerMs } = await outcome;
    expect(error).toBeNull();
    expect(record.attempts[0]).toMatchObject({ status: 429, retryAfter: "1", waitMs: 1000, waitReason: "retry-after" });
    // The answer's latency is its own attempt's; the record's total keeps the wait.
    expect(answerMs).toBeLessThan(1000);
    expect(record.metrics.totalMs).toBeGreaterThanOrEqual(1000);
    expect(rateLimited).toEqual([1000]);
  });

  it("does not retry insufficient_quota, and says why", async () => {
    await failNext("insufficient_quota", 3);
    const { outcome, rateLimited } = send({ policy });
    const { record, error } = await outcome;
    expect(error?.kind).toBe("quota");
    expect(error?.message).toContain("Not retried");
    expect(record.attempts).toHaveLength(1);
    expect(record.attempts[0]?.note).toContain("Not retried");
    expect(rateLimited).toEqual([]);
  });

  it("makes one attempt when no policy is given, leaving the 429 to the runner", async () => {
    await failNext("rate_limit_no_retry_after", 1);
    const { outcome } = send();
    const { record, error } = await outcome;
    expect(error?.kind).toBe("rate_limited");
    expect(record.attempts).toHaveLength(1);
  });
});
