// Tests: figures per version, failures-first rows, progress and the diff of two runs.
import { describe, expect, it } from "vitest";
import { EvalProgress, type EvalCell, type EvalRun } from "./evals";
import { diffEvalRuns, progressOf, resultRows, retryText, variantFigures } from "./evalResults";

function cell(caseId: string, variant: number, status: EvalCell["status"], extra: Partial<EvalCell> = {}): EvalCell {
  return { caseId, variant, runId: null, status, checks: [], output: "", latencyMs: 100, costUsd: 0.001, cached: false, error: null, ...extra };
}
const request = { model: "m", messages: [{ role: "user" as const, content: "{{q}}" }] };
function run(cells: EvalCell[], labels = ["v1", "v2"]): EvalRun {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    datasetId: "d",
    datasetName: "D",
    createdAt: 0,
    variants: labels.map((label) => ({ label, profileId: "simulator", request })),
    settings: { concurrency: 2, cache: false, mode: "direct" },
    status: "running",
    error: null,
    caseCount: 3,
    cells,
    batch: null,
    elapsedMs: 1_000,
  };
}

describe("eval results", () => {
  it("gives pass rate, latency and cost per version, cached answers excluded from latency", () => {
    const figures = variantFigures(run([cell("a", 0, "pass", { latencyMs: 100 }), cell("b", 0, "fail", { latencyMs: 300 }), cell("c", 0, "pass", { cached: true, latencyMs: 1, costUsd: 0 }), cell("a", 1, "error", { costUsd: null })]));
    expect(figures[0]).toMatchObject({ total: 3, passed: 2, failed: 1, medianLatencyMs: 200, meanLatencyMs: 200, cached: 1 });
    expect(figures[0]?.passRate).toBeCloseTo(2 / 3);
    expect(figures[0]?.costUsd).toBeCloseTo(0.002);
    expect(figures[1]).toMatchObject({ total: 1, errors: 1, passRate: 0, costUsd: 0 });
  });

  it("puts failing cases first, most failures first, then in case order", () => {
    const rows = resultRows(run([cell("a", 0, "pass"), cell("a", 1, "pass"), cell("b", 0, "fail"), cell("c", 0, "fail"), cell("c", 1, "error")]), ["a", "b", "c"]);
    expect(rows.map((r) => [r.caseId, r.failures])).toEqual([["c", 2], ["b", 1], ["a", 0]]);
    expect(rows[1]?.cells[1]).toBeNull();
  });

  it("estimates time left from the pace of sent requests", () => {
    const p = progressOf(run([cell("a", 0, "pass"), cell("b", 0, "fail")]), 2);
    expect(p).toMatchObject({ done: 2, total: 6, passed: 1, failed: 1, etaMs: 2_000, concurrency: 2 });
    expect(progressOf(run([]), 2).etaMs).toBeNull();
  });

  it("carries the run's retries, 429s and waits, and words them for the progress line", () => {
    expect(progressOf(run([]), 2)).toMatchObject({ retries: 0, rateLimited: 0, waitedMs: 0 });
    const p = progressOf({ ...run([cell("a", 0, "pass")]), retryCounts: { retries: 3, rateLimited: 2, waitedMs: 4_210 } }, 2);
    expect(EvalProgress.parse(p)).toMatchObject({ retries: 3, rateLimited: 2, waitedMs: 4_210 });
    expect(retryText(p)).toBe("3 retries (2 × 429) · waited 4.2 s");
    expect(retryText({ retries: 1, rateLimited: 0, waitedMs: 200 })).toBe("1 retry · waited 200 ms");
    expect(retryText({ retries: 0, rateLimited: 0, waitedMs: 0 })).toBe("");
  });

  it("diffs two runs of a dataset by variant label", () => {
    const before = run([cell("a", 0, "pass"), cell("b", 0, "fail"), cell("c", 0, "pass")]);
    const after = run([cell("a", 0, "fail"), cell("b", 0, "pass"), cell("c", 0, "pass"), cell("a", 1, "pass")]);
    expect(diffEvalRuns(before, after)).toEqual({
      newlyFailed: [{ caseId: "a", label: "v1", before: "pass", after: "fail" }],
      newlyPassed: [{ caseId: "b", label: "v1", before: "fail", after: "pass" }],
      unchanged: 1,
    });
  });
});
