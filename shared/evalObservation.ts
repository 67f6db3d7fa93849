// Both processes: what an exercise taught in the Evals view is graded on: an evaluation run (and the
// dataset behind it) turned into the assertion engine's Observation, with facts about its results,
// its prompt versions, how it was sent, and cases measured by the exercise's probes.
import type { Observation } from "./assertions";
import { resultRows, variantFigures } from "./evalResults";
import type { Dataset, EvalRun } from "./evals";
import type { EvalProbe } from "./lesson";
import { compileSafePattern } from "./regex/safePattern";

/** The facts an evaluation run reports; a probe may not reuse these names. */
export const EVAL_FACT_NAMES: readonly string[] = [
  "status",
  "complete",
  "caseCount",
  "versionCount",
  "cellCount",
  "passed",
  "failed",
  "errors",
  "allPassed",
  "firstFailure",
  "mode",
  "usedBatch",
  "batchStatus",
  "concurrency",
  "cacheEnabled",
  "cachedCells",
  "versionsDiffer",
  "sameModel",
  "bestVersion",
  "bestVersionAllPassed",
  "versionsDisagree",
  "experimentVersions",
  "fromOneExperiment",
  "datasetCurrent",
  "datasetAssertions",
  "casesWithAssertions",
  "everyCaseHasAssertions",
];

/** What the run and probes measured: the observation to grade, and a sentence of figures per main fact and probe. */
export interface EvalObservation {
  observation: Observation;
  notes: Record<string, string>;
}

type Facts = NonNullable<Observation["facts"]>;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Facts comparing the prompt versions of a run, whatever their order: whether they differ, which
 * passed the most cases (by label), and on how many cases their verdicts disagree.
 */
function versionFacts(run: EvalRun): Facts {
  const figures = variantFigures(run);
  const count = run.variants.length;
  const mostPassed = Math.max(...figures.map((f) => f.passed));
  const leaders = figures.filter((f) => f.passed === mostPassed);
  // A tie has no best version: "v2 is better" needs v2 to pass strictly more cases.
  const best = leaders.length === 1 ? leaders[0] : undefined;
  const verdicts = new Map<string, Set<boolean>>();
  for (const cell of run.cells) verdicts.set(cell.caseId, (verdicts.get(cell.caseId) ?? new Set()).add(cell.status === "pass"));
  const requests = run.variants.map((v) => JSON.stringify(v.request));
  const refs = run.variants.map((v) => v.experiment);
  const experimentIds = new Set(refs.map((r) => r?.id));
  const versions = new Set(refs.map((r) => r?.version));
  return {
    versionsDiffer: count >= 2 && new Set(requests).size === count,
    sameModel: new Set(run.variants.map((v) => v.request.model)).size === 1,
    bestVersion: best ? best.label : null,
    bestVersionAllPassed: best !== undefined && best.total === run.caseCount && best.passed === best.total,
    versionsDisagree: count < 2 ? 0 : [...verdicts.values()].filter((v) => v.size > 1).length,
    experimentVersions: refs.filter((r) => r !== undefined).length,
    fromOneExperiment: count >= 2 && refs.every((r) => r !== undefined) && experimentIds.size === 1 && versions.size === count,
  };
}

/** Facts about the dataset, when it is the one the run used (not edited since the run started). */
function datasetFacts(dataset: Dataset | null): Facts {
  if (!dataset) return { datasetCurrent: false, datasetAssertions: null, casesWithAssertions: null, everyCaseHasAssertions: null };
  const withOwn = dataset.cases.filter((c) => c.assertions.length > 0).length;
  return {
    datasetCurrent: true,
    datasetAssertions: dataset.assertions.length,
    casesWithAssertions: withOwn,
    everyCaseHasAssertions: dataset.cases.length > 0 && withOwn === dataset.cases.length,
  };
}

/** Measures the dataset with the probes: each probe's name becomes true, false, or null (no dataset). */
function probeFacts(dataset: Dataset | null, probes: readonly EvalProbe[]): { facts: Facts; notes: Record<string, string> } {
  const facts: Facts = {};
  const notes: Record<string, string> = {};
  for (const probe of probes) {
    const wanted = Object.entries(probe.vars).map(([column, pattern]) => ({ column, re: compileSafePattern(pattern, "i") }));
    const pattern = (source: string) => (source.length > 40 ? `${source.slice(0, 39)}…` : source);
    const shown = wanted.map((w) => `${w.column} matching /${pattern(w.re.source)}/`).join(" and ");
    if (!dataset) {
      facts[probe.name] = null;
      notes[probe.name] = "the dataset changed (or is gone) since this run, so its cases cannot be checked: run it again";
      continue;
    }
    const matching = dataset.cases.filter((c) => wanted.every((w) => w.re.test(c.vars[w.column] ?? "")));
    const found = probe.withAssertions ? matching.find((c) => c.assertions.length > 0) : matching[0];
    facts[probe.name] = found !== undefined;
    notes[probe.name] = found
      ? `case "${found.id}" has ${shown}${probe.withAssertions ? " and checks of its own" : ""}`
      : matching.length
        ? `case "${matching[0]?.id}" has ${shown} but no checks of its own (an expected label or criterion)`
        : `no case has ${shown}`;
  }
  return { facts, notes };
}

