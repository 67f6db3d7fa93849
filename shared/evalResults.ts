// Both processes: reading an evaluation's results: figures per prompt version, the table's rows
// with failures first, progress with time left, and what changed between two runs of a dataset.
import { cellKey, NO_RETRIES, type EvalCell, type EvalProgress, type EvalRun } from "./evals";

/** Pass rate, latency and cost of one prompt version. */
export interface VariantFigures {
  variant: number;
  label: string;
  total: number;
  passed: number;
  failed: number;
  errors: number;
  /** passed / finished cells, 0..1; null before any finished. */
  passRate: number | null;
  /** Median and mean latency of the cells that were sent (cached answers excluded). */
  medianLatencyMs: number | null;
  meanLatencyMs: number | null;
  costUsd: number;
  cached: number;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The figures of each variant of a run. */
export function variantFigures(run: Pick<EvalRun, "variants" | "cells">): VariantFigures[] {
  return run.variants.map((v, variant) => {
    const cells = run.cells.filter((c) => c.variant === variant);
    const latencies = cells.filter((c) => !c.cached && c.latencyMs !== null).map((c) => c.latencyMs as number);
    const passed = cells.filter((c) => c.status === "pass").length;
    return {
      variant,
      label: v.label,
      total: cells.length,
      passed,
      failed: cells.filter((c) => c.status === "fail").length,
      errors: cells.filter((c) => c.status === "error").length,
      passRate: cells.length ? passed / cells.length : null,
      medianLatencyMs: median(latencies),
      meanLatencyMs: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : null,
      costUsd: cells.reduce((sum, c) => sum + (c.costUsd ?? 0), 0),
      cached: cells.filter((c) => c.cached).length,
    };
  });
}

/** One row of the results table: a case and its cell per variant (null when not run yet). */
export interface ResultRow {
  caseId: string;
  cells: (EvalCell | null)[];
  /** How many of its cells did not pass. */
  failures: number;
}

/** The table's rows: cases with failing or erroring cells first (most failures first), then in case order. */
export function resultRows(run: Pick<EvalRun, "variants" | "cells">, caseIds: readonly string[]): ResultRow[] {
  const byKey = new Map(run.cells.map((c) => [cellKey(c.caseId, c.variant), c]));
  const rows = caseIds.map((caseId, order) => {
    const cells = run.variants.map((_, v) => byKey.get(cellKey(caseId, v)) ?? null);
    return { caseId, cells, failures: cells.filter((c) => c !== null && c.status !== "pass").length, order };
  });
  rows.sort((a, b) => b.failures - a.failures || a.order - b.order);
  return rows.map(({ caseId, cells, failures }) => ({ caseId, cells, failures }));
}

/** The progress figures of a run; `elapsedMs` is the time spent so far. */
export function progressOf(run: EvalRun, concurrency: number): EvalProgress {
  const total = run.caseCount * run.variants.length;
  const done = run.cells.length;
  const sent = run.cells.filter((c) => !c.cached).length;
  // Time left at the pace so far: cached cells are nearly free, so the pace counts sent ones.
  const etaMs = done === 0 || sent === 0 ? null : done >= total ? 0 : (run.elapsedMs / sent) * (total - done);
  return {
    evalRunId: run.id,
    status: run.status,
    done,
    total,
    passed: run.cells.filter((c) => c.status === "pass").length,
    failed: run.cells.filter((c) => c.status === "fail").length,
    errors: run.cells.filter((c) => c.status === "error").length,
    spendUsd: run.cells.reduce((sum, c) => sum + (c.costUsd ?? 0), 0),
    elapsedMs: run.elapsedMs,
    etaMs,
    concurrency,
    ...(run.retryCounts ?? NO_RETRIES),
    batch: run.batch,
  };
}

/**
 * The retry part of the progress line, e.g. "3 retries (2 × 429) · waited 4.2 s"; empty before the
 * first retry.
 */
export function retryText(p: Pick<EvalProgress, "retries" | "rateLimited" | "waitedMs">): string {
  if (p.retries === 0) return "";
  const waited = p.waitedMs < 1000 ? `${Math.round(p.waitedMs)} ms` : `${(p.waitedMs / 1000).toFixed(1)} s`;
  return `${p.retries} retr${p.retries === 1 ? "y" : "ies"}${p.rateLimited ? ` (${p.rateLimited} × 429)` : ""} · waited ${waited}`;
}

/** What changed for one case and variant label between two runs. */
export interface CellChange {
  caseId: string;
  label: string;
  before: EvalCell["status"];
  after: EvalCell["status"];
}

/**
 * Compares two runs of the same dataset, matching variants by label: cells that newly fail (passed
 * before, not now), newly pass, and how many stayed the same.
 */
export function diffEvalRuns(before: Pick<EvalRun, "variants" | "cells">, after: Pick<EvalRun, "variants" | "cells">): { newlyFailed: CellChange[]; newlyPassed: CellChange[]; unchanged: number } {
  const earlier = new Map(before.cells.map((c) => [`${before.variants[c.variant]?.label}\u0000${c.caseId}`, c]));
  const newlyFailed: CellChange[] = [];
  const newlyPassed: CellChange[] = [];
  let unchanged = 0;
  for (const cell of after.cells) {
    const label = after.variants[cell.variant]?.label ?? String(cell.variant);
    const old = earlier.get(`${label}\u0000${cell.caseId}`);
    if (!old) continue;
    const change = { caseId: cell.caseId, label, before: old.status, after: cell.status };
    if (old.status === "pass" && cell.status !== "pass") newlyFailed.push(change);
    else if (old.status !== "pass" && cell.status === "pass") newlyPassed.push(change);
    else unchanged += 1;
  }
  return { newlyFailed, newlyPassed, unchanged };
}
