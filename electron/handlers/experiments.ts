// Main process: the experiment channels over the experiment store and the workspace setting.
import { accessSync, constants, mkdirSync } from "node:fs";
import { isAbsolute } from "node:path";
import type { experimentsChannels } from "../../shared/contracts/experiments";
import type { Handlers } from "../dispatch";
import { DojoError } from "../errors";
import type { ExperimentStore } from "../services/experiments/experimentStore";

/** What the experiment handlers need: the store, and reading/writing the chosen workspace folder. */
export interface ExperimentHandlerDeps {
  experiments: ExperimentStore;
  /** Saves the user's workspace choice ("" = default) and returns the folder now in use. */
  setWorkspaceDir: (dir: string) => string;
}

/** Checks a chosen folder can hold experiments before it is saved. */
export function checkWorkspaceDir(dir: string): void {
  if (dir === "") return;
  if (!isAbsolute(dir)) throw new DojoError("invalid_input", "Choose the workspace folder as a full path, e.g. /home/you/prompts.");
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new DojoError("invalid_input", `The folder ${dir} cannot be used: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Handlers for the `experiments.*` channels. */
export function createExperimentHandlers(deps: ExperimentHandlerDeps): Pick<Handlers, keyof typeof experimentsChannels> {
  const store = deps.experiments;
  return {
    "experiments.list": async (input) => store.list(input),
    "experiments.get": async ({ id }) => store.get(id),
    "experiments.create": async ({ name, state, message }) => store.create(name, state, message),
    "experiments.save": async ({ id, state, message }) => store.save(id, state, message),
    "experiments.restoreVersion": async ({ id, version }) => store.restoreVersion(id, version),
    "experiments.rename": async ({ id, name }) => store.rename(id, name),
    "experiments.duplicate": async ({ id }) => store.duplicate(id),
    "experiments.delete": async ({ id }) => {
      store.remove(id);
      return { ok: true };
    },
    "experiments.undelete": async ({ id }) => store.undelete(id),
    "experiments.export": async ({ id }) => store.exportText(id),
    "experiments.import": async ({ text, onConflict }) => store.importText(text, onConflict),
    "experiments.setWorkspace": async ({ dir }) => {
      checkWorkspaceDir(dir.trim());
      return { workspaceDir: deps.setWorkspaceDir(dir.trim()) };
    },
  };
}
