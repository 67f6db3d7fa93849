import { describe, expect, it } from "vitest";
import { defaultSafetySettings, type SafetySettings } from "../../shared/safety";
import { selectOutputWithheld } from "./safetySlice";
import { connectSafetyEvents } from "./safetyEvents";
import { createTestStore, TEST_RUN_ID } from "./testStore";
import { bridgeFailure } from "./fakeBridge";

const verdict = (flagged: boolean) => ({
  model: "sim-moderation-1",
  flagged,
  results: [{ label: "answer", flagged, scores: [{ category: "harassment", score: flagged ? 0.7 : 0.01, flagged }] }],
});

function setup(settings: SafetySettings = defaultSafetySettings()) {
  const { bridge, store } = createTestStore();
  let saved = settings;
  bridge.handle("safety.get", () => saved);
  bridge.handle("safety.save", (next) => (saved = next));
  bridge.handle("chat.start", ({ runId }) => ({ runId }));
  connectSafetyEvents(store, bridge);
  return { bridge, store };
}

describe("safety slice", () => {
  it("loads and saves the switches, and shows the main side's refusal of a bad pattern", async () => {
    const { bridge, store } = setup();
    await store.getState().loadSafety();
    expect(store.getState().safety.settings).toEqual(defaultSafetySettings());
    const next = { ...defaultSafetySettings(), redaction: { ...defaultSafetySettings().redaction, enabled: true } };
    await store.getState().saveSafety(next);
    expect(store.getState().safety.settings?.redaction.enabled).toBe(true);
    bridge.handle("safety.save", () => Promise.reject(bridgeFailure("invalid_input", "Settings not saved: X: the pattern nests quantifiers")));
    await store.getState().saveSafety(defaultSafetySettings());
    expect(store.getState().safety.error).toContain("nests quantifiers");
    expect(store.getState().safety.settings?.redaction.enabled).toBe(true);
  });

  it("keeps the run's placeholder mapping in memory when a run starts with redaction on", async () => {
    const settings = defaultSafetySettings();
    settings.redaction.enabled = true;
    const { store } = setup(settings);
    await store.getState().loadSafety();
    store.getState().editRequest((r) => ({ ...r, messages: [{ role: "user", content: "I am ann@example.com" }] }));
    await store.getState().startRun();
    expect(store.getState().safety.runId).toBe(TEST_RUN_ID);
    expect(store.getState().safety.replacements).toEqual([{ placeholder: "[EMAIL_1]", kind: "EMAIL", value: "ann@example.com" }]);
  });

  it("withholds a flagged answer of the current run until shown anyway, and ignores other runs' verdicts", async () => {
    const { bridge, store } = setup();
    await store.getState().loadSafety();
    await store.getState().startRun();
    bridge.emit("safety.moderated", { runId: "0e1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b", stage: "output", verdict: verdict(true), error: null });
    expect(selectOutputWithheld(store.getState())).toBe(false);
    bridge.emit("safety.moderated", { runId: TEST_RUN_ID, stage: "output", verdict: verdict(true), error: null });
    expect(selectOutputWithheld(store.getState())).toBe(true);
    store.getState().showAnyway();
    expect(selectOutputWithheld(store.getState())).toBe(false);
  });

  it("withholds an answer that could not be checked, and shows a clear one", async () => {
    const { bridge, store } = setup();
    await store.getState().startRun();
    bridge.emit("safety.moderated", { runId: TEST_RUN_ID, stage: "output", verdict: null, error: "could not moderate" });
    expect(selectOutputWithheld(store.getState())).toBe(true);
    bridge.emit("safety.moderated", { runId: TEST_RUN_ID, stage: "output", verdict: verdict(false), error: null });
    expect(selectOutputWithheld(store.getState())).toBe(false);
  });

  it("previews the body from the main side beside the body as written", async () => {
    const { bridge, store } = setup();
    bridge.handle("safety.preview", ({ request }) => ({ applied: true, counts: { EMAIL: 1 }, body: { ...request, redacted: true } }));
    await store.getState().previewRequest();
    const preview = store.getState().safety.preview!;
    expect(preview.counts).toEqual({ EMAIL: 1 });
    // The draft goes out on Responses (the simulator's default): the preview is of that body.
    expect(store.getState().api).toBe("responses");
    expect(bridge.callsTo("safety.preview")[0]).toMatchObject({ api: "responses" });
    expect(preview.original).toMatchObject({ stream: true, input: expect.any(Array) });
    expect(preview.original).not.toHaveProperty("messages");
    expect(preview.sent).toMatchObject({ redacted: true });
    // On Chat Completions, the Chat body; the switch alone makes the Responses preview stale.
    store.getState().setApi("chat");
    await store.getState().previewRequest();
    expect(store.getState().safety.preview?.original).toMatchObject({ stream: true, stream_options: { include_usage: true }, messages: expect.any(Array) });
    expect(bridge.callsTo("safety.preview")[1]).toMatchObject({ api: "chat" });
    // It names the request it describes, so an edit since marks it stale.
    expect(preview.of).toBe(store.getState().request);
    store.getState().editRequest((r) => ({ ...r, temperature: 0.3 }));
    expect(store.getState().safety.preview?.of).not.toBe(store.getState().request);
  });

  it("moderates the redacted text when checking the input now", async () => {
    const settings = defaultSafetySettings();
    settings.redaction.enabled = true;
    const { bridge, store } = setup(settings);
    bridge.handle("safety.moderate", () => verdict(false));
    await store.getState().loadSafety();
    store.getState().editRequest((r) => ({ ...r, messages: [{ role: "user", content: "mail bo@example.org" }] }));
    await store.getState().checkInputNow();
    expect(bridge.callsTo("safety.moderate")[0]?.texts).toEqual([{ label: "user message 1", text: "mail [EMAIL_1]" }]);
    expect(store.getState().safety.check?.flagged).toBe(false);
  });
});
