// Tests (renderer): compare runs variants in parallel, each on its own stream; variance runs a
// request N times per temperature, a few at a time, and can be cancelled.
import { beforeEach, describe, expect, it } from "vitest";
import { appError } from "../../shared/errors";
import { createAppStore, type AppStore } from "./createAppStore";
import { createFakeBridge, type FakeBridge } from "./fakeBridge";
import { finishedResult, simulatorTag } from "./fixtures";
import { VARIANCE_CONCURRENCY } from "./compareSlice";

let bridge: FakeBridge;
let store: AppStore;

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const oneChoice = (runId: string, content: string) =>
  finishedResult(runId, { choices: [{ index: 0, content, refusal: null, toolCalls: [], finishReason: "stop" }] });

beforeEach(() => {
  bridge = createFakeBridge();
  let n = 0;
  store = createAppStore({ bridge, randomUUID: () => uuid(++n) });
  bridge.handle("chat.start", ({ runId }) => ({ runId }));
  bridge.handle("chat.cancel", () => ({ cancelled: true }));
});

describe("compare", () => {
  it("starts from two copies of the playground request and allows two to four variants", () => {
    store.getState().resetVariants();
    const { variants } = store.getState();
    expect(variants).toHaveLength(2);
    expect(variants[0]!.request).toEqual(store.getState().request);
    for (let i = 0; i < 5; i++) store.getState().addVariant();
    expect(store.getState().variants).toHaveLength(4);
    for (const v of store.getState().variants) store.getState().removeVariant(v.id);
    expect(store.getState().variants).toHaveLength(2);
  });

  it("runs each variant with its own request and run id, and streams each on its own", async () => {
    store.getState().resetVariants();
    const [a, b] = store.getState().variants;
    store.getState().editVariant(b!.id, (r) => ({ ...r, model: "sim-chat-mini-1", temperature: 0 }));
    await store.getState().runVariants();
    const starts = bridge.callsTo("chat.start");
    expect(starts.map((s) => s.request.model)).toEqual(["sim-chat-1", "sim-chat-mini-1"]);
    const [idA, idB] = starts.map((s) => s.runId);
    expect(idA).not.toBe(idB);

    bridge.emit("chat.delta", { runId: idB!, deltas: [{ index: 0, content: "Bee" }] });
    bridge.emit("chat.delta", { runId: idA!, deltas: [{ index: 0, content: "Ay" }] });
    const byId = () => Object.fromEntries(store.getState().variants.map((v) => [v.id, v.run]));
    expect(byId()[a!.id]!.choices[0]!.content).toBe("Ay");
    expect(byId()[b!.id]!.choices[0]!.content).toBe("Bee");

    bridge.emit("chat.finished", { result: oneChoice(idA!, "Ay, done.") });
    expect(byId()[a!.id]).toMatchObject({ status: "done", choices: [{ content: "Ay, done." }] });
    expect(byId()[b!.id]!.status).toBe("streaming");
    bridge.emit("chat.failed", { runId: idB!, error: appError("server", "boom"), partial: [], provider: simulatorTag, metrics: { ttftMs: null, totalMs: 3, tokensPerSecond: null, attempts: 1 } });
    expect(byId()[b!.id]).toMatchObject({ status: "failed", error: { message: "boom" }, choices: [{ content: "Bee" }] });
  });

  it("keeps an invalid JSON edit as text, and fails only that variant without a call", async () => {
    store.getState().resetVariants();
    const [, b] = store.getState().variants;
    store.getState().editVariantJson(b!.id, "{ not json");
    expect(store.getState().variants[1]).toMatchObject({ requestText: "{ not json", textError: expect.stringMatching(/Not valid JSON/) });
    store.getState().editVariant(b!.id, (r) => ({ ...r, model: "" }));
    await store.getState().runVariants();
    expect(bridge.callsTo("chat.start")).toHaveLength(1);
    expect(store.getState().variants[1]!.run).toMatchObject({ status: "failed", error: { kind: "invalid_input" } });
  });

  it("stops every streaming variant", async () => {
    store.getState().resetVariants();
    await store.getState().runVariants();
    await store.getState().stopVariants();
    expect(bridge.callsTo("chat.cancel").map((c) => c.runId).sort()).toEqual(bridge.callsTo("chat.start").map((s) => s.runId).sort());
  });
});

describe("variance", () => {
  /** Finishes every started run not yet finished, answering by temperature. */
  const finishStarted = (seen: Set<string>, answer: (temperature: number, i: number) => string) => {
    bridge.callsTo("chat.start").forEach((start, i) => {
      if (seen.has(start.runId)) return;
      seen.add(start.runId);
      bridge.emit("chat.finished", { result: oneChoice(start.runId, answer(start.request.temperature ?? 1, i)) });
    });
  };

  it("runs N times per temperature, a few at a time, and records every answer", async () => {
    const done = store.getState().startVariance([0, 1.5], 4);
    await flush();
    expect(bridge.callsTo("chat.start")).toHaveLength(VARIANCE_CONCURRENCY);
    const seen = new Set<string>();
    for (let round = 0; round < 10 && store.getState().variance.status === "running"; round++) {
      finishStarted(seen, (t, i) => (t === 0 ? "Same." : `Answer ${i}.`));
      await flush();
    }
    await done;
    const { variance } = store.getState();
    expect(variance.status).toBe("done");
    expect(variance.outcomes).toHaveLength(8);
    expect(bridge.callsTo("chat.start").map((s) => s.request.temperature).sort()).toEqual([0, 0, 0, 0, 1.5, 1.5, 1.5, 1.5]);
    expect(new Set(variance.outcomes.filter((o) => o.temperature === 0).map((o) => o.answer))).toEqual(new Set(["Same."]));
  });

  it("cancels: queued runs never start and running ones are stopped", async () => {
    void store.getState().startVariance([1], 10);
    await flush();
    await store.getState().cancelVariance();
    expect(store.getState().variance.status).toBe("cancelled");
    expect(bridge.callsTo("chat.cancel").map((c) => c.runId).sort()).toEqual(bridge.callsTo("chat.start").map((s) => s.runId).sort());
    finishStarted(new Set(), () => "late");
    await flush();
    expect(bridge.callsTo("chat.start")).toHaveLength(VARIANCE_CONCURRENCY);
    expect(store.getState().variance.status).toBe("cancelled");
  });

  it("refuses to start from an invalid playground request", async () => {
    store.getState().editRequest((r) => ({ ...r, messages: [] }));
    await store.getState().startVariance([0], 3);
    expect(bridge.callsTo("chat.start")).toHaveLength(0);
    expect(store.getState().variance.error).toMatch(/not valid/);
  });
});
