// Tests (renderer): the inspector's recent runs and record cache.
import { beforeEach, describe, expect, it } from "vitest";
import type { RunRecord } from "../../shared/runRecord";
import { createAppStore, type AppStore } from "./createAppStore";
import { createFakeBridge, type FakeBridge } from "./fakeBridge";
import { finishedResult, simulatorTag } from "./fixtures";
import { cacheRecord, RECORD_CACHE_SIZE } from "./inspectorSlice";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const record = (n: number): RunRecord => {
  const request = { model: "sim-chat-1", messages: [{ role: "user" as const, content: "hi" }] };
  return {
    runId: uuid(n),
    startedAt: n,
    provider: simulatorTag,
    request,
    wire: { method: "POST", url: "http://127.0.0.1:4010/v1/chat/completions", headers: { authorization: "Bearer sk-...abcd" }, body: request },
    response: { status: 200, headers: { "x-request-id": "req_1" } },
    attempts: [],
    chunks: [],
    droppedChunks: 0,
    result: finishedResult(uuid(n)),
    error: null,
    metrics: finishedResult(uuid(n)).metrics,
  };
};

let bridge: FakeBridge;
let store: AppStore;
beforeEach(() => {
  bridge = createFakeBridge();
  store = createAppStore({ bridge });
});

describe("inspector slice", () => {
  it("lists recent runs and shows the newest when nothing is selected", async () => {
    bridge.handle("runs.recent", () => ({
      runs: [2, 1].map((n) => ({ runId: uuid(n), startedAt: n, model: "sim-chat-1", provider: simulatorTag, outcome: "done" as const, requestId: null, totalMs: 1, chunkCount: 0 })),
    }));
    bridge.handle("runs.get", ({ runId }) => record(Number(runId.slice(-2))));
    await store.getState().loadRecentRuns();
    const { inspector } = store.getState();
    expect(inspector.recent.map((r) => r.runId)).toEqual([uuid(2), uuid(1)]);
    expect(inspector.selectedRunId).toBe(uuid(2));
    expect(inspector.records[uuid(2)]?.wire.headers.authorization).toBe("Bearer sk-...abcd");
  });

  it("loads a record once, then serves it from the cache", async () => {
    bridge.handle("runs.get", () => record(1));
    await store.getState().fetchRunRecord(uuid(1));
    await store.getState().inspectRun(uuid(1));
    expect(bridge.callsTo("runs.get")).toHaveLength(1);
  });

  it("says so when the main side no longer keeps the run", async () => {
    bridge.handle("runs.get", () => null);
    await store.getState().inspectRun(uuid(9));
    expect(store.getState().inspector.error).toMatch(/no longer kept/);
  });

  it("keeps only the newest records in the cache", () => {
    let cache = {};
    for (let n = 1; n <= RECORD_CACHE_SIZE + 2; n++) cache = cacheRecord(cache, record(n));
    expect(Object.keys(cache)).toHaveLength(RECORD_CACHE_SIZE);
    expect(Object.keys(cache)).not.toContain(uuid(1));
    expect(Object.keys(cache).at(-1)).toBe(uuid(RECORD_CACHE_SIZE + 2));
  });
});
