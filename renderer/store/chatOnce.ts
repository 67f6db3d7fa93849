// Renderer: one chat run through the existing chat path (`chat.start` and its events), awaited to
// its end. The RAG lab uses it so its runs are ordinary runs: same key handling, retries, records.
import type { ChatRequest, RunResult } from "../../shared/contract";
import type { ChatFeature } from "../../shared/usageFeature";
import { BridgeError, type Bridge } from "../bridge";

/**
 * Starts a run and resolves with its result; rejects with a BridgeError when the run fails.
 * `feature` names the caller in the usage log (usage by feature).
 */
export function runChatToEnd(bridge: Bridge, runId: string, profileId: string, request: ChatRequest, feature?: ChatFeature): Promise<RunResult> {
  return new Promise<RunResult>((resolve, reject) => {
    // Subscribed before starting, so a fast run's final event cannot be missed.
    const offFinished = bridge.on("chat.finished", ({ result }) => {
      if (result.runId !== runId) return;
      stop();
      resolve(result);
    });
    const offFailed = bridge.on("chat.failed", (payload) => {
      if (payload.runId !== runId) return;
      stop();
      reject(new BridgeError(payload.error));
    });
    function stop() {
      offFinished();
      offFailed();
    }
    bridge.call("chat.start", { runId, profileId, request, ...(feature ? { feature } : {}) }).catch((err: unknown) => {
      stop();
      reject(err);
    });
  });
}
