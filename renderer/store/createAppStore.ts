// Renderer: combines the slices into the one store (zustand's slices pattern).
import { createStore, type StoreApi } from "zustand/vanilla";
import { createPlaygroundSlice } from "./playgroundSlice";
import { createProfilesSlice } from "./profilesSlice";
import { createRunSlice } from "./runSlice";
import { createStructuredSlice } from "./structuredSlice";
import { createToolsSlice } from "./toolsSlice";
import type { AppState, StoreDeps } from "./types";
import { createUiSlice } from "./uiSlice";
import { createLessonsSlice } from "./lessonsSlice";
import { createReviewSlice } from "./reviewSlice";
import { createCompareSlice } from "./compareSlice";
import { createInspectorSlice } from "./inspectorSlice";
import { createPricingSlice } from "./pricingSlice";
import { createEmbeddingsSlice } from "./embeddingsSlice";
import { createRagSlice } from "./ragSlice";
import { createExperimentsSlice } from "./experimentsSlice";
import { createHistorySlice } from "./historySlice";
import { createEvalsSlice } from "./evalsSlice";
import { createReliabilitySlice } from "./reliabilitySlice";
import { createUsageSlice } from "./usageSlice";
import { createSafetySlice } from "./safetySlice";
import { createInjectionSlice } from "./injectionSlice";

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
    ...createStructuredSlice(full)(...a),
    ...createToolsSlice(full)(...a),
    ...createInspectorSlice(full)(...a),
    ...createPricingSlice(full)(...a),
    ...createCompareSlice(full)(...a),
    ...createEmbeddingsSlice(full)(...a),
    ...createRagSlice(full)(...a),
    ...createExperimentsSlice(full)(...a),
    ...createHistorySlice(full)(...a),
    ...createEvalsSlice(full)(...a),
    ...createReliabilitySlice(full)(...a),
    ...createUsageSlice(full)(...a),
    ...createSafetySlice(full)(...a),
    ...createInjectionSlice(full)(...a),
    ...createLessonsSlice(full)(...a),
    ...createReviewSlice(full)(...a),
  }));
}
