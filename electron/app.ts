// Main process: the composition root shared by the desktop (main.ts) and web mode (webMain.ts).
// Starts the simulator, opens the settings, builds the services and the handlers over them.
import { createHandlers } from "./handlers";
import type { Handlers } from "./dispatch";
import { startSimulator } from "./simulator/server";
import { createChatService } from "./services/chat";
import { createDraftService } from "./services/draft";
import { createOsKeychain, type Keychain } from "./services/keychain";
import { createProfileService } from "./services/profiles";
import { openSettingsStore, type ConfLike } from "./services/settingsStore";
import type { RunRecord } from "../shared/runRecord";

export type { ConfLike } from "./services/settingsStore";

export interface AppCoreOptions {
  mode: "desktop" | "web";
  /** Where settings live (Electron's userData, or the platform's app-data folder in web mode). */
  dataDir: string;
  version: string;
  /** Opens electron-store (desktop) or conf (web): the same file format and schema. */
  openStore: (opts: { cwd: string; configName: string }) => ConfLike;
  openExternal?: (url: string) => Promise<void>;
  /** For tests: a keychain other than the OS one. */
  keychain?: Keychain;
  /** Environment to read OPENAI_API_KEY and DOJO_* settings from; defaults to process.env. */
  env?: Record<string, string | undefined>;
}

export interface AppCore {
  handlers: Handlers;
  knownSecrets(): readonly string[];
  simulatorURL: string;
  notices: string[];
  close(): Promise<void>;
}

/** Pause between the simulator's streamed chunks, so streaming can be seen (DOJO_SIM_TOKEN_DELAY_MS). */
const DEFAULT_SIM_TOKEN_DELAY_MS = 15;

/** Builds everything the app needs; `close()` stops the simulator. */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const env = options.env ?? process.env;
  const tokenDelayMs = Number(env.DOJO_SIM_TOKEN_DELAY_MS ?? DEFAULT_SIM_TOKEN_DELAY_MS);
  const simulator = await startSimulator({
    tokenDelayMs: Number.isFinite(tokenDelayMs) && tokenDelayMs >= 0 ? tokenDelayMs : DEFAULT_SIM_TOKEN_DELAY_MS,
  });
  const { store, notices } = openSettingsStore({ cwd: options.dataDir, configName: "settings", open: options.openStore });
  const keychain = options.keychain ?? createOsKeychain();
  const keychainState = await keychain.probe();
  const profiles = createProfileService({ store, keychain, env, simulatorURL: () => simulator.url });
  const drafts = createDraftService(store);
  // Every finished run's record goes to each listener (inspector, history, usage...).
  const runListeners = new Set<(record: RunRecord) => void>();
  const chat = createChatService({ onRunSettled: (record) => runListeners.forEach((listen) => listen(record)) });

  const handlers = createHandlers({
    profiles,
    drafts,
    chat,
    openExternal: options.openExternal,
    info: () => ({
      version: options.version,
      mode: options.mode,
      simulatorURL: simulator.url,
      keychainAvailable: keychainState.available,
      keychainProblem: keychainState.problem,
      notices,
    }),
  });

  return {
    handlers,
    knownSecrets: () => profiles.knownSecrets(),
    simulatorURL: simulator.url,
    notices,
    close: () => simulator.close(),
  };
}
