// Tests (renderer): the experiments slice saves the playground as versions, loads a version back
// into the playground, tags playground runs with it, reports a refused import in words, and asks
// before an import writes over an experiment already there.
import { beforeEach, describe, expect, it } from "vitest";
import type { ExperimentFile } from "../../shared/experiments";
import type { AppStore } from "./createAppStore";
import type { FakeBridge } from "./fakeBridge";
import { bridgeFailure } from "./fakeBridge";
import { createTestStore } from "./testStore";

let bridge: FakeBridge;
let store: AppStore;
let saved: ExperimentFile | null;

beforeEach(async () => {
  ({ bridge, store } = createTestStore());
  await store.getState().loadProfiles();
  saved = null;
  bridge.handle("experiments.list", () => ({ experiments: [], problems: [], workspaceDir: "/w" }));
  bridge.handle("experiments.create", ({ name, state, message }) => {
    saved = { format: "prompt-dojo.experiment", formatVersion: 1, id: "exp-1", name, createdAt: 1, versions: [{ version: 1, savedAt: 1, message: message ?? "", state }] };
    return saved;
  });
  bridge.handle("experiments.save", ({ state, message }) => {
    if (!saved) throw new Error("no experiment");
    saved = { ...saved, versions: [...saved.versions, { version: saved.versions.length + 1, savedAt: 2, message: message ?? "", state }] };
    return saved;
  });
});

describe("experiments slice", () => {
  it("saves the playground as version 1, then as version 2 after an edit, and loads version 1 back", async () => {
    const s = () => store.getState();
    s().editRequest((r) => ({ ...r, temperature: 0.3 }));
    await s().saveNewExperiment("Refunds", "first", { tags: ["support"] });
    expect(s().experiments.message).toBe('Saved "Refunds" as version 1.');
    expect(bridge.callsTo("experiments.create")[0]?.state).toMatchObject({ request: { temperature: 0.3 }, tags: ["support"], profileId: "simulator" });

    s().editRequest((r) => ({ ...r, temperature: 1.5 }));
    await s().saveExperimentVersion("hotter");
    expect(s().experiments.open?.versions).toHaveLength(2);
    expect(bridge.callsTo("experiments.save")[0]?.state.tags).toEqual(["support"]); // kept from the open version

    await s().loadVersionIntoPlayground(1);
    expect(s().request.temperature).toBe(0.3);
    expect(s().experiments.loaded).toEqual({ id: "exp-1", version: 1, name: "Refunds" });
  });

  it("does not save a version equal to the latest one, and says so", async () => {
    const s = () => store.getState();
    await s().saveNewExperiment("Refunds", "first");
    await s().saveExperimentVersion("same again");
    expect(bridge.callsTo("experiments.save")).toEqual([]);
    expect(s().experiments.open?.versions).toHaveLength(1);
    expect(s().experiments.message).toBe("No changes since version 1: nothing saved. Edit the playground first.");

    s().editRequest((r) => ({ ...r, temperature: 0.2 }));
    await s().saveExperimentVersion("cooler");
    expect(bridge.callsTo("experiments.save")).toHaveLength(1);
    expect(s().experiments.open?.versions).toHaveLength(2);
  });

  it("sends the loaded experiment version with a playground run", async () => {
    bridge.handle("chat.start", ({ runId }) => ({ runId }));
    await store.getState().saveNewExperiment("Refunds", "");
    await store.getState().startRun();
    expect(bridge.callsTo("chat.start")[0]?.experiment).toEqual({ id: "exp-1", version: 1 });
  });

  it("shows why an import was refused", async () => {
    bridge.handle("experiments.import", () => {
      throw bridgeFailure("invalid_input", "The file is not a valid experiment: versions.0.state.request.temperature: Too big");
    });
    await store.getState().importExperiments("{}");
    expect(store.getState().experiments.error).toBe("Import refused: The file is not a valid experiment: versions.0.state.request.temperature: Too big");
  });

  it("asks what to do when an imported id is taken, and sends the answer", async () => {
    const summary = { id: "exp-1", name: "Refunds", tags: [], model: "m", versionCount: 1, updatedAt: 1, deletedAt: null };
    bridge.handle("experiments.import", ({ onConflict }) =>
      onConflict === "ask"
        ? { imported: [], skipped: [], conflicts: [{ id: "exp-1", name: "Refunds", existingName: "Refunds (mine)" }] }
        : onConflict === "skip"
          ? { imported: [], skipped: [summary], conflicts: [] }
          : { imported: [summary], skipped: [], conflicts: [] },
    );
    await store.getState().importExperiments("file one");
    expect(store.getState().experiments.pendingImports).toEqual([{ text: "file one", conflicts: [{ id: "exp-1", name: "Refunds", existingName: "Refunds (mine)" }] }]);
    await store.getState().resolveImport("replace");
    expect(bridge.callsTo("experiments.import").map((c) => c.onConflict)).toEqual(["ask", "replace"]);
    expect(store.getState().experiments.pendingImports).toEqual([]);
    expect(store.getState().experiments.message).toBe('Imported "Refunds".');

    await store.getState().importExperiments("file two");
    await store.getState().resolveImport("skip");
    expect(store.getState().experiments.message).toBe('Nothing imported; skipped "Refunds" (yours kept).');

    await store.getState().importExperiments("file three");
    await store.getState().resolveImport("cancel");
    expect(bridge.callsTo("experiments.import")).toHaveLength(5);
    expect(store.getState().experiments.message).toMatch(/cancelled/);
  });
});
