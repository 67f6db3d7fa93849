// Renderer: connects the safety slice to the bridge's moderation events and to the start of each
// run, when the run's placeholder mapping is computed from the request just sent.
import { ChatRequest } from "../../shared/chatRequest";
import type { Bridge } from "../bridge";
import type { AppStore } from "./createAppStore";

/** Subscribes; returns the unsubscribe function. */
export function connectSafetyEvents(store: AppStore, bridge: Bridge): () => void {
  const offModerated = bridge.on("safety.moderated", (payload) => store.getState().applyModeration(payload));
  const offRuns = store.subscribe((state, previous) => {
    const runId = state.run.runId;
    if (!runId || runId === previous.run.runId || state.run.status !== "streaming") return;
    const parsed = ChatRequest.safeParse(state.request);
    state.beginSafetyRun(runId, parsed.success ? parsed.data : { model: "-", messages: [{ role: "user", content: "" }] });
  });
  return () => {
    offModerated();
    offRuns();
  };
}
