// Renderer: the app-shell slice: which view is shown, facts about the app, start-up notices.
import type { AppInfo } from "../../shared/contract";
import { defaultUiPrefs, type DismissKey, type UiPrefs } from "../../shared/contracts/ui";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

/** The views the left nav offers. */
export type ViewName = "welcome" | "playground" | "settings" | "inspector" | "compare" | "embeddings" | "rag" | "lessons" | "review" | "interview" | "readiness" | "experiments" | "history" | "evals" | "injection" | "reliability" | "usage";

/** A dismissible banner. */
export interface Notice {
  id: number;
  text: string;
  tone: "info" | "warning" | "error";
}

/** Whether the playground draft reached the main side, shown quietly near the editor. */
export interface DraftStatus {
  state: "idle" | "saved" | "invalid" | "failed";
  /** Why the draft was not saved (schema or call error). */
  message: string | null;
}

/** The colour theme chosen (see shell/theme.ts) and the one shown. */
export type ThemePreference = "light" | "dark" | "system";

/** A window-wide overlay: the command palette or the keyboard shortcuts list. */
export type Overlay = "palette" | "shortcuts";

export interface UiSlice {
  view: ViewName;
  /** The overlay shown over the app, if any (one at a time). */
  overlay: Overlay | null;
  /** The theme the user chose; shell/theme.ts loads, saves and applies it. */
  themePreference: ThemePreference;
  /** The theme shown: the choice, or the system's for "system". */
  resolvedTheme: "light" | "dark";
  appInfo: AppInfo | null;
  notices: Notice[];
  draftStatus: DraftStatus;
  /** The shell's saved preferences; null until read. */
  uiPrefs: UiPrefs | null;
  /** Reads the shell's preferences (defaults when they cannot be read, with a notice). */
  loadUiPrefs(): Promise<void>;
  /** Changes and saves the shell's preferences; the change shows at once, a failed save says so. */
  updateUiPrefs(change: Partial<UiPrefs>): Promise<void>;
  /** Dismisses a notice for good (it does not come back after a reload or restart). */
  dismissForGood(key: DismissKey): Promise<void>;
  /** Shows another view. */
  setView(view: ViewName): void;
  /** Opens an overlay (replacing another) or, with null, closes it. */
  setOverlay(overlay: Overlay | null): void;
  /** Shows a colour theme (shell/theme.ts applies it and keeps it for the first paint). */
  setThemePreference(preference: ThemePreference): void;
  /** The user's choice of theme: shown, and saved in the settings file's ui preferences. */
  chooseTheme(preference: ThemePreference): Promise<void>;
  /** Reads `app.info` and turns its start-up notices into banners. */
  loadAppInfo(): Promise<void>;
  /** Adds a banner (identical text is shown once). */
  addNotice(text: string, tone: Notice["tone"]): void;
  /** Removes a banner. */
  dismissNotice(id: number): void;
  /** Records the outcome of the latest draft save. */
  setDraftStatus(status: DraftStatus): void;
}

/** The ui slice: view switching, app facts and notices. */
export function createUiSlice(deps: StoreDeps): SliceCreator<UiSlice> {
  let nextNoticeId = 1;
  return (set, get) => ({
    view: "playground",
    overlay: null,
    themePreference: "system",
    resolvedTheme: "light",
    appInfo: null,
    notices: [],
    draftStatus: { state: "idle", message: null },
    uiPrefs: null,
    loadUiPrefs: async () => {
      try {
        set({ uiPrefs: await deps.bridge.call("ui.prefs.get", {}) });
      } catch (err) {
        set({ uiPrefs: defaultUiPrefs });
        get().addNotice(`Could not read the app's preferences: ${toAppError(err).message}`, "warning");
      }
    },
    updateUiPrefs: async (change) => {
      const next = { ...(get().uiPrefs ?? defaultUiPrefs), ...change };
      set({ uiPrefs: next });
      try {
        await deps.bridge.call("ui.prefs.save", next);
      } catch (err) {
        get().addNotice(`Could not save the app's preferences: ${toAppError(err).message}`, "warning");
      }
    },
    dismissForGood: async (key) => {
      const dismissed = get().uiPrefs?.dismissed ?? [];
      if (!dismissed.includes(key)) await get().updateUiPrefs({ dismissed: [...dismissed, key] });
    },
    setView: (view) => set({ view }),
    setOverlay: (overlay) => set({ overlay }),
    setThemePreference: (themePreference) => set({ themePreference }),
    chooseTheme: async (theme) => {
      set({ themePreference: theme });
      // Saving over preferences not read yet would put their defaults back (welcome seen, dismissals).
      if (!get().uiPrefs) await get().loadUiPrefs();
      await get().updateUiPrefs({ theme });
    },
    addNotice: (text, tone) => {
      if (get().notices.some((n) => n.text === text)) return;
      set((s) => ({ notices: [...s.notices, { id: nextNoticeId++, text, tone }] }));
    },
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    setDraftStatus: (draftStatus) => set({ draftStatus }),
    loadAppInfo: async () => {
      try {
        const info = await deps.bridge.call("app.info", {});
        set({ appInfo: info });
        // The keychain problem is not among these: KeychainNotice says it in one sentence, with
        // the details behind a toggle, and remembers a dismissal.
        for (const text of info.notices) get().addNotice(text, "warning");
      } catch (err) {
        get().addNotice(`Could not read the app's status: ${toAppError(err).message}`, "error");
      }
    },
  });
}
