// Renderer: the shape of the combined zustand store and what its slices depend on.
import type { StateCreator } from "zustand";
import type { Bridge } from "../bridge";
import type { PlaygroundSlice } from "./playgroundSlice";
import type { ProfilesSlice } from "./profilesSlice";
import type { RunSlice } from "./runSlice";
import type { StructuredSlice } from "./structuredSlice";
import type { ToolsSlice } from "./toolsSlice";
import type { UiSlice } from "./uiSlice";
import type { LessonsSlice } from "./lessonsSlice";
import type { ReviewSlice } from "./reviewSlice";
import type { CompareSlice } from "./compareSlice";
import type { InspectorSlice } from "./inspectorSlice";
import type { PricingSlice } from "./pricingSlice";
import type { EmbeddingsSlice } from "./embeddingsSlice";
import type { RagSlice } from "./ragSlice";
import type { ExperimentsSlice } from "./experimentsSlice";
import type { HistorySlice } from "./historySlice";
import type { EvalsSlice } from "./evalsSlice";
import type { ReliabilitySlice } from "./reliabilitySlice";
import type { UsageSlice } from "./usageSlice";
import type { SafetySlice } from "./safetySlice";
import type { InjectionSlice } from "./injectionSlice";

/** What the slices need from outside: the bridge, and sources of ids and time (replaceable in tests). */
export interface StoreDeps {
  bridge: Bridge;
  randomUUID: () => string;
}

/** The whole renderer state: every slice merged into one store. */
export type AppState = UiSlice & ProfilesSlice & PlaygroundSlice & RunSlice & StructuredSlice & ToolsSlice & InspectorSlice & PricingSlice & CompareSlice & EmbeddingsSlice & RagSlice & LessonsSlice & ReviewSlice & ExperimentsSlice & HistorySlice & EvalsSlice & SafetySlice & InjectionSlice & ReliabilitySlice & UsageSlice;

/** A slice creator that can read and write the whole store (zustand's slices pattern). */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
