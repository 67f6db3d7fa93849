// Main process: the playground draft, kept in the settings file so nothing typed is lost on restart.
import { PlaygroundDraft } from "../../shared/contract";
import { describeZodError } from "../../shared/errors";
import { DojoError } from "../errors";
import type { SettingsStore } from "./settingsStore";

/** Loads and saves the one playground draft. */
export interface DraftService {
  /** The saved draft, or null on first launch (or when an old draft no longer fits the schema). */
  load(): PlaygroundDraft | null;
  /** Validates and stores the draft; DojoError("invalid_input") leaves the saved one untouched. */
  save(draft: PlaygroundDraft): void;
}

/** Builds the draft service over the settings store. */
export function createDraftService(store: SettingsStore): DraftService {
  return {
    load: () => store.read().draft,
    save(draft) {
      const parsed = PlaygroundDraft.safeParse(draft);
      if (!parsed.success) throw new DojoError("invalid_input", `Draft not saved: ${describeZodError(parsed.error)}`);
      store.update((settings) => ({ ...settings, draft: parsed.data }));
    },
  };
}
