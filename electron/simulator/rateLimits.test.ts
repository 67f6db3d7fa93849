// Tests (Node): rate-limit header values and the refilling budget.
import { describe, expect, it } from "vitest";
import { formatDuration, RateLimitBudget, REQUESTS_PER_MINUTE } from "./rateLimits";

describe("formatDuration", () => {
  it.each([
    [12, "12ms"],
    [1000, "1s"],
    [8640, "8.64s"],
    [360_000, "6m0s"],
    [61_500, "1m1.5s"],
  ])("%d ms -> %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("RateLimitBudget", () => {
  it("counts requests down and refills them over time", () => {
    let now = 0;
    const budget = new RateLimitBudget(() => now);
    budget.consume(100);
    const second = budget.consume(100);
    expect(second["x-ratelimit-remaining-requests"]).toBe(String(REQUESTS_PER_MINUTE - 2));
    expect(second["x-ratelimit-reset-requests"]).toBe("240ms");
    now = 60_000;
    expect(budget.consume(0)["x-ratelimit-remaining-requests"]).toBe(String(REQUESTS_PER_MINUTE - 1));
  });
});

describe("enforced limits", () => {
  it("admits everything while no limit is set", () => {
    const budget = new RateLimitBudget(() => 0);
    for (let i = 0; i < REQUESTS_PER_MINUTE + 5; i++) {
      expect(budget.admit(10, "m")).toBeNull();
      budget.consume(10);
    }
  });

  it("refuses past the requests-per-minute limit, saying when one fits again, without counting the refusal", () => {
    let now = 0;
    const budget = new RateLimitBudget(() => now);
    budget.setLimits({ requestsPerMinute: 2, tokensPerMinute: null });
    budget.consume(0);
    budget.consume(0);
    const refusal = budget.admit(0, "sim-chat-1");
    expect(refusal).toMatchObject({ limit: "requests", retryAfterMs: 30_000 });
    expect(refusal?.message).toContain("requests per min (RPM): Limit 2, Used 2, Requested 1");
    expect(refusal?.headers["x-ratelimit-remaining-requests"]).toBe("0");
    expect(budget.snapshot()["x-ratelimit-remaining-requests"]).toBe("0");
    now = 30_000;
    expect(budget.admit(0, "sim-chat-1")).toBeNull();
  });

  it("refuses by tokens, and never admits a request larger than the limit", () => {
    const budget = new RateLimitBudget(() => 0);
    budget.setLimits({ requestsPerMinute: null, tokensPerMinute: 100 });
    expect(budget.admit(101, "m")).toMatchObject({ limit: "tokens", retryAfterMs: null });
    budget.consume(80);
    expect(budget.admit(30, "m")).toMatchObject({ limit: "tokens", retryAfterMs: 6_000 });
    expect(budget.admit(20, "m")).toBeNull();
  });
});
