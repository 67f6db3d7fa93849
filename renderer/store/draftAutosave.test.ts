import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAppStore, type AppStore } from "./createAppStore";
import { startDraftAutosave } from "./draftAutosave";
import { bridgeFailure, createFakeBridge, type FakeBridge } from "./fakeBridge";
import { simulatorProfile } from "./fixtures";

let bridge: FakeBridge;
let store: AppStore;

beforeEach(async () => {
  vi.useFakeTimers();
  bridge = createFakeBridge();
  bridge.handle("profiles.list", () => ({ profiles: [simulatorProfile], activeId: "simulator" }));
  bridge.handle("draft.load", () => null);
  bridge.handle("draft.save", () => ({ ok: true }));
  store = createAppStore({ bridge });
  await store.getState().loadProfiles();
});

afterEach(() => {
  vi.useRealTimers();
});

const edit = (seed: number) => store.getState().editRequest((r) => ({ ...r, seed }));

describe("draft autosave", () => {
  it("saves nothing before the stored draft is loaded, and not the load itself", async () => {
    const autosave = startDraftAutosave({ store, bridge, now: () => 7 });
    edit(1);
    await store.getState().loadDraft();
    await vi.advanceTimersByTimeAsync(1000);
    expect(bridge.callsTo("draft.save")).toEqual([]);
    autosave.stop();
  });

  it("saves once, 400 ms after the last of several quick changes", async () => {
    await store.getState().loadDraft();
    const autosave = startDraftAutosave({ store, bridge, now: () => 7 });
    edit(1);
    await vi.advanceTimersByTimeAsync(300);
    edit(2);
    store.getState().setSimulatorFailure("drop");
    await vi.advanceTimersByTimeAsync(399);
    expect(bridge.callsTo("draft.save")).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(bridge.callsTo("draft.save")).toEqual([
      { version: 1, profileId: "simulator", request: store.getState().request, api: "responses", simulatorFailure: "drop", updatedAt: 7 },
    ]);
    expect(store.getState().draftStatus.state).toBe("saved");
    autosave.stop();
  });

  it("flush saves a pending change at once (page hide), and only once", async () => {
    await store.getState().loadDraft();
    const autosave = startDraftAutosave({ store, bridge });
    edit(3);
    autosave.flush();
    autosave.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(bridge.callsTo("draft.save")).toHaveLength(1);
    expect(bridge.callsTo("draft.save")[0]?.request.seed).toBe(3);
    autosave.stop();
  });

  it("does not send a draft that fails the schema, and says why", async () => {
    await store.getState().loadDraft();
    const autosave = startDraftAutosave({ store, bridge });
    store.getState().editRequest((r) => ({ ...r, messages: [] }));
    await vi.advanceTimersByTimeAsync(400);
    expect(bridge.callsTo("draft.save")).toEqual([]);
    expect(store.getState().draftStatus).toMatchObject({ state: "invalid", message: expect.stringContaining("messages") });
    autosave.stop();
  });

  it("reports a failed save", async () => {
    bridge.handle("draft.save", () => {
      throw bridgeFailure("internal", "disk full");
    });
    await store.getState().loadDraft();
    const autosave = startDraftAutosave({ store, bridge });
    edit(4);
    await vi.advanceTimersByTimeAsync(400);
    expect(store.getState().draftStatus).toEqual({ state: "failed", message: "disk full" });
    autosave.stop();
  });
});
