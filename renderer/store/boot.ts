// Renderer: the start-up sequence: app facts and profiles, then the draft, then the model list.
import type { AppStore } from "./createAppStore";

/**
 * Loads what the first screen needs. The draft waits for the profiles because it must know
 * whether its profile still exists; models are loaded for whichever profile ends up active.
 */
export async function bootApp(store: AppStore): Promise<void> {
  const state = store.getState();
  // Either may fail (each reports its own notice); the draft must load regardless, or the
  // playground would wait for it forever.
  await Promise.allSettled([state.loadAppInfo(), state.loadProfiles()]);
  await store.getState().loadDraft();
  const { activeId, models } = store.getState();
  if (activeId && models.profileId !== activeId) await store.getState().loadModels(activeId);
}
