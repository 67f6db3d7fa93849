// Renderer: the start-up sequence: app facts and profiles, then the draft, then the model list.
import type { AppStore } from "./createAppStore";

/** How the app was opened. */
export interface BootOptions {
  /** The location named a view (a deep link or a reload), so the welcome page must not take its place. */
  routeGiven?: boolean;
}

/**
 * Loads what the first screen needs. A first start with no route opens the welcome page. The draft waits for the profiles because it must know
 * whether its profile still exists; models are loaded for whichever profile ends up active.
 */
export async function bootApp(store: AppStore, options: BootOptions = {}): Promise<void> {
  const state = store.getState();
  // Any may fail (each reports its own notice); the draft must load regardless, or the
  // playground would wait for it forever.
  await Promise.allSettled([state.loadAppInfo(), state.loadProfiles(), state.loadUiPrefs()]);
  // Only when nothing was chosen meanwhile: a click during start-up wins.
  if (!options.routeGiven && store.getState().uiPrefs?.welcomeSeen === false && store.getState().view === "playground") {
    store.getState().setView("welcome");
  }
  await store.getState().loadDraft();
  const { activeId, models } = store.getState();
  if (activeId && models.profileId !== activeId) await store.getState().loadModels(activeId);
}
