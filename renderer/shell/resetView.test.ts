// Renderer tests: "Reset this view" clears exactly the failed view's state; the playground's draft
// is set aside by the main side before the fresh playground is saved.
import { describe, expect, it } from "vitest";
import { defaultChatRequest } from "../../shared/chatRequest";
import { createTestStore } from "../store/testStore";
import { resetView } from "./resetView";

const failure = { message: "Maximum update depth exceeded", where: "at ToolSettingsEditor" };

describe("resetView", () => {
  it("sets the playground's draft aside, then starts the playground fresh", async () => {
    const { bridge, store } = createTestStore();
    bridge.handle("draft.setAside", () => ({ path: "/data/quarantine/draft-1.json" }));
    await store.getState().loadDraft();
    store.getState().editRequest((r) => ({ ...r, temperature: 1.7 }));
    store.getState().setView("playground");
    const said = await resetView(store, bridge, "playground", failure);
    expect(bridge.callsTo("draft.setAside")).toEqual([{ reason: "The playground failed: Maximum update depth exceeded" }]);
    // The draft was set aside before the fresh draft was loaded.
    const order = bridge.calls.map((c) => c.channel).filter((c) => c === "draft.setAside" || c === "draft.load");
    expect(order.slice(-2)).toEqual(["draft.setAside", "draft.load"]);
    expect(store.getState().request).toEqual(defaultChatRequest());
    expect(store.getState().draftLoaded).toBe(true);
    expect(said).toMatch(/set aside in \/data\/quarantine\/draft-1\.json/);
  });

  it("puts only the failed view's slices back to their starting data", async () => {
    const { bridge, store } = createTestStore();
    await store.getState().loadDraft();
    store.getState().editRequest((r) => ({ ...r, temperature: 0.2 }));
    store.getState().addNotice("kept", "info");
    const startingRag = store.getState().rag;
    store.setState({ rag: { ...startingRag, query: "broken" } as typeof startingRag });
    expect(await resetView(store, bridge, "rag", failure)).toBe("RAG was reset.");
    expect(store.getState().rag).toBe(startingRag);
    // Other views' state is untouched.
    expect(store.getState().request.temperature).toBe(0.2);
    expect(store.getState().notices.map((n) => n.text)).toEqual(["kept"]);
    expect(bridge.callsTo("draft.setAside")).toEqual([]);
  });
});
