// Main process: the composition root shared by the desktop (main.ts) and web mode (webMain.ts).
// Starts the simulator, opens the settings, builds the services and the handlers over them.
import { createHandlers } from "./handlers";
import type { Handlers } from "./dispatch";
import { startSimulator } from "./simulator/server";
import { createChatService } from "./services/chat";
import { createDraftService } from "./services/draft";
import { createOsKeychain, type Keychain } from "./services/keychain";
import { createProfileService } from "./services/profiles";
import { createEmbeddingCache } from "./services/embeddingCache";
import { createEmbeddingService } from "./services/embeddings";
import { createPricingService } from "./services/pricing";
import { createRunLog } from "./services/runLog";
import { createLessonLibrary } from "./services/lessons";
import { createLearningService } from "./services/learning";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { openSettingsStore, type ConfLike } from "./services/settingsStore";
import { removeStaleTempFiles } from "./services/atomicFile";
import { createRunHistory } from "./services/history/runHistory";
import { recordCost } from "./services/history/recordCost";
import { createExperimentStore, resolveWorkspaceDir } from "./services/experiments/experimentStore";
import { createDatasetStore } from "./services/evals/datasetStore";
import { createEvalService } from "./services/evals/evalService";
import type { RunRecord } from "../shared/runRecord";
import { createSafetyService } from "./services/safety";
import { moderateTexts } from "./services/moderation";
import { createReliabilityStore } from "./services/reliability/reliabilityStore";
import { createSimulatorControl } from "./services/reliability/simulatorControl";
import { createEffectLedger } from "./services/reliability/effectLedger";
import { createUsageLog } from "./services/usage/usageLog";
import { usageEntryOf } from "./services/usage/usageEntry";
import { createBudgetGuard } from "./services/usage/budgetGuard";
import { runTexts, usageTextOf } from "./services/usage/usageText";
import { createEvalRecorder } from "./services/evals/evalRecorder";
import { createLessonSettingsBackup } from "./services/lessonSettingsBackup";
import { requestEntryOf } from "./services/usage/requestEntry";
import { estimateCost } from "../shared/pricing";
import type { UsageFeature } from "../shared/usageFeature";
import { addSecretSource } from "./services/knownSecrets";

export type { ConfLike } from "./services/settingsStore";

export interface AppCoreOptions {
  mode: "desktop" | "web";
  /** Where settings live (Electron's userData, or the platform's app-data folder in web mode). */
  dataDir: string;
  version: string;
  /** Opens electron-store (desktop) or conf (web): the same file format and schema. */
  openStore: (opts: { cwd: string; configName: string }) => ConfLike;
  openExternal?: (url: string) => Promise<void>;
  /**
   * The lessons folder. Defaults to `../lessons` beside this module: dist/lessons in a build (the
   * build copies the validated lessons there), the repository's lessons/ when run from source.
   */
  lessonsDir?: string;
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

/** DOJO_SIM_RANDOM_SEED as a 32-bit seed; anything else (unset, not a whole number) means none. */
export function simulatorSeed(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,10}$/.test(value.trim())) return undefined;
  return Number(value.trim()) >>> 0;
}

