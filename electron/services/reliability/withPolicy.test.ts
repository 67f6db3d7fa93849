// Tests: the policy's retry loop around SDK-shaped errors, with a pinned clock, random source and
// sleep: attempts, waits and reasons, quota, the deadline, and a stop during a wait.
import { getEventListeners } from "node:events";
import { APIConnectionError, APIError, APIUserAbortError } from "openai";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, type ClientPolicy } from "../../../shared/retryPolicy";
import { PolicyStopError, withPolicy, type PolicyWait } from "./withPolicy";

const policy: ClientPolicy = { ...DEFAULT_RETRY_POLICY, maxRetries: 2, baseDelayMs: 100, maxDelayMs: 1000, jitter: 0, deadlineMs: 60_000 };

function apiError(status: number, headers: Record<string, string> = {}, code: string | null = null): APIError {
  return APIError.generate(status, { error: { message: "no", type: "x", param: null, code } }, "no", new Headers(headers));
}

/** A fake clock advanced by the fake sleep, so waits take no real time. */
function fakeTime() {
  let now = 0;
  const slept: number[] = [];
  return {
    now: () => now,
    slept,
    sleep: async (ms: number, signal: AbortSignal) => {
      if (signal.aborted) throw new Error("aborted");
      slept.push(ms);
      now += ms;
    },
  };
}

/** Runs `withPolicy` on fake time with an attempt that always throws `fail()`; returns the error it ends with and the calls made. */
async function runAlwaysFailing(time: ReturnType<typeof fakeTime>, fail: () => Error) {
  let calls = 0;
  const err = await withPolicy(
    policy,
    async () => {
      calls += 1;
      throw fail();
    },
    { now: time.now, sleep: time.sleep },
  ).catch((e: unknown) => e);
  return { err, calls };
}

describe("withPolicy", () => {
  it("retries with the waits the policy chose and returns the first success", async () => {
    const time = fakeTime();
    const waits: PolicyWait[] = [];
    const outcomes = [apiError(429, { "retry-after": "2" }), apiError(503), "ok"];
    const attemptsSeen: number[] = [];
    const value = await withPolicy(
      policy,
      async (_signal, attempt) => {
        attemptsSeen.push(attempt);
        const next = outcomes.shift();
        if (next instanceof Error) throw next;
        return next;
      },
      { now: time.now, sleep: time.sleep, random: () => 0, onWait: (w) => waits.push(w) },
    );
    expect(value).toBe("ok");
    expect(attemptsSeen).toEqual([1, 2, 3]);
    expect(waits.map((w) => [w.afterAttempt, w.waitMs, w.reason])).toEqual([
      [1, 2000, "retry-after"],
      [2, 200, "backoff"],
    ]);
    expect(time.slept).toEqual([2000, 200]);
  });

  it("retries connection errors and gives up when the attempts are used, keeping the last error as cause", async () => {
    const { err, calls } = await runAlwaysFailing(fakeTime(), () => new APIConnectionError({ message: "refused" }));
    expect(calls).toBe(3);
    expect(err).toBeInstanceOf(PolicyStopError);
    expect(err).toMatchObject({ stop: "attempts", attempts: 3 });
    expect((err as PolicyStopError).cause).toBeInstanceOf(APIConnectionError);
  });

  it("does not retry an out-of-quota 429", async () => {
    const time = fakeTime();
    const { err, calls } = await runAlwaysFailing(time, () => apiError(429, {}, "insufficient_quota"));
    expect(calls).toBe(1);
    expect(err).toMatchObject({ stop: "quota" });
    expect(time.slept).toEqual([]);
  });

  it("rethrows other errors untouched, without retrying", async () => {
    let calls = 0;
    const bug = new TypeError("a bug");
    await expect(
      withPolicy(policy, async () => {
        calls += 1;
        throw bug;
      }),
    ).rejects.toBe(bug);
    expect(calls).toBe(1);
  });

  it("gives up instead of starting a wait that would pass the deadline", async () => {
    const time = fakeTime();
    const err = await withPolicy({ ...policy, deadlineMs: 5_000 }, async () => Promise.reject(apiError(429, { "retry-after": "30" })), { now: time.now, sleep: time.sleep }).catch((e: unknown) => e);
    expect(err).toMatchObject({ stop: "deadline" });
    expect((err as Error).message).toBe("Gave up: waiting 30 s (retry-after) would pass the request's deadline of 5 s.");
    expect(time.slept).toEqual([]);
  });

  it("ends at once when stopped during a wait", async () => {
    const controller = new AbortController();
    let calls = 0;
    const pending = withPolicy(
      policy,
      async () => {
        calls += 1;
        throw apiError(429, { "retry-after": "50" });
      },
      { signal: controller.signal, onWait: () => queueMicrotask(() => controller.abort()) },
    );
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(calls).toBe(1);
  });

  it("aborts an attempt still running when the deadline passes", async () => {
    const err = await withPolicy({ ...policy, deadlineMs: 100 }, (signal) => new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(new APIUserAbortError())))).catch((e: unknown) => e);
    expect(err).toMatchObject({ stop: "deadline" });
    expect((err as Error).message).toContain("deadline of 100 ms passed during attempt 1");
  });

  it("stays linked to the caller's signal after a success, unless the value is whole on return", async () => {
    const shared = new AbortController();
    for (let i = 0; i < 3; i++) await withPolicy(policy, async () => "body read whole", { signal: shared.signal, wholeOnReturn: true });
    // Many calls sharing one run's signal leave nothing subscribed to it.
    expect(getEventListeners(shared.signal, "abort")).toHaveLength(0);
    // A stream is read after the call returns: Stop must still reach it through the link.
    let attemptSignal: AbortSignal | null = null;
    await withPolicy(policy, async (signal) => (attemptSignal = signal), { signal: shared.signal });
    expect(getEventListeners(shared.signal, "abort")).toHaveLength(1);
    shared.abort();
    expect((attemptSignal as AbortSignal | null)?.aborted).toBe(true);
  });
});
