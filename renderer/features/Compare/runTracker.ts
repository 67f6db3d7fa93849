// Renderer: routes the chat events of several runs at once (compare, variance) to per-run
// handlers, so each variant streams on its own. The playground's single-run wiring is separate.
import type { Bridge } from "../../bridge";
import type { EventPayload, RunResult } from "../../../shared/contract";
import { animationFrames, createDeltaBatcher, type DeltaBatcher, type FrameScheduler } from "../../store/deltaBatcher";
import type { ChoiceDelta } from "../../store/runSlice";

/** What a tracked run reports. Deltas arrive batched, at most once a frame per run. */
export interface RunHandlers {
  onDeltas?(deltas: ChoiceDelta[]): void;
  onFinished(result: RunResult): void;
  onFailed(payload: EventPayload<"chat.failed">): void;
}

export interface RunTracker {
  /** Routes a run's events to `handlers` until it finishes or fails; returns a function to stop. */
  track(runId: string, handlers: RunHandlers): () => void;
  /** How many runs are being tracked. */
  size(): number;
}

/** Applies at once, for environments without animation frames (tests in Node). */
const immediateFrames: FrameScheduler = {
  request: (callback) => {
    callback();
    return 0;
  },
  cancel: () => {},
};

/** A tracker over `bridge`; it subscribes to the events on first use and stays subscribed. */
export function createRunTracker(bridge: Bridge, frames?: FrameScheduler): RunTracker {
  const scheduler = frames ?? (typeof requestAnimationFrame === "function" ? animationFrames : immediateFrames);
  const runs = new Map<string, { handlers: RunHandlers; batcher: DeltaBatcher }>();
  let subscribed = false;

  const subscribe = () => {
    if (subscribed) return;
    subscribed = true;
    bridge.on("chat.delta", ({ runId, deltas }) => runs.get(runId)?.batcher.add(runId, deltas));
    bridge.on("chat.finished", ({ result }) => {
      const run = runs.get(result.runId);
      if (!run) return;
      run.batcher.flush();
      untrack(result.runId);
      run.handlers.onFinished(result);
    });
    bridge.on("chat.failed", (payload) => {
      const run = runs.get(payload.runId);
      if (!run) return;
      run.batcher.flush();
      untrack(payload.runId);
      run.handlers.onFailed(payload);
    });
  };

  const untrack = (runId: string) => {
    runs.get(runId)?.batcher.dispose();
    runs.delete(runId);
  };

  return {
    track(runId, handlers) {
      subscribe();
      const batcher = createDeltaBatcher((_id, deltas) => handlers.onDeltas?.(deltas), scheduler);
      runs.set(runId, { handlers, batcher });
      return () => untrack(runId);
    },
    size: () => runs.size,
  };
}
