// Main process: the playground draft, kept in the settings file so nothing typed is lost on restart.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PlaygroundDraft } from "../../shared/contract";
import { describeZodError } from "../../shared/errors";
import { DojoError } from "../errors";
import { writeAtomically } from "./experiments/experimentFile";
import type { SettingsStore } from "./settingsStore";

/** Loads and saves the one playground draft. */
export interface DraftService {
  /** The saved draft, or null on first launch (or when an old draft no longer fits the schema). */
  load(): PlaygroundDraft | null;
  /** Validates and stores the draft; DojoError("invalid_input") leaves the saved one untouched. */
  save(draft: PlaygroundDraft): void;
  /**
   * Moves the saved draft out of the settings into a file of its own (it made the playground fail),
   * so the next start opens a fresh playground. Returns that file's path, or null with no draft.
   */
  setAside(reason: string): string | null;
}

/** Where set-aside drafts go, under the data folder. */
export const QUARANTINE_FOLDER = "quarantine";

/** Builds the draft service over the settings store; set-aside drafts go under `dataDir`. */
export function createDraftService(store: SettingsStore, dataDir: string): DraftService {
  return {
    load: () => store.read().draft,
    setAside(reason) {
      const draft = store.read().draft;
      if (!draft) return null;
      const folder = join(dataDir, QUARANTINE_FOLDER);
      mkdirSync(folder, { recursive: true });
      const path = join(folder, `draft-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
      // The file first: if the settings update failed, the draft would still be in both places.
      writeAtomically(path, `${JSON.stringify({ reason, setAsideAt: new Date().toISOString(), draft }, null, 2)}\n`);
      store.update((settings) => ({ ...settings, draft: null }));
      return path;
    },
    save(draft) {
      const parsed = PlaygroundDraft.safeParse(draft);
      if (!parsed.success) throw new DojoError("invalid_input", `Draft not saved: ${describeZodError(parsed.error)}`);
      store.update((settings) => ({ ...settings, draft: parsed.data }));
    },
  };
}