/** The results table as text, failing rows first: one line per case, one verdict per version. */
function resultsText(run: EvalRun, caseIds: readonly string[]): string {
  const rows = resultRows(run, caseIds);
  const lines = rows.slice(0, 50).map((row) => {
    const cells = row.cells.map((cell, v) => {
      const label = run.variants[v]?.label ?? `v${v + 1}`;
      if (!cell) return `${label}: not run`;
      const failed = cell.checks.find((c) => !c.pass);
      const why = cell.status === "error" ? ` (${cell.error ?? "error"})` : failed ? ` (${failed.description}: ${failed.reason})` : "";
      return `${label}: ${cell.status}${why}`;
    });
    return `${row.caseId} | ${cells.join(" | ")}`;
  });
  if (rows.length > lines.length) lines.push(`... and ${rows.length - lines.length} more cases`);
  return lines.join("\n");
}

/**
 * The observation of an evaluation run. `dataset` is the dataset it ran over, or null when that is
 * unknown or was edited after the run started (dataset facts and probes are then null). The output
 * is the results table (failures first); cost is the run's spend; latency the median of sent requests.
 */
export function observeEvalRun(run: EvalRun, dataset: Dataset | null, probes: readonly EvalProbe[] = []): EvalObservation {
  const current = dataset && dataset.id === run.datasetId && dataset.updatedAt <= run.createdAt ? dataset : null;
  const caseIds = current ? current.cases.map((c) => c.id) : [...new Set(run.cells.map((c) => c.caseId))];
  const total = run.caseCount * run.variants.length;
  const passed = run.cells.filter((c) => c.status === "pass").length;
  const complete = run.status === "done" && run.cells.length === total;
  const rows = resultRows(run, caseIds);
  const probed = probeFacts(current, probes);
  const facts: Facts = {
    status: run.status,
    complete,
    caseCount: run.caseCount,
    versionCount: run.variants.length,
    cellCount: run.cells.length,
    passed,
    failed: run.cells.filter((c) => c.status === "fail").length,
    errors: run.cells.filter((c) => c.status === "error").length,
    allPassed: complete && passed === total,
    firstFailure: rows.find((r) => r.failures > 0)?.caseId ?? null,
    mode: run.settings.mode,
    usedBatch: run.batch?.status === "completed",
    batchStatus: run.batch?.status ?? null,
    concurrency: run.settings.concurrency,
    cacheEnabled: run.settings.cache,
    cachedCells: run.cells.filter((c) => c.cached).length,
    ...versionFacts(run),
    ...datasetFacts(current),
    ...probed.facts,
  };
  const firstFailing = rows.find((r) => r.failures > 0);
  const failedCell = firstFailing?.cells.find((c) => c !== null && c.status !== "pass");
  const failedCheck = failedCell?.checks.find((c) => !c.pass);
  const failureNote = failedCell
    ? `first failing case "${failedCell.caseId}"${run.variants.length > 1 ? ` (${run.variants[failedCell.variant]?.label})` : ""}: ${failedCell.status === "error" ? (failedCell.error ?? "error") : failedCheck ? `${failedCheck.description}: ${failedCheck.reason}` : "failed"}`
    : "no case failed";
  // Figures behind the main facts, so a failed check says what to look at.
  const notes: Record<string, string> = {
    complete: `status ${run.status}, ${run.cells.length} of ${total} cells done`,
    allPassed: `${passed} of ${total} cells passed; ${failureNote}`,
    bestVersionAllPassed: variantFigures(run).map((f) => `${f.label}: ${f.passed} of ${run.caseCount} passed`).join("; "),
    usedBatch: run.batch ? `batch ${run.batch.batchId} is ${run.batch.status} (${run.batch.completed} of ${run.batch.total} requests completed)` : "no batch: the requests were sent one by one",
    ...probed.notes,
  };
  const sent = run.cells.filter((c) => !c.cached);
  // An errored request returns no usage and is not billed; any other cell without a cost makes the total unknown.
  const unknownCost = run.cells.some((c) => c.costUsd === null && c.status !== "error");
  const latency = median(sent.filter((c) => c.latencyMs !== null).map((c) => c.latencyMs as number));
  return {
    observation: {
      output: resultsText(run, caseIds),
      toolCalls: [],
      finishReason: null,
      usage: null,
      costUsd: unknownCost ? null : run.cells.reduce((sum, c) => sum + (c.costUsd ?? 0), 0),
      latencyMs: latency,
      // The requests the run sent (cached answers made none); per-request retries are not kept in cells.
      attempts: sent.length,
      error: run.error,
      facts,
    },
    notes,
  };
}
