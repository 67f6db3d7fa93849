import { describe, expect, it } from "vitest";
import { createDeltaBatcher, type FrameScheduler } from "./deltaBatcher";
import type { ChoiceDelta } from "./runSlice";

/** A frame clock the test advances by hand. */
function manualFrames() {
  let next = 1;
  const queued = new Map<number, () => void>();
  const frames: FrameScheduler = {
    request: (cb) => {
      queued.set(next, cb);
      return next++;
    },
    cancel: (h) => void queued.delete(h),
  };
  return {
    frames,
    pending: () => queued.size,
    tick() {
      const callbacks = [...queued.values()];
      queued.clear();
      for (const cb of callbacks) cb();
    },
  };
}

describe("delta batcher", () => {
  it("applies all deltas of a frame once, merged per choice", () => {
    const clock = manualFrames();
    const applied: [string, ChoiceDelta[]][] = [];
    const batcher = createDeltaBatcher((runId, deltas) => applied.push([runId, deltas]), clock.frames);
    batcher.add("r1", [{ index: 0, content: "Hel" }]);
    batcher.add("r1", [{ index: 0, content: "lo" }, { index: 1, content: "Hi" }]);
    batcher.add("r1", [{ index: 0, content: "!" }]);
    expect(applied).toEqual([]);
    expect(clock.pending()).toBe(1);
    clock.tick();
    expect(applied).toEqual([["r1", [{ index: 0, content: "Hello!" }, { index: 1, content: "Hi" }]]]);
    clock.tick();
    expect(applied).toHaveLength(1); // an empty frame applies nothing
  });

  it("flush applies at once and cancels the scheduled frame", () => {
    const clock = manualFrames();
    const applied: ChoiceDelta[][] = [];
    const batcher = createDeltaBatcher((_, deltas) => applied.push(deltas), clock.frames);
    batcher.add("r1", [{ index: 0, content: "tail" }]);
    batcher.flush();
    expect(applied).toEqual([[{ index: 0, content: "tail" }]]);
    expect(clock.pending()).toBe(0);
  });

  it("drops the text of a run that a newer run replaced", () => {
    const clock = manualFrames();
    const applied: [string, ChoiceDelta[]][] = [];
    const batcher = createDeltaBatcher((runId, deltas) => applied.push([runId, deltas]), clock.frames);
    batcher.add("old", [{ index: 0, content: "stale" }]);
    batcher.add("new", [{ index: 0, content: "fresh" }]);
    clock.tick();
    expect(applied).toEqual([["new", [{ index: 0, content: "fresh" }]]]);
  });

  it("dispose forgets queued text", () => {
    const clock = manualFrames();
    const applied: unknown[] = [];
    const batcher = createDeltaBatcher((...args) => applied.push(args), clock.frames);
    batcher.add("r1", [{ index: 0, content: "x" }]);
    batcher.dispose();
    clock.tick();
    batcher.flush();
    expect(applied).toEqual([]);
  });
});
