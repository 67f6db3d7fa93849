// Main process: the shell preferences' channels over the settings file.
import type { uiChannels } from "../../shared/contracts/ui";
import type { Handlers } from "../dispatch";
import type { SettingsStore } from "../services/settingsStore";

/** Handlers for `ui.prefs.get` and `ui.prefs.save`. */
export function createUiHandlers(deps: { store: SettingsStore }): Pick<Handlers, keyof typeof uiChannels> {
  return {
    "ui.prefs.get": async () => deps.store.read().ui,
    "ui.prefs.save": async (prefs) => {
      deps.store.update((current) => ({ ...current, ui: prefs }));
      return deps.store.read().ui;
    },
  };
}
