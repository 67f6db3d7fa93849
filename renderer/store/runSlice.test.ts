import { beforeEach, describe, expect, it } from "vitest";
import type { AppStore } from "./createAppStore";
import { bridgeFailure, type FakeBridge } from "./fakeBridge";
import { finishedResult, simulatorTag } from "./fixtures";
import { createTestStore, TEST_RUN_ID as RUN_ID } from "./testStore";

let bridge: FakeBridge;
let store: AppStore;

beforeEach(() => {
  ({ bridge, store } = createTestStore());
});

describe("runs", () => {
  beforeEach(async () => {
    bridge.handle("chat.start", ({ runId }) => ({ runId }));
    bridge.handle("chat.cancel", () => ({ cancelled: true }));
    await store.getState().loadProfiles();
  });

  it("sends the request with a fresh run id and the chosen simulator failure", async () => {
    store.getState().setSimulatorFailure("rate_limit");
    await store.getState().startRun();
    expect(bridge.callsTo("chat.start")).toEqual([
      { runId: RUN_ID, profileId: "simulator", request: store.getState().request, api: "responses", simulatorFailure: "rate_limit", feature: "playground" },
    ]);
    expect(store.getState().run).toMatchObject({ runId: RUN_ID, status: "streaming", sentToKind: "simulator" });
  });

  it("sends the API and the Responses-only settings, and only those on Responses", async () => {
    store.getState().editExtras(() => ({ previous_response_id: "resp_1" }));
    await store.getState().startRun();
    expect(bridge.callsTo("chat.start")[0]).toMatchObject({ api: "responses", responses: { previous_response_id: "resp_1" } });
    store.getState().finishRun(finishedResult(RUN_ID));
    store.getState().setApi("chat");
    await store.getState().startRun();
    const second = bridge.callsTo("chat.start")[1];
    expect(second?.api).toBe("chat");
    expect(second).not.toHaveProperty("responses");
  });

  it("collects the streamed reasoning summary, then takes the result's", async () => {
    await store.getState().startRun();
    store.getState().applyReasoning(RUN_ID, "**Simulated");
    store.getState().applyReasoning("other-run", " ignored");
    store.getState().applyReasoning(RUN_ID, " reasoning**");
    expect(store.getState().run.reasoning).toBe("**Simulated reasoning**");
    store.getState().finishRun(finishedResult(RUN_ID, { api: "responses", reasoningSummary: "**Simulated reasoning** (whole)" }));
    expect(store.getState().run.reasoning).toBe("**Simulated reasoning** (whole)");
  });

  it("names the feature for usage: a lesson's run, a tool-calling run", async () => {
    store.getState().setView("lessons");
    await store.getState().startRun();
    expect(bridge.callsTo("chat.start")[0]).toMatchObject({ feature: "lesson" });
  });

  it("names tool-calling runs in the playground as tools", async () => {
    store.getState().editRequest((r) => ({ ...r, tools: [{ type: "function", function: { name: "create_refund", parameters: { type: "object", properties: {} } } }] }));
    await store.getState().startRun();
    expect(bridge.callsTo("chat.start")[0]).toMatchObject({ feature: "tools" });
  });

  it("never sends a simulator failure to a real provider", async () => {
    store.getState().setSimulatorFailure("server_error");
    await store.getState().setActiveProfile("work-openai");
    await store.getState().startRun();
    expect(bridge.callsTo("chat.start")[0]).not.toHaveProperty("simulatorFailure");
  });

  it("refuses an invalid request without a call, and leaves the draft as it was", async () => {
    store.getState().editRequest((r) => ({ ...r, model: "" }));
    const draft = store.getState().request;
    await store.getState().startRun();
    expect(bridge.callsTo("chat.start")).toEqual([]);
    expect(store.getState().run.status).toBe("failed");
    expect(store.getState().run.error).toMatchObject({ kind: "invalid_input" });
    expect(store.getState().run.error?.message).toContain("model");
    expect(store.getState().request).toBe(draft);
  });

  it("streams deltas per choice, then takes the final result", async () => {
    await store.getState().startRun();
    store.getState().applyDeltas(RUN_ID, [{ index: 0, content: "Hel" }, { index: 1, content: "Hi" }]);
    store.getState().applyDeltas(RUN_ID, [{ index: 0, content: "lo" }]);
    store.getState().applyDeltas("another-run", [{ index: 0, content: "NOISE" }]);
    expect(store.getState().run.choices.map((c) => c.content)).toEqual(["Hello", "Hi"]);
    const result = finishedResult(RUN_ID);
    store.getState().finishRun(result);
    expect(store.getState().run).toMatchObject({ status: "done", choices: result.choices, provider: simulatorTag });
  });

  it("keeps the current run's latest progress, ignores another run's, and starts the next run without it", async () => {
    await store.getState().startRun();
    const waiting = { runId: RUN_ID, t: 120, attempts: [{ t: 0, status: 503, durationMs: 20, retryAfter: null, error: null, waitMs: 500, waitReason: "backoff" as const, note: null, leg: 0 }], fallbacks: [], phase: "waiting" as const, waitMs: 500 };
    store.getState().applyProgress(waiting);
    store.getState().applyProgress({ ...waiting, runId: "another-run", phase: "sending" });
    expect(store.getState().run.progress).toMatchObject({ phase: "waiting", waitMs: 500, attempts: [{ status: 503 }] });
    store.getState().finishRun(finishedResult(RUN_ID));
    // A late event of an ended run changes nothing.
    store.getState().applyProgress({ ...waiting, phase: "streaming" });
    expect(store.getState().run.progress?.phase).toBe("waiting");
    await store.getState().startRun();
    expect(store.getState().run.progress).toBeNull();
  });

  it("stop asks the main side to cancel and ends as stopped with the partial text", async () => {
    await store.getState().startRun();
    store.getState().applyDeltas(RUN_ID, [{ index: 0, content: "Partial" }]);
    await store.getState().stopRun();
    expect(bridge.callsTo("chat.cancel")).toEqual([{ runId: RUN_ID }]);
    expect(store.getState().run.stopping).toBe(true);
    const partial = [{ index: 0, content: "Partial", refusal: null, toolCalls: [], finishReason: null }];
    store.getState().finishRun(finishedResult(RUN_ID, { stopped: true, choices: partial, usage: null }));
    expect(store.getState().run).toMatchObject({ status: "stopped", stopping: false, choices: partial });
  });

  it("a failed run keeps the text that arrived and the draft", async () => {
    await store.getState().startRun();
    const draft = store.getState().request;
    store.getState().applyDeltas(RUN_ID, [{ index: 0, content: "Half an ans" }]);
    store.getState().failRun({
      runId: RUN_ID,
      error: { kind: "network", message: "connection dropped", status: null, param: null, code: null, retryAfterSeconds: null, requestId: null },
      partial: [],
      provider: simulatorTag,
      metrics: { ttftMs: 10, totalMs: 50, tokensPerSecond: null, attempts: 1 },
    });
    expect(store.getState().run).toMatchObject({ status: "failed", error: { kind: "network" } });
    expect(store.getState().run.choices[0]?.content).toBe("Half an ans");
    expect(store.getState().request).toBe(draft);
  });

  it("a rejected chat.start fails the run with the bridge's error", async () => {
    bridge.handle("chat.start", () => {
      throw bridgeFailure("invalid_key", "No API key is set for this profile.", { status: 401 });
    });
    await store.getState().startRun();
    expect(store.getState().run).toMatchObject({ status: "failed", error: { kind: "invalid_key", status: 401 } });
  });
});
