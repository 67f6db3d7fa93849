// Renderer: the colour theme: light, dark or following the system, applied as `data-theme` on the
// page root (styles.css switches its custom properties on it). The choice is kept in the settings
// file's ui preferences (web mode's port, hence its browser storage, changes at every start);
// localStorage holds a copy only so the first paint, before the preferences arrive, is right.
import type { AppStore } from "../store/createAppStore";
import type { ThemePreference } from "../store/uiSlice";

export type { ThemePreference };

/** What is shown. */
export type ResolvedTheme = "light" | "dark";

export const THEME_PREFERENCES: readonly ThemePreference[] = ["system", "light", "dark"];
/** The localStorage key. */
export const THEME_STORAGE_KEY = "prompt-dojo.theme";
const DARK_QUERY = "(prefers-color-scheme: dark)";

/** A stored value as a preference; anything unknown (or nothing) follows the system. */
export function parseThemePreference(raw: string | null | undefined): ThemePreference {
  return raw === "light" || raw === "dark" || raw === "system" ? raw : "system";
}

/** The theme shown for a preference, given whether the system asks for dark. */
export function resolveTheme(preference: ThemePreference, systemDark: boolean): ResolvedTheme {
  return preference === "system" ? (systemDark ? "dark" : "light") : preference;
}

/** The parts of `window` the theme uses; tests pass a fake. */
export interface ThemeWindow {
  localStorage: Pick<Storage, "getItem" | "setItem">;
  matchMedia(query: string): { matches: boolean; addEventListener(type: "change", listener: () => void): void; removeEventListener(type: "change", listener: () => void): void };
  document: { documentElement: { dataset: DOMStringMap; style: { colorScheme: string } } };
}

/**
 * Reads the first-paint copy into the store and applies it; then the settings file's choice, when
 * it arrives, and later choices are applied and copied; a "system" preference follows the system.
 * Returns a stop function.
 */
export function connectTheme(store: AppStore, win: ThemeWindow): () => void {
  const media = win.matchMedia(DARK_QUERY);
  const apply = () => {
    const resolved = resolveTheme(store.getState().themePreference, media.matches);
    win.document.documentElement.dataset.theme = resolved;
    win.document.documentElement.style.colorScheme = resolved;
    if (store.getState().resolvedTheme !== resolved) store.setState({ resolvedTheme: resolved });
  };
  let stored: string | null = null;
  try {
    stored = win.localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    // Storage can be refused (a locked-down profile): the theme then lasts for this page only.
  }
  store.getState().setThemePreference(parseThemePreference(stored));
  apply();
  const unsubscribe = store.subscribe((state, previous) => {
    // The settings file's choice wins over the first-paint copy once it has been read.
    const saved = state.uiPrefs?.theme;
    if (state.uiPrefs !== previous.uiPrefs && saved && saved !== state.themePreference) {
      store.getState().setThemePreference(saved);
      return;
    }
    if (state.themePreference === previous.themePreference) return;
    try {
      win.localStorage.setItem(THEME_STORAGE_KEY, state.themePreference);
    } catch {
      // As above: not remembered, still applied.
    }
    apply();
  });
  media.addEventListener("change", apply);
  return () => {
    unsubscribe();
    media.removeEventListener("change", apply);
  };
}
