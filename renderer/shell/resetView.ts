// Renderer: "Reset this view": clears the state that made a view fail, so it does not fail again.
// The view's store slices go back to their starting data; the playground's saved draft is moved
// aside by the main side (kept in a file, never deleted); settings are read again from the main side.
import type { Bridge } from "../bridge";
import { resetSlices, type AppStore } from "../store/createAppStore";
import type { ViewName } from "../store/uiSlice";
import { routeOf } from "./routes";
import type { ViewFailure } from "./ViewBoundary";

/** Resets one view after it failed; returns the sentence that tells the user what was done. */
export async function resetView(store: AppStore, bridge: Pick<Bridge, "call">, view: ViewName, failure: ViewFailure): Promise<string> {
  const route = routeOf(view);
  if (view === "playground") {
    // The draft goes aside before the slices reset, or the autosave would save the fresh one over it first.
    const { path } = await bridge.call("draft.setAside", { reason: `The playground failed: ${failure.message}`.slice(0, 2000) });
    resetSlices(store, route.slices);
    await store.getState().loadDraft();
    return path ? `The playground was reset. Its saved draft was set aside in ${path}, so nothing is lost.` : "The playground was reset.";
  }
  resetSlices(store, route.slices);
  if (view === "settings") await Promise.allSettled([store.getState().loadProfiles(), store.getState().loadAppInfo()]);
  return `${route.title} was reset.`;
}
