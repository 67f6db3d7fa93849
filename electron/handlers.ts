// Main process: the contract's channels mapped to services. Knows nothing of IPC or HTTP; both
// doors (ipc.ts, web.ts) call these through dispatch().
import { SIMULATOR_PROFILE_ID, type AppInfo } from "../shared/contract";
import { DojoError } from "./errors";
import type { Handlers } from "./dispatch";
import type { ChatService } from "./services/chat";
import type { createDraftService } from "./services/draft";
import type { ProfileService } from "./services/profiles";
import { createInspectorHandlers } from "./handlers/inspector";
import { createPricingHandlers } from "./handlers/pricing";
import { createUiHandlers } from "./handlers/ui";
import type { SettingsStore } from "./services/settingsStore";
import { createSchemaHandlers } from "./handlers/schema";
import { createLessonsHandlers } from "./handlers/lessons";
import type { LearningService } from "./services/learning";
import type { LessonLibrary } from "./services/lessons";
import type { LessonSettingsBackupService } from "./services/lessonSettingsBackup";
import type { PricingService } from "./services/pricing";
import type { RunLog } from "./services/runLog";
import { createHistoryHandlers } from "./handlers/history";
import { createEmbeddingsHandlers } from "./handlers/embeddings";
import type { EmbeddingService } from "./services/embeddings";
import type { RunHistory } from "./services/history/runHistory";
import { createExperimentHandlers } from "./handlers/experiments";
import type { ExperimentStore } from "./services/experiments/experimentStore";
import { createEvalHandlers } from "./handlers/evals";
import type { DatasetStore } from "./services/evals/datasetStore";
import type { EvalService } from "./services/evals/evalService";
import { createSafetyHandlers } from "./handlers/safety";
import type { SafetyService } from "./services/safety";
import { createReliabilityHandlers, type ReliabilityDeps } from "./handlers/reliability";
import { createUsageHandlers, type UsageDeps } from "./handlers/usage";
import { resolveFallbacks } from "./services/reliability/resolveFallbacks";

/** The services the handlers need, built by the composition root (app.ts). */
export interface HandlerDeps {
  info: () => AppInfo;
  profiles: ProfileService;
  drafts: ReturnType<typeof createDraftService>;
  chat: ChatService;
  /** Recent run records, for the inspector. */
  runLog: RunLog;
  /** The price table and the user's edits to it. */
  pricing: PricingService;
  /** Every run on disk. */
  history: RunHistory;
  /** Saved experiments in the workspace folder. */
  experiments: ExperimentStore;
  /** Saves the workspace folder choice; returns the folder in use. */
  setWorkspaceDir: (dir: string) => string;
  /** Evaluation datasets in the workspace folder. */
  datasets: DatasetStore;
  /** Evaluation runs. */
  evals: EvalService;
  /** The lessons folder, validated. */
  lessons: LessonLibrary;
  /** Lesson progress, review cards and mock scores. */
  learning: LearningService;
  /** The learner's settings kept before a lesson's "Try it" replaced them. */
  settingsBackup: LessonSettingsBackupService;
  /** Embeddings in batches, with the vector cache. */
  embeddings: EmbeddingService;
  /** Moderation and redaction around chat runs. */
  safety: SafetyService;
  /** The client policy, fallback chains, the simulator's behaviour and the mock refund ledger. */
  reliabilityDeps: ReliabilityDeps;
  /** The usage log and the budgets. */
  usageDeps: UsageDeps;
  /** The settings file, for the shell's own preferences. */
  settings: SettingsStore;
  /** Opens an http(s) URL in the user's browser; absent in web mode. */
  openExternal?: (url: string) => Promise<void>;
}

/** Builds one handler per channel. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { profiles, drafts, chat } = deps;
  return {
    ...createInspectorHandlers(deps),
    ...createPricingHandlers(deps),
    ...createHistoryHandlers(deps),
    ...createExperimentHandlers(deps),
    ...createEvalHandlers(deps),
    ...createSchemaHandlers(),
    ...createLessonsHandlers(deps),
    ...createEmbeddingsHandlers(deps),
    ...createSafetyHandlers(deps),
    ...createReliabilityHandlers(deps),
    ...createUsageHandlers(deps),
    ...createUiHandlers({ store: deps.settings }),
    "app.info": async () => deps.info(),
    "profiles.list": async () => profiles.list(),
    "profiles.save": async (profile) => profiles.save(profile),
    "profiles.delete": async ({ profileId }) => {
      await profiles.remove(profileId);
      return { ok: true };
    },
    "profiles.setActive": async ({ profileId }) => {
      profiles.setActive(profileId);
      return { ok: true };
    },
    "profiles.test": async ({ profileId }) => chat.testConnection(await profiles.resolveConnection(profileId)),
    "secrets.set": async ({ profileId, key }) => profiles.setKey(profileId, key),
    "secrets.clear": async ({ profileId }) => profiles.clearKey(profileId),
    "models.list": async ({ profileId }) => ({
      models: await chat.listModels(await profiles.resolveConnection(profileId)),
    }),
    "chat.start": async ({ runId, profileId, request, simulatorFailure, experiment, feature, api, responses }, ctx) => {
      const connection = await profiles.resolveConnection(profileId);
      // The failure simulator only ever applies to the simulator: never send its header elsewhere.
      const failure = profileId === SIMULATOR_PROFILE_ID ? simulatorFailure : undefined;
      // A run that could pass the profile's budget is refused before anything is sent.
      await deps.usageDeps.budgets.check({ runId, connection, request, promptVersion: experiment ? `${experiment.id}@${experiment.version}` : null, feature });
      // Redaction and input moderation happen before anything is sent (a flagged input throws).
      const safe = await deps.safety.prepareRun({ runId, connection, request, emit: ctx.emit });
      chat.start({
        runId,
        connection,
        request: safe.request,
        simulatorFailure: failure,
        experiment,
        feature,
        api,
        responses,
        fallbacks: resolveFallbacks(deps.reliabilityDeps.reliability.fallbacks(profileId), profiles, request.model),
        emit: safe.emit,
        secrets: () => profiles.knownSecrets(),
      });
      return { runId };
    },
    "chat.cancel": async ({ runId }) => ({ cancelled: chat.cancel(runId) }),
    "draft.load": async () => drafts.load(),
    "draft.save": async (draft) => {
      drafts.save(draft);
      return { ok: true };
    },
    "draft.setAside": async ({ reason }) => ({ path: drafts.setAside(reason) }),
    "shell.openExternal": async ({ url }) => {
      if (!deps.openExternal) {
        throw new DojoError("invalid_input", "Opening links is handled by your browser in web mode.");
      }
      await deps.openExternal(url);
      return { ok: true };
    },
  };
}
