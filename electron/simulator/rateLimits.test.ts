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
