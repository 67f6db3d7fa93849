// Both processes: the app shell's own preferences, kept in the settings file so they last across
// restarts in both modes (web mode serves from a new port each time, so browser storage would not):
// whether the welcome page was seen, which notices were dismissed for good, and the colour theme.
import { z } from "zod";
import { EmptyInput } from "../schemas";
import { EvalSettings, EvalVariant, MAX_SAVED_VARIANTS } from "../evals";

/** A notice the user dismissed for good, by a stable key (not its text, which may name a path). */
export const DismissKey = z.enum(["keychain"]);
export type DismissKey = z.infer<typeof DismissKey>;

/** The evaluation run setup last chosen, so a reload or restart finds it as it was left. */
export const EvalSetupPrefs = z
  .object({
    /** The dataset open in Evaluations; null when none was. */
    datasetId: z.string().min(1).max(200).nullable(),
    usePlayground: z.boolean(),
    saved: z.array(EvalVariant).max(MAX_SAVED_VARIANTS),
    settings: EvalSettings,
  })
  .strict();
export type EvalSetupPrefs = z.infer<typeof EvalSetupPrefs>;

/** The shell's preferences; absent in older settings files, hence the defaults. */
export const UiPrefs = z
  .object({
    /** The welcome page was shown once; later starts open the last view's route or the playground. */
    welcomeSeen: z.boolean().default(false),
    dismissed: z.array(DismissKey).max(20).default([]),
    /** The colour theme chosen; absent (older files, never chosen) follows the system. */
    theme: z.enum(["system", "light", "dark"]).optional(),
    /** The evaluation run setup; absent until one is chosen. */
    evals: EvalSetupPrefs.optional(),
  })
  .strict();
export type UiPrefs = z.infer<typeof UiPrefs>;

export const defaultUiPrefs: UiPrefs = { welcomeSeen: false, dismissed: [] };

/** The shell preferences' channels. */
export const uiChannels = {
  /** The saved preferences. */
  "ui.prefs.get": { input: EmptyInput, output: UiPrefs },
  /** Replaces the preferences; returns what was saved. */
  "ui.prefs.save": { input: UiPrefs, output: UiPrefs },
} as const;
