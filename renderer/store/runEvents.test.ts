import { describe, expect, it } from "vitest";
import { createAppStore } from "./createAppStore";
import type { FrameScheduler } from "./deltaBatcher";
import { createFakeBridge } from "./fakeBridge";
import { finishedResult, simulatorProfile, simulatorTag } from "./fixtures";
import { connectRunEvents } from "./runEvents";

const RUN_ID = "3f0f8a4e-5c1b-4d1e-9a57-0c9f3e0b1a01";
const OTHER = "9b2d7c1a-0e4f-4a3b-8c6d-5e7f8a9b0c1d";

async function setup() {
  const bridge = createFakeBridge();
  bridge.handle("profiles.list", () => ({ profiles: [simulatorProfile], activeId: "simulator" }));
  bridge.handle("chat.start", ({ runId }) => ({ runId }));
  const store = createAppStore({ bridge, randomUUID: () => RUN_ID });
  let frame: (() => void) | null = null;
  const frames: FrameScheduler = { request: (cb) => ((frame = cb), 1), cancel: () => (frame = null) };
  const disconnect = connectRunEvents(store, bridge, frames);
  await store.getState().loadProfiles();
  await store.getState().startRun();
  const tick = () => {
    const cb = frame;
    frame = null;
    cb?.();
  };
  return { bridge, store, tick, disconnect };
}

describe("run events", () => {
  it("changes the store once per frame, not once per delta", async () => {
    const { bridge, store, tick } = await setup();
    let changes = 0;
    store.subscribe(() => changes++);
    for (const piece of ["The ", "answer ", "streams."]) bridge.emit("chat.delta", { runId: RUN_ID, deltas: [{ index: 0, content: piece }] });
    expect(changes).toBe(0);
    tick();
    expect(changes).toBe(1);
    expect(store.getState().run.choices[0]?.content).toBe("The answer streams.");
  });

  it("ignores events of other runs", async () => {
    const { bridge, store, tick } = await setup();
    bridge.emit("chat.delta", { runId: OTHER, deltas: [{ index: 0, content: "not mine" }] });
    bridge.emit("chat.finished", { result: finishedResult(OTHER) });
    tick();
    expect(store.getState().run).toMatchObject({ status: "streaming", choices: [] });
  });

  it("applies text still waiting for a frame before the failure", async () => {
    const { bridge, store } = await setup();
    bridge.emit("chat.delta", { runId: RUN_ID, deltas: [{ index: 0, content: "Half" }] });
    bridge.emit("chat.failed", {
      runId: RUN_ID,
      error: { kind: "network", message: "dropped", status: null, param: null, code: null, retryAfterSeconds: null, requestId: null },
      partial: [],
      provider: simulatorTag,
      metrics: { ttftMs: 5, totalMs: 9, tokensPerSecond: null, attempts: 1 },
    });
    expect(store.getState().run).toMatchObject({ status: "failed", choices: [{ content: "Half" }] });
  });

  it("finishes with the result and unsubscribes on disconnect", async () => {
    const { bridge, store, disconnect } = await setup();
    bridge.emit("chat.finished", { result: finishedResult(RUN_ID) });
    expect(store.getState().run.status).toBe("done");
    disconnect();
    expect(bridge.listenerCount("chat.delta") + bridge.listenerCount("chat.finished") + bridge.listenerCount("chat.failed")).toBe(0);
  });
});
