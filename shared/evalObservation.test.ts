// Tests of what eval exercises are graded on: an evaluation run's figures as facts (completion,
// passes, failures first, batch, versions compared, experiment versions), the dataset it used, and probes.
import { describe, expect, it } from "vitest";
import { runAssertions } from "./assertions";
import { EVAL_FACT_NAMES, observeEvalRun } from "./evalObservation";
import type { Dataset, EvalCell, EvalRun, EvalVariant } from "./evals";
import type { EvalProbe } from "./lesson";

const RUN_ID = "0b7f1f4e-8f0e-4d8e-9a3c-5d2b6a1c0e11";
const request = (system: string, model = "m") => ({ model, messages: [{ role: "system" as const, content: system }, { role: "user" as const, content: "{{q}}" }] });
const variant = (label: string, system = "Be brief.", extra: Partial<EvalVariant> = {}): EvalVariant => ({ label, profileId: "simulator", request: request(system), ...extra });
const cell = (caseId: string, variantIndex: number, status: EvalCell["status"], patch: Partial<EvalCell> = {}): EvalCell => ({
  caseId,
  variant: variantIndex,
  runId: null,
  status,
  checks: status === "fail" ? [{ description: "contains \"30 days\"", pass: false, reason: "The output does not contain \"30 days\"." }] : [],
  output: "answer",
  latencyMs: 100,
  costUsd: 0.001,
  cached: false,
  error: status === "error" ? "HTTP 500" : null,
  ...patch,
});
const run = (patch: Partial<EvalRun>): EvalRun => ({
  id: RUN_ID,
  datasetId: "policy",
  datasetName: "Policy",
  createdAt: 2_000,
  variants: [variant("v1")],
  settings: { concurrency: 4, cache: false, mode: "direct" },
  status: "done",
  error: null,
  caseCount: 3,
  cells: [cell("a", 0, "pass"), cell("b", 0, "pass"), cell("c", 0, "pass")],
  batch: null,
  elapsedMs: 500,
  ...patch,
});
const dataset = (patch: Partial<Dataset> = {}): Dataset => ({
  format: "prompt-dojo.dataset",
  formatVersion: 1,
  id: "policy",
  name: "Policy",
  columns: ["q"],
  cases: [
    { id: "a", vars: { q: "How long is shipping?" }, assertions: [{ type: "contains", value: "days" }] },
    { id: "b", vars: { q: "Can I return shoes?" }, assertions: [{ type: "contains", value: "30" }] },
    { id: "c", vars: { q: "I was charged twice and the app crashes." }, assertions: [] },
  ],
  assertions: [],
  updatedAt: 1_000,
  ...patch,
});

