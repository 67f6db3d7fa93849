// Renderer: combines the slices into the one store (zustand's slices pattern).
import { createStore, type StoreApi } from "zustand/vanilla";
import { createPlaygroundSlice } from "./playgroundSlice";
import { createProfilesSlice } from "./profilesSlice";
import { createRunSlice } from "./runSlice";
import type { AppState, StoreDeps } from "./types";
import { createUiSlice } from "./uiSlice";

/** The combined store type components and helpers receive. */
export type AppStore = StoreApi<AppState>;

/**
 * Builds the store over a bridge. Tests pass a fake Bridge; the app passes the real one
 * (see appStore.ts). `randomUUID` defaults to the browser's crypto.randomUUID.
 */
export function createAppStore(deps: Pick<StoreDeps, "bridge"> & Partial<StoreDeps>): AppStore {
  const full: StoreDeps = { randomUUID: () => crypto.randomUUID(), ...deps };
  return createStore<AppState>()((...a) => ({
    ...createUiSlice(full)(...a),
    ...createProfilesSlice(full)(...a),
    ...createPlaygroundSlice(full)(...a),
    ...createRunSlice(full)(...a),
  }));
}
