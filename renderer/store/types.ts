// Renderer: the shape of the combined zustand store and what its slices depend on.
import type { StateCreator } from "zustand";
import type { Bridge } from "../bridge";
import type { PlaygroundSlice } from "./playgroundSlice";
import type { ProfilesSlice } from "./profilesSlice";
import type { RunSlice } from "./runSlice";
import type { UiSlice } from "./uiSlice";

/** What the slices need from outside: the bridge, and sources of ids and time (replaceable in tests). */
export interface StoreDeps {
  bridge: Bridge;
  randomUUID: () => string;
}

/** The whole renderer state: every slice merged into one store. */
export type AppState = UiSlice & ProfilesSlice & PlaygroundSlice & RunSlice;

/** A slice creator that can read and write the whole store (zustand's slices pattern). */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