/** A lookup's value, or null when it throws (an unknown id, an unreadable file). */
function orNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** Builds everything the app needs; `close()` stops the simulator. */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const env = options.env ?? process.env;
  const tokenDelayMs = Number(env.DOJO_SIM_TOKEN_DELAY_MS ?? DEFAULT_SIM_TOKEN_DELAY_MS);
  const simulator = await startSimulator({
    tokenDelayMs: Number.isFinite(tokenDelayMs) && tokenDelayMs >= 0 ? tokenDelayMs : DEFAULT_SIM_TOKEN_DELAY_MS,
    // How long a simulated batch takes (DOJO_SIM_BATCH_DELAY_MS), so e2e tests need not wait long.
    batchDelayMs: Number(env.DOJO_SIM_BATCH_DELAY_MS ?? 2_000) || 0,
    // Tests start unseeded runs' randomness from a fixed seed (DOJO_SIM_RANDOM_SEED) to see the same answers every time.
    randomSeed: simulatorSeed(env.DOJO_SIM_RANDOM_SEED),
  });
  const { store, notices } = openSettingsStore({ cwd: options.dataDir, configName: "settings", open: options.openStore, appVersion: options.version });
  const keychain = options.keychain ?? createOsKeychain();
  const keychainState = await keychain.probe();
  const profiles = createProfileService({ store, keychain, env, simulatorURL: () => simulator.url });
  // Every file write, every answer to the renderer and every provider response is scrubbed of these keys.
  const removeSecretSource = addSecretSource(() => profiles.knownSecrets());
  const drafts = createDraftService(store, options.dataDir);
  // Every finished run's record goes to each listener (inspector, history, usage...).
  const runListeners = new Set<(record: RunRecord) => void>();
  // A run refused by input moderation is still a run: its record (nothing sent) goes to every listener.
  const safety = createSafetyService({
    store,
    onRefused: (record) => runListeners.forEach((listen) => listen(record)),
    // Moderation calls follow the saved client policy and are logged as feature "moderation"
    // (reliability and usage are built below; this runs only when a request is moderated).
    moderate: (connection, texts, model) =>
      moderateTexts(connection, texts, model, reliability.policy(), (request) => {
        try {
          usage.record(requestEntryOf(request, { feature: "moderation", costUsd: estimateCost(request.model, { promptTokens: 0, completionTokens: 0 }, pricing.get().table) }));
        } catch (err) {
          console.error(`usage log: ${err instanceof Error ? err.message : String(err)}`);
        }
      }),
  });
  // The client policy saved in Settings applies to every call from the next one on.
  const reliability = createReliabilityStore(store);
  // Each record gets its redaction summary (counts only) before any listener sees it.
  const chat = createChatService({
    policy: () => reliability.policy(),
    onRunSettled: (record) => {
      const annotated = safety.annotate(record);
      runListeners.forEach((listen) => listen(annotated));
    },
  });
  const runLog = createRunLog();
  runListeners.add((record) => runLog.add(record));
  const pricing = createPricingService(store);
  // Run history on disk; a failing disk must not stop the other listeners.
  const history = createRunHistory(options.dataDir);
  runListeners.add((record) => {
    try {
      history.record(record, { source: "playground", costUsd: recordCost(record, pricing.get().table) });
    } catch (err) {
      console.error(`run history: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  // The usage log (metadata only, fsync'd JSON Lines) and the budgets checked against it.
  const usage = createUsageLog(options.dataDir);
  // With text logging on (Settings), the entry also carries the run's text, redacted (usageText.ts).
  const usageText = (record: RunRecord) => (reliability.logUsageText() ? usageTextOf(runTexts(record), { custom: safety.get().redaction.custom, secrets: profiles.knownSecrets() }) : null);
  const logUsage = (record: RunRecord, feature: UsageFeature, costUsd: number | null) => {
    try {
      const text = usageText(record);
      usage.record({ ...usageEntryOf(record, { feature, costUsd }), ...(text ? { text } : {}) });
    } catch (err) {
      console.error(`usage log: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  runListeners.add((record) => logUsage(record, "playground", recordCost(record, pricing.get().table)));
  const budgets = createBudgetGuard({ usage, budget: (id) => reliability.budget(id), priceTable: () => pricing.get().table });
  const workspaceDir = () => resolveWorkspaceDir(options.dataDir, store.read().workspaceDir);
  // Temporaries a crash left in the folders the app writes atomically go before anything is written.
  for (const dir of [workspaceDir(), join(workspaceDir(), "datasets"), join(options.dataDir, "evals", "runs"), join(options.dataDir, "embedding-cache")]) removeStaleTempFiles(dir);
  const experiments = createExperimentStore({ workspaceDir, secrets: () => profiles.knownSecrets(), notices });
  const setWorkspaceDir = (dir: string) => {
    store.update((current) => ({ ...current, workspaceDir: dir }));
    return workspaceDir();
  };
  const datasets = createDatasetStore({ dir: () => join(workspaceDir(), "datasets"), secrets: () => profiles.knownSecrets(), notices });
  const evals = createEvalService({
    dataDir: options.dataDir,
    notices,
    datasets,
    resolveConnection: (profileId) => profiles.resolveConnection(profileId),
    secrets: () => profiles.knownSecrets(),
    priceTable: () => pricing.get().table,
    policy: () => reliability.policy(),
    checkBudget: (args) => budgets.checkEvaluation(args),
    redactor: () => safety.redactor(),
    inputModerator: () => safety.inputModerator(),
    outputModerator: () => safety.outputModerator(),
    // Concurrent requests share each file's fsync (group commit) instead of blocking on each.
    recordRun: createEvalRecorder({ history, usage, usageText }),
    batchPollMs: Number(env.DOJO_BATCH_POLL_MS ?? 1_000) || 1_000,
  });
  const lessons = createLessonLibrary(options.lessonsDir ?? fileURLToPath(new URL("../lessons", import.meta.url)));
  // Embedding vectors are cached per server, model, width and text, bounded, under the data folder.
  // Each batch runs under the client policy and is logged in the usage log as feature "embeddings".
  const embeddings = createEmbeddingService({
    cache: createEmbeddingCache({ dir: join(options.dataDir, "embedding-cache") }),
    policy: () => reliability.policy(),
    onRequest: (r) => {
      try {
        const costUsd = estimateCost(r.model, { promptTokens: r.promptTokens, completionTokens: 0 }, pricing.get().table);
        usage.record(requestEntryOf({ ...r, provider: r.connection.provider }, { feature: "embeddings", costUsd }));
      } catch (err) {
        console.error(`usage log: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  });
  const learning = createLearningService({
    store,
    library: lessons,
    findRun: (runId) => runLog.get(runId),
    priceTable: () => pricing.get().table,
    embeddingResults: () => embeddings.recent(),
    findEvalRun: (id) => orNull(() => evals.get(id)),
    findDataset: (id) => orNull(() => datasets.get(id)),
  });

  const handlers = createHandlers({
    profiles,
    drafts,
    chat,
    runLog,
    pricing,
    history,
    experiments,
    setWorkspaceDir,
    datasets,
    evals,
    lessons,
    learning,
    settingsBackup: createLessonSettingsBackup({ store, safety, reliability }),
    embeddings,
    safety,
    reliabilityDeps: { reliability, simulatorControl: createSimulatorControl(simulator.behaviourURL), effects: createEffectLedger() },
    usageDeps: { usage, budgets, reliability },
    openExternal: options.openExternal,
    settings: store,
    info: () => ({
      version: options.version,
      mode: options.mode,
      simulatorURL: simulator.url,
      keychainAvailable: keychainState.available,
      keychainProblem: keychainState.problem,
      envKeySet: Boolean(env.OPENAI_API_KEY?.trim()),
      notices,
    }),
  });

  return {
    handlers,
    knownSecrets: () => profiles.knownSecrets(),
    simulatorURL: simulator.url,
    notices,
    close: async () => {
      evals.close();
      history.close();
      usage.close();
      await simulator.close();
      removeSecretSource();
    },
  };
}
