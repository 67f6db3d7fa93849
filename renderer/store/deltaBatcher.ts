// Renderer: merges chat.delta events so the store changes at most once per animation frame.
import type { ChoiceDelta } from "./runSlice";

/** Schedules a callback for the next frame and returns a handle to cancel it. */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

/** The browser's requestAnimationFrame, as a FrameScheduler. */
export const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(() => callback()),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export interface DeltaBatcher {
  /** Queues deltas of a run; the first one queued in a frame schedules the flush. */
  add(runId: string, deltas: readonly ChoiceDelta[]): void;
  /** Applies whatever is queued now (before a finish or failure is applied). */
  flush(): void;
  /** Drops anything queued and cancels the scheduled frame. */
  dispose(): void;
}

/**
 * A batcher that concatenates queued text per choice and hands one merged list per run to
 * `apply` once a frame. Text of a run that is replaced by a newer run is dropped with it.
 */
export function createDeltaBatcher(
  apply: (runId: string, deltas: ChoiceDelta[]) => void,
  frames: FrameScheduler = animationFrames,
): DeltaBatcher {
  let runId: string | null = null;
  let pending = new Map<number, string>();
  let handle: number | null = null;

  const flush = () => {
    if (handle !== null) frames.cancel(handle);
    handle = null;
    if (runId === null || pending.size === 0) return;
    const deltas = [...pending].map(([index, content]) => ({ index, content }));
    pending = new Map();
    apply(runId, deltas);
  };

  return {
    add(nextRunId, deltas) {
      if (runId !== nextRunId) {
        pending = new Map();
        runId = nextRunId;
      }
      for (const { index, content } of deltas) pending.set(index, (pending.get(index) ?? "") + content);
      if (handle === null && pending.size > 0) {
        handle = frames.request(() => {
          handle = null;
          flush();
        });
      }
    },
    flush,
    dispose() {
      if (handle !== null) frames.cancel(handle);
      handle = null;
      pending = new Map();
    },
  };
}