describe("observeEvalRun", () => {
  it("reports a finished run's figures, its spend as cost and its median latency", () => {
    const { observation } = observeEvalRun(run({ cells: [cell("a", 0, "pass", { latencyMs: 300 }), cell("b", 0, "pass", { latencyMs: 100 }), cell("c", 0, "pass", { latencyMs: 200 })] }), dataset());
    expect(observation.facts).toMatchObject({ status: "done", complete: true, caseCount: 3, versionCount: 1, cellCount: 3, passed: 3, failed: 0, errors: 0, allPassed: true, firstFailure: null, mode: "direct", usedBatch: false, batchStatus: null });
    expect(observation.costUsd).toBeCloseTo(0.003);
    expect(observation.latencyMs).toBe(200);
    expect(observation.attempts).toBe(3);
  });

  it("puts failing cases first in the output and names the first one, and an unfinished run is not complete", () => {
    const unfinished = run({ status: "cancelled", cells: [cell("a", 0, "pass"), cell("b", 0, "fail")] });
    const { observation, notes } = observeEvalRun(unfinished, dataset());
    expect(observation.facts).toMatchObject({ complete: false, allPassed: false, firstFailure: "b", failed: 1 });
    expect(observation.output.split("\n")[0]).toMatch(/^b \| v1: fail \(contains "30 days"/);
    expect(notes.complete).toBe("status cancelled, 2 of 3 cells done");
    expect(notes.allPassed).toMatch(/1 of 3 cells passed; first failing case "b"/);
  });

  it("leaves the cost unknown when a sent cell has none, but not for errored requests", () => {
    expect(observeEvalRun(run({ cells: [cell("a", 0, "pass", { costUsd: null }), cell("b", 0, "pass"), cell("c", 0, "pass")] }), null).observation.costUsd).toBeNull();
    expect(observeEvalRun(run({ cells: [cell("a", 0, "error", { costUsd: null }), cell("b", 0, "pass"), cell("c", 0, "pass")] }), null).observation.costUsd).toBeCloseTo(0.002);
  });

  it("says whether a batch carried the run", () => {
    const batch = { batchId: "batch_1", inputFileId: "file_1", status: "completed", outputFileId: "file_2", errorFileId: null, completed: 3, failed: 0, total: 3 };
    const { observation, notes } = observeEvalRun(run({ settings: { concurrency: 1, cache: false, mode: "batch" }, batch }), null);
    expect(observation.facts).toMatchObject({ mode: "batch", usedBatch: true, batchStatus: "completed" });
    expect(notes.usedBatch).toMatch(/batch_1 is completed \(3 of 3/);
    expect(observeEvalRun(run({ batch: { ...batch, status: "expired" } }), null).observation.facts).toMatchObject({ usedBatch: false, batchStatus: "expired" });
  });

  it("compares prompt versions whatever their order: the best one by label, and the cases they disagree on", () => {
    const cells = [cell("a", 0, "pass"), cell("b", 0, "fail"), cell("c", 0, "fail"), cell("a", 1, "pass"), cell("b", 1, "pass"), cell("c", 1, "pass")];
    const compared = run({ variants: [variant("old", "Be brief."), variant("new", "Be brief and cite the policy.")], cells });
    expect(observeEvalRun(compared, null).observation.facts).toMatchObject({ versionCount: 2, versionsDiffer: true, sameModel: true, bestVersion: "new", bestVersionAllPassed: true, versionsDisagree: 2, complete: true, allPassed: false });
    const swapped = run({ variants: [variant("new", "Be brief and cite the policy."), variant("old", "Be brief.")], cells: cells.map((c) => ({ ...c, variant: 1 - c.variant })) });
    expect(observeEvalRun(swapped, null).observation.facts).toMatchObject({ bestVersion: "new", bestVersionAllPassed: true });
  });

  it("has no best version on a tie, and two identical requests do not differ", () => {
    const tie = run({ variants: [variant("a"), variant("b")], cells: [cell("a", 0, "pass"), cell("a", 1, "pass")], caseCount: 1 });
    expect(observeEvalRun(tie, null).observation.facts).toMatchObject({ bestVersion: null, bestVersionAllPassed: false, versionsDiffer: false, versionsDisagree: 0 });
    const models = run({ variants: [variant("a"), { ...variant("b"), request: request("Be brief.", "other") }] });
    expect(observeEvalRun(models, null).observation.facts).toMatchObject({ sameModel: false, versionsDiffer: true });
  });

  it("counts versions tied to saved experiment versions, and knows when they are versions of one experiment", () => {
    const ref = (id: string, version: number) => ({ experiment: { id, version } });
    const facts = (variants: EvalVariant[]) => observeEvalRun(run({ variants }), null).observation.facts;
    expect(facts([variant("v1", "A.", ref("reply", 1)), variant("v2", "B.", ref("reply", 2))])).toMatchObject({ experimentVersions: 2, fromOneExperiment: true });
    expect(facts([variant("v1", "A.", ref("reply", 1)), variant("other", "B.", ref("triage", 2))])).toMatchObject({ experimentVersions: 2, fromOneExperiment: false });
    expect(facts([variant("v1", "A.", ref("reply", 1)), variant("Playground", "B.")])).toMatchObject({ experimentVersions: 1, fromOneExperiment: false });
  });

  it("reports the dataset's checks only while it is the one the run used", () => {
    expect(observeEvalRun(run({}), dataset()).observation.facts).toMatchObject({ datasetCurrent: true, datasetAssertions: 0, casesWithAssertions: 2, everyCaseHasAssertions: false });
    const edited = dataset({ updatedAt: 3_000 });
    expect(observeEvalRun(run({}), edited).observation.facts).toMatchObject({ datasetCurrent: false, casesWithAssertions: null, everyCaseHasAssertions: null });
    expect(observeEvalRun(run({}), dataset({ id: "other" })).observation.facts).toMatchObject({ datasetCurrent: false });
  });

  it("measures the dataset with probes: a matching case, one with its own checks, none, or no dataset", () => {
    const probe = (name: string, withAssertions: boolean): EvalProbe => ({ kind: "case", name, vars: { q: "charg.*crash|crash.*charg" }, withAssertions });
    const probes = [probe("mixed", false), probe("mixedChecked", true), { kind: "case" as const, name: "spanish", vars: { q: "hola" }, withAssertions: false }];
    const { observation, notes } = observeEvalRun(run({}), dataset(), probes);
    expect(observation.facts).toMatchObject({ mixed: true, mixedChecked: false, spanish: false });
    expect(notes.mixedChecked).toMatch(/case "c" has q matching .* but no checks of its own/);
    expect(notes.spanish).toMatch(/no case has q matching \/hola\//);
    const checked = dataset({ cases: dataset().cases.map((c) => (c.id === "c" ? { ...c, assertions: [{ type: "is-json" as const }] } : c)) });
    expect(observeEvalRun(run({}), checked, probes).observation.facts).toMatchObject({ mixedChecked: true, everyCaseHasAssertions: true });
    expect(observeEvalRun(run({}), null, probes).observation.facts).toMatchObject({ mixed: null });
  });

  it("reports exactly the facts it reserves from probe names, plus one per probe", () => {
    const probe: EvalProbe = { kind: "case", name: "anyCase", vars: { q: "." }, withAssertions: false };
    const facts = observeEvalRun(run({}), dataset(), [probe]).observation.facts ?? {};
    expect(Object.keys(facts).sort()).toEqual([...EVAL_FACT_NAMES, "anyCase"].sort());
  });

  it("feeds the assertion engine: facts and the run's spend are graded like any run", async () => {
    const { observation } = observeEvalRun(run({ cells: [cell("a", 0, "pass"), cell("b", 0, "fail"), cell("c", 0, "pass")] }), dataset());
    const results = await runAssertions([{ type: "fact", fact: "allPassed", equals: true }, { type: "max-cost", usd: 0.01 }, { type: "fact", fact: "passed", equals: 2 }], observation);
    expect(results.map((r) => r.pass)).toEqual([false, true, true]);
  });
});
