// Renderer: connects the run events of the bridge to the store, filtered by the current run id.
import type { Bridge } from "../bridge";
import type { AppStore } from "./createAppStore";
import { animationFrames, createDeltaBatcher, type FrameScheduler } from "./deltaBatcher";

/**
 * Subscribes to chat.delta, chat.progress, chat.finished and chat.failed. Deltas are batched per frame; a finish
 * or failure first applies the batched text so nothing that arrived is lost. Events of other runs
 * (an earlier, stopped one, or another window's) are ignored. Returns the unsubscribe function.
 */
export function connectRunEvents(store: AppStore, bridge: Bridge, frames: FrameScheduler = animationFrames): () => void {
  const currentRunId = () => store.getState().run.runId;
  const batcher = createDeltaBatcher((runId, deltas) => store.getState().applyDeltas(runId, deltas), frames);

  const offDelta = bridge.on("chat.delta", (payload) => {
    if (payload.runId !== currentRunId()) return;
    if (payload.deltas.length) batcher.add(payload.runId, payload.deltas);
    // The reasoning relay already sends at most one event a frame: applied as it comes.
    if (payload.reasoning) store.getState().applyReasoning(payload.runId, payload.reasoning);
  });
  // Attempts and waits as they happen: rare (a few per run), so applied as they come.
  const offProgress = bridge.on("chat.progress", (payload) => {
    if (payload.runId !== currentRunId()) return;
    store.getState().applyProgress(payload);
  });
  const offFinished = bridge.on("chat.finished", ({ result }) => {
    if (result.runId !== currentRunId()) return;
    batcher.flush();
    store.getState().finishRun(result);
  });
  const offFailed = bridge.on("chat.failed", (payload) => {
    if (payload.runId !== currentRunId()) return;
    batcher.flush();
    store.getState().failRun(payload);
  });

  return () => {
    offDelta();
    offProgress();
    offFinished();
    offFailed();
    batcher.dispose();
  };
}
