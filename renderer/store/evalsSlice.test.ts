// Tests (renderer): the evaluations slice follows the progress of the run on screen only, and
// re-reads the run's table when it ends.
import { beforeEach, describe, expect, it } from "vitest";
import type { EvalProgress, EvalRun } from "../../shared/evals";
import type { AppStore } from "./createAppStore";
import type { FakeBridge } from "./fakeBridge";
import { createTestStore } from "./testStore";

const RUN_ID = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";
const request = { model: "sim-chat-1", messages: [{ role: "user" as const, content: "{{q}}" }] };
const dataset = { format: "prompt-dojo.dataset" as const, formatVersion: 1 as const, id: "d-1", name: "D", columns: ["q"], cases: [{ id: "a", vars: { q: "x" }, assertions: [] }], assertions: [], updatedAt: 1 };
function run(status: EvalRun["status"], cells: EvalRun["cells"] = []): EvalRun {
  return { id: RUN_ID, datasetId: "d-1", datasetName: "D", createdAt: 1, variants: [{ label: "v1", profileId: "simulator", request }], settings: { concurrency: 2, cache: false, mode: "direct" }, status, error: null, caseCount: 1, cells, batch: null, elapsedMs: 0 };
}
const progress = (evalRunId: string, status: EvalProgress["status"], done: number): EvalProgress => ({ evalRunId, status, done, total: 1, passed: done, failed: 0, errors: 0, spendUsd: 0, elapsedMs: 5, etaMs: 0, concurrency: 2, retries: 0, rateLimited: 0, waitedMs: 0, batch: null });

let bridge: FakeBridge;
let store: AppStore;
let current: EvalRun;
beforeEach(async () => {
  ({ bridge, store } = createTestStore());
  current = run("running");
  bridge.handle("evals.datasets.get", () => dataset);
  bridge.handle("evals.list", () => ({ runs: [] }));
  bridge.handle("evals.start", () => ({ evalRunId: RUN_ID }));
  bridge.handle("evals.get", () => current);
  await store.getState().openDataset("d-1");
});

describe("evals slice", () => {
  it("starts a run, follows its progress and re-reads it when it ends; other runs' events are ignored", async () => {
    await store.getState().startEval([{ label: "v1", profileId: "simulator", request }], { concurrency: 2, cache: false, mode: "direct" });
    expect(store.getState().evals.run?.status).toBe("running");
    bridge.emit("evals.progress", progress(OTHER, "running", 1));
    expect(store.getState().evals.progress).toBeNull();

    current = run("done", [{ caseId: "a", variant: 0, runId: null, status: "pass", checks: [], output: "x", latencyMs: 1, costUsd: 0, cached: false, error: null }]);
    bridge.emit("evals.progress", progress(RUN_ID, "done", 1));
    expect(store.getState().evals.progress?.done).toBe(1);
    await expect.poll(() => store.getState().evals.run?.status).toBe("done");
    expect(store.getState().evals.run?.cells).toHaveLength(1);
  });

  it("keeps the run setup in the store: quick adds both land, a repeated label is not added twice", () => {
    const v = (label: string) => ({ label, profileId: "simulator", request });
    const state = () => store.getState().evals.setup;
    store.getState().addEvalVariant(v("E v1"));
    store.getState().addEvalVariant(v("E v2"));
    store.getState().addEvalVariant(v("E v1"));
    expect(state().saved.map((x) => x.label)).toEqual(["E v1", "E v2"]);
    store.getState().removeEvalVariant("E v1");
    store.getState().setEvalSetup({ usePlayground: false, settings: { concurrency: 9, cache: true, mode: "batch" } });
    expect(state()).toEqual({ usePlayground: false, saved: [v("E v2")], settings: { concurrency: 9, cache: true, mode: "batch" } });
    // Opening a dataset again leaves the setup as chosen.
    return store
      .getState()
      .openDataset("d-1")
      .then(() => expect(state().saved).toHaveLength(1));
  });

  it("keeps a dataset's unsaved edits, and drops them on request", () => {
    const edit = { datasetId: "d-1", updatedAt: 1, draft: { name: "D", columns: ["q"], cases: dataset.cases }, assertionsText: '[{"type":"is-json"}]' };
    store.getState().setDatasetEdit(edit);
    expect(store.getState().evals.edit).toEqual(edit);
    store.getState().setDatasetEdit(null);
    expect(store.getState().evals.edit).toBeNull();
  });

  it("keeps the run setup and open dataset in the settings file, and brings them back on the next start", async () => {
    const v = { label: "E v2", profileId: "simulator", request };
    store.getState().addEvalVariant(v);
    store.getState().setEvalSetup({ usePlayground: false, settings: { concurrency: 3, cache: true, mode: "batch" } });
    await expect.poll(() => bridge.callsTo("ui.prefs.save").at(-1)?.evals).toEqual({
      datasetId: "d-1",
      usePlayground: false,
      saved: [v],
      settings: { concurrency: 3, cache: true, mode: "batch" },
    });
    const saved = bridge.callsTo("ui.prefs.save").at(-1);
    if (!saved) throw new Error("the setup was not saved");

    // A fresh start (a reload): the first listing restores the setup and reopens the dataset.
    const next = createTestStore();
    next.bridge.handle("ui.prefs.get", () => saved);
    next.bridge.handle("evals.datasets.list", () => ({ datasets: [{ id: "d-1", name: "D", caseCount: 1, columns: ["q"], updatedAt: 1 }] }));
    next.bridge.handle("evals.datasets.get", () => dataset);
    next.bridge.handle("evals.list", () => ({ runs: [] }));
    await next.store.getState().loadDatasets();
    expect(next.store.getState().evals.setup).toEqual({ usePlayground: false, saved: [v], settings: { concurrency: 3, cache: true, mode: "batch" } });
    expect(next.store.getState().evals.dataset?.id).toBe("d-1");

    // A dataset deleted since is not reopened; the setup still comes back.
    const third = createTestStore();
    third.bridge.handle("ui.prefs.get", () => saved);
    third.bridge.handle("evals.datasets.list", () => ({ datasets: [] }));
    await third.store.getState().loadDatasets();
    expect(third.store.getState().evals.dataset).toBeNull();
    expect(third.store.getState().evals.setup.usePlayground).toBe(false);
  });
});
