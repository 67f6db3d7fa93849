// Tests: usage log to chart series, top costs and totals.
import { describe, expect, it } from "vitest";
import type { UsageEntry } from "../../../shared/contracts/usage";
import { bucketStarts, buildSeries, topCosts, totalsBy } from "./usageSeries";

const HOUR = 3600_000;
const now = 100 * HOUR;
const entry = (hoursAgo: number, change: Partial<UsageEntry> = {}): UsageEntry => ({
  entryVersion: 1,
  time: now - hoursAgo * HOUR,
  runId: null,
  profileId: "p",
  profileName: "P",
  providerKind: "openai",
  model: "gpt-4o-mini",
  feature: "playground",
  promptVersion: null,
  promptTokens: 10,
  completionTokens: 5,
  costUsd: 0.001,
  latencyMs: 100,
  attempts: 1,
  status: "ok",
  errorKind: null,
  httpStatus: 200,
  requestId: null,
  fallbackStep: null,
  ...change,
});

describe("buildSeries", () => {
  const starts = bucketStarts("24h", now);
  it("makes 24 hourly buckets ending now", () => {
    expect(starts).toHaveLength(24);
    expect(starts[0]).toBe(now - 24 * HOUR);
  });

  it("counts requests per group and bucket, leaving refusals and older entries out", () => {
    const entries = [entry(0.5), entry(0.2, { model: "gpt-5" }), entry(0.1, { status: "refused" }), entry(30)];
    const series = buildSeries(entries, starts, HOUR, "requests", "model");
    expect(series.map((s) => s.key)).toEqual(["gpt-4o-mini", "gpt-5"]);
    expect(series[0]?.values.at(-1)).toBe(1);
    expect(series[0]?.values.slice(0, -1).every((v) => v === 0)).toBe(true);
    expect(series[1]?.values.at(-1)).toBe(1);
  });

  it("sums tokens and cost, averages latency (null where nothing was sent), counts errors", () => {
    const entries = [entry(0.5, { latencyMs: 100 }), entry(0.4, { latencyMs: 300, status: "failed", costUsd: null })];
    expect(buildSeries(entries, starts, HOUR, "tokens", "feature")[0]?.values.at(-1)).toBe(30);
    expect(buildSeries(entries, starts, HOUR, "cost", "feature")[0]?.values.at(-1)).toBeCloseTo(0.001);
    const latency = buildSeries(entries, starts, HOUR, "latency", "feature")[0]?.values ?? [];
    expect(latency.at(-1)).toBe(200);
    expect(latency[0]).toBeNull();
    expect(buildSeries(entries, starts, HOUR, "errors", "feature")[0]?.values.at(-1)).toBe(1);
  });
});

describe("topCosts and totalsBy", () => {
  it("lists the costliest requests first and totals per group with unpriced ones counted", () => {
    const entries = [entry(1, { costUsd: 0.5 }), entry(2, { costUsd: 0.01 }), entry(3, { costUsd: null, model: "mystery" }), entry(4, { costUsd: 0 })];
    expect(topCosts(entries).map((e) => e.costUsd)).toEqual([0.5, 0.01]);
    const totals = totalsBy(entries, "model");
    expect(totals[0]).toMatchObject({ key: "gpt-4o-mini", requests: 3, tokens: 45, unpriced: 0 });
    expect(totals[0]?.costUsd).toBeCloseTo(0.51);
    expect(totals[1]).toMatchObject({ key: "mystery", unpriced: 1, costUsd: 0 });
  });
});
