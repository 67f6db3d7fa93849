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

/** Every slice, by name; the order is the order they are merged in. */
const SLICES = {
  ui: createUiSlice,
  profiles: createProfilesSlice,
  playground: createPlaygroundSlice,
  run: createRunSlice,
  structured: createStructuredSlice,
  tools: createToolsSlice,
  inspector: createInspectorSlice,
  pricing: createPricingSlice,
  compare: createCompareSlice,
  embeddings: createEmbeddingsSlice,
  rag: createRagSlice,
  experiments: createExperimentsSlice,
  history: createHistorySlice,
  evals: createEvalsSlice,
  reliability: createReliabilitySlice,
  usage: createUsageSlice,
  safety: createSafetySlice,
  injection: createInjectionSlice,
  lessons: createLessonsSlice,
  review: createReviewSlice,
} as const;

/** The name of one slice of the store. */
export type SliceName = keyof typeof SLICES;

/** Each store's slices' starting data (functions left out), for resetSlices. */
const startingData = new WeakMap<AppStore, Partial<Record<SliceName, Partial<AppState>>>>();

/**
 * Builds the store over a bridge. Tests pass a fake Bridge; the app passes the real one
 * (see appStore.ts). `randomUUID` defaults to the browser's crypto.randomUUID.
 */
export function createAppStore(deps: Pick<StoreDeps, "bridge"> & Partial<StoreDeps>): AppStore {
  const full: StoreDeps = { randomUUID: () => crypto.randomUUID(), ...deps };
  const data: Partial<Record<SliceName, Partial<AppState>>> = {};
  const store = createStore<AppState>()((...a) => {
    const merged = {} as AppState;
    for (const [name, create] of Object.entries(SLICES) as [SliceName, (deps: StoreDeps) => (...args: typeof a) => object][]) {
      const slice = create(full)(...a);
      data[name] = Object.fromEntries(Object.entries(slice).filter(([, value]) => typeof value !== "function")) as Partial<AppState>;
      Object.assign(merged, slice);
    }
    return merged;
  });
  startingData.set(store, data);
  return store;
}

/**
 * Puts the named slices' data back as it was when the store was made (their actions stay). Used
 * when a view failed to render: the state that broke it must not break it again.
 */
export function resetSlices(store: AppStore, names: readonly SliceName[]): void {
  const data = startingData.get(store);
  if (!data) return;
  store.setState(Object.assign({}, ...names.map((name) => data[name] ?? {})) as Partial<AppState>);
}
