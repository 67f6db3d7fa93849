// Renderer: the app's one store instance over the real bridge, and the React hook to read it.
import { useStore } from "zustand";
import { bridge } from "../bridge";
import { createAppStore } from "./createAppStore";
import type { AppState } from "./types";

/** The store the app runs on. */
export const appStore = createAppStore({ bridge });

/** Reads a slice of the app store in a component; re-renders only when the selected value changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
