// Tests: the theme preference: parsing what was stored, resolving "system", remembering a choice
// and following the system while the choice is "system".
import { describe, expect, it } from "vitest";
import { createTestStore } from "../store/testStore";
import { connectTheme, parseThemePreference, resolveTheme, THEME_STORAGE_KEY, type ThemeWindow } from "./theme";

function fakeWindow(stored: string | null, systemDark: boolean) {
  const storage = new Map<string, string>(stored === null ? [] : [[THEME_STORAGE_KEY, stored]]);
  const listeners = new Set<() => void>();
  const media = { matches: systemDark, addEventListener: (_t: "change", l: () => void) => listeners.add(l), removeEventListener: (_t: "change", l: () => void) => listeners.delete(l) };
  const root = { dataset: {} as DOMStringMap, style: { colorScheme: "" } };
  const win: ThemeWindow = {
    localStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    matchMedia: () => media,
    document: { documentElement: root },
  };
  const setSystemDark = (dark: boolean) => {
    media.matches = dark;
    for (const l of listeners) l();
  };
  return { win, storage, root, setSystemDark, listeners };
}

describe("theme", () => {
  it("parses a stored preference, anything else following the system", () => {
    expect(["light", "dark", "system", null, "", "purple"].map((v) => parseThemePreference(v))).toEqual(["light", "dark", "system", "system", "system", "system"]);
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
  });

  it("applies the remembered choice at start and saves a new one", () => {
    const { store } = createTestStore();
    const { win, storage, root } = fakeWindow("dark", false);
    connectTheme(store, win);
    expect(store.getState().themePreference).toBe("dark");
    expect(root.dataset.theme).toBe("dark");
    expect(root.style.colorScheme).toBe("dark");
    expect(store.getState().resolvedTheme).toBe("dark");
    store.getState().setThemePreference("light");
    expect(storage.get(THEME_STORAGE_KEY)).toBe("light");
    expect(root.dataset.theme).toBe("light");
    expect(store.getState().resolvedTheme).toBe("light");
  });

  it("follows the system only while the choice is system, and stops on request", () => {
    const { store } = createTestStore();
    const { win, root, setSystemDark, listeners } = fakeWindow(null, false);
    const stop = connectTheme(store, win);
    expect(root.dataset.theme).toBe("light");
    setSystemDark(true);
    expect(root.dataset.theme).toBe("dark");
    store.getState().setThemePreference("light");
    setSystemDark(true);
    expect(root.dataset.theme).toBe("light");
    stop();
    expect(listeners.size).toBe(0);
  });

  it("still applies a choice when storage refuses it", () => {
    const { store } = createTestStore();
    const { win, root } = fakeWindow(null, false);
    win.localStorage = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    };
    connectTheme(store, win);
    store.getState().setThemePreference("dark");
    expect(root.dataset.theme).toBe("dark");
  });
});

describe("theme in the ui preferences", () => {
  it("takes the settings file's choice over the first-paint copy, and saves a new choice there", async () => {
    const { store, bridge } = createTestStore();
    const saved: unknown[] = [];
    bridge.handle("ui.prefs.get", () => ({ welcomeSeen: true, dismissed: ["keychain"], theme: "dark" }));
    bridge.handle("ui.prefs.save", (prefs) => (saved.push(prefs), prefs));
    const { win, root, storage } = fakeWindow("light", false);
    connectTheme(store, win);
    expect(root.dataset.theme).toBe("light");
    await store.getState().loadUiPrefs();
    expect(root.dataset.theme).toBe("dark");
    expect(storage.get(THEME_STORAGE_KEY)).toBe("dark");
    await store.getState().chooseTheme("light");
    expect(root.dataset.theme).toBe("light");
    // The other preferences are kept.
    expect(saved).toEqual([{ welcomeSeen: true, dismissed: ["keychain"], theme: "light" }]);
  });

  it("reads the preferences first when a choice comes before them", async () => {
    const { store, bridge } = createTestStore();
    const saved: unknown[] = [];
    bridge.handle("ui.prefs.get", () => ({ welcomeSeen: true, dismissed: ["keychain"] }));
    bridge.handle("ui.prefs.save", (prefs) => (saved.push(prefs), prefs));
    connectTheme(store, fakeWindow(null, false).win);
    await store.getState().chooseTheme("dark");
    expect(saved).toEqual([{ welcomeSeen: true, dismissed: ["keychain"], theme: "dark" }]);
    expect(store.getState().themePreference).toBe("dark");
  });
});
