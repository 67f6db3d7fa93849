// Tests (main process): the adaptive limiter caps requests in flight, halves on 429 and pauses for
// retry-after, then climbs back after successes; cancelling frees every waiter.
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { AdaptiveLimiter, LimiterAborted } from "./adaptiveLimiter";

describe("adaptive limiter", () => {
  it("never lets more than the limit in flight", async () => {
    const limiter = new AdaptiveLimiter({ max: 3 });
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        await limiter.acquire();
        peak = Math.max(peak, limiter.inFlight);
        await new Promise((r) => setImmediate(r));
        limiter.release();
      }),
    );
    expect(peak).toBe(3);
    expect(limiter.inFlight).toBe(0);
  });

  it("gives freed slots to waiters in the order they asked, one slot to one waiter", async () => {
    const limiter = new AdaptiveLimiter({ max: 1 });
    await limiter.acquire();
    const order: number[] = [];
    const waiting = [1, 2, 3].map((n) => limiter.acquire().then(() => order.push(n)));
    for (let i = 0; i < 3; i++) {
      limiter.release();
      await new Promise((r) => setImmediate(r));
      expect(order).toHaveLength(i + 1);
      expect(limiter.inFlight).toBe(1);
    }
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3]);
  });

  it("halves on a 429, then raises the limit by one after a streak of successes", () => {
    const limiter = new AdaptiveLimiter({ max: 8 });
    limiter.rateLimited(0);
    expect(limiter.limit).toBe(4);
    limiter.rateLimited(0);
    expect(limiter.limit).toBe(2);
    limiter.succeeded();
    expect(limiter.limit).toBe(2);
    limiter.succeeded();
    expect(limiter.limit).toBe(3);
    for (let i = 0; i < 100; i++) limiter.succeeded();
    expect(limiter.limit).toBe(8);
  });

  it("holds every new request until the retry-after pause ends", async () => {
    let clock = 0;
    const limiter = new AdaptiveLimiter({ max: 2, now: () => clock });
    limiter.rateLimited(30);
    let got = false;
    const waiting = limiter.acquire().then(() => (got = true));
    await new Promise((r) => setImmediate(r));
    expect(got).toBe(false);
    clock = 31; // the pause is over; the limiter's own timer re-checks
    await waiting;
    expect(got).toBe(true);
  });

  it("rejects waiters when the run is cancelled", async () => {
    const controller = new AbortController();
    const limiter = new AdaptiveLimiter({ max: 1, signal: controller.signal });
    await limiter.acquire();
    const waiting = [limiter.acquire(), limiter.acquire()];
    // Only the limiter itself listens to the run's signal, however many wait.
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort();
    for (const w of waiting) await expect(w).rejects.toBeInstanceOf(LimiterAborted);
    await expect(limiter.acquire()).rejects.toBeInstanceOf(LimiterAborted);
  });
});
