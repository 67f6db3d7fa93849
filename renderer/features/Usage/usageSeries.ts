// Renderer: the usage log turned into chart series: per time bucket, per model or feature, of
// requests, tokens, cost, latency or errors; plus the top costs and the totals per group.
import type { UsageEntry } from "../../../shared/contracts/usage";

/** The time windows the view offers, with their bucket size. */
export const RANGES = {
  "24h": { label: "Last 24 hours", ms: 24 * 3600_000, bucketMs: 3600_000 },
  "7d": { label: "Last 7 days", ms: 7 * 24 * 3600_000, bucketMs: 24 * 3600_000 },
  "30d": { label: "Last 30 days", ms: 30 * 24 * 3600_000, bucketMs: 24 * 3600_000 },
} as const;
export type RangeName = keyof typeof RANGES;

export type Metric = "requests" | "tokens" | "cost" | "latency" | "errors";
export type GroupBy = "model" | "feature";

/** What each metric is called and how its values read. */
export const METRICS: Record<Metric, { label: string; unit: string }> = {
  requests: { label: "Requests", unit: "" },
  tokens: { label: "Tokens (in + out)", unit: "" },
  cost: { label: "Cost", unit: "$" },
  latency: { label: "Average latency", unit: "ms" },
  errors: { label: "Errors", unit: "" },
};

/** One line of a chart: a group's value per bucket (null: nothing to average). */
export interface Series {
  key: string;
  values: (number | null)[];
}

/** Buckets of a window ending at `nowMs`: their start times. */
export function bucketStarts(range: RangeName, nowMs: number): number[] {
  const { ms, bucketMs } = RANGES[range];
  const count = Math.ceil(ms / bucketMs);
  const first = nowMs - count * bucketMs;
  return Array.from({ length: count }, (_, i) => first + i * bucketMs);
}

/** Whether an entry was sent at all (a budget refusal was not). */
const sent = (e: UsageEntry) => e.status !== "refused";

/** One series per group, each value the metric over that bucket's entries. */
export function buildSeries(entries: readonly UsageEntry[], starts: readonly number[], bucketMs: number, metric: Metric, groupBy: GroupBy): Series[] {
  const first = starts[0] ?? 0;
  const groups = new Map<string, { sum: number[]; count: number[] }>();
  for (const entry of entries) {
    const index = Math.floor((entry.time - first) / bucketMs);
    if (index < 0 || index >= starts.length) continue;
    const key = groupBy === "model" ? entry.model : entry.feature;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { sum: starts.map(() => 0), count: starts.map(() => 0) }));
    const add = (value: number) => {
      group.sum[index] = (group.sum[index] ?? 0) + value;
      group.count[index] = (group.count[index] ?? 0) + 1;
    };
    if (metric === "requests" && sent(entry)) add(1);
    else if (metric === "tokens") add(entry.promptTokens + entry.completionTokens);
    else if (metric === "cost") add(entry.costUsd ?? 0);
    else if (metric === "latency" && sent(entry)) add(entry.latencyMs);
    else if (metric === "errors" && entry.status === "failed") add(1);
  }
  return [...groups.entries()]
    .map(([key, { sum, count }]) => ({ key, values: sum.map((s, i) => (metric === "latency" ? ((count[i] ?? 0) ? s / (count[i] ?? 1) : null) : s)) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The most expensive requests, costliest first (requests with an unknown or zero cost are left out). */
export function topCosts(entries: readonly UsageEntry[], n = 10): UsageEntry[] {
  return entries.filter((e) => (e.costUsd ?? 0) > 0).sort((a, b) => (b.costUsd ?? 0) - (a.costUsd ?? 0) || b.time - a.time).slice(0, n);
}

/** Totals per group. */
export interface GroupTotal {
  key: string;
  requests: number;
  tokens: number;
  costUsd: number;
  /** Requests whose price was unknown, so the cost is a lower bound. */
  unpriced: number;
  errors: number;
}

/** Totals per model or feature, costliest first, then by requests. */
export function totalsBy(entries: readonly UsageEntry[], groupBy: GroupBy): GroupTotal[] {
  const totals = new Map<string, GroupTotal>();
  for (const e of entries) {
    const key = groupBy === "model" ? e.model : e.feature;
    const t = totals.get(key) ?? { key, requests: 0, tokens: 0, costUsd: 0, unpriced: 0, errors: 0 };
    if (sent(e)) t.requests += 1;
    t.tokens += e.promptTokens + e.completionTokens;
    t.costUsd += e.costUsd ?? 0;
    if (e.costUsd === null) t.unpriced += 1;
    if (e.status === "failed") t.errors += 1;
    totals.set(key, t);
  }
  return [...totals.values()].sort((a, b) => b.costUsd - a.costUsd || b.requests - a.requests || a.key.localeCompare(b.key));
}
