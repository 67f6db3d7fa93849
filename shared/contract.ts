// Both processes: the one contract between renderer and main. Every call is a named channel
// with zod input/output schemas; every main-to-renderer event likewise. Types come from z.infer.
import { z } from "zod";
import {
  AppError,
  AppInfo,
  ChatRequest,
  ChoiceResult,
  KeyStatus,
  ModelInfo,
  PlaygroundDraft,
  Profile,
  ProfileView,
  ProviderTag,
  RunMetrics,
  RunResult,
  SimulatorFailure,
  EmptyInput,
  ProfileIdInput,
  OkOutput,
} from "./schemas";
import { inspectorChannels } from "./contracts/inspector";
import { pricingChannels } from "./contracts/pricing";
import { lessonsChannels } from "./contracts/lessons";
import { schemaChannels } from "./contracts/schema";
import { embeddingsChannels, embeddingsEvents } from "./contracts/embeddings";

import { ExperimentRef } from "./experiments";
import { ChatFeature } from "./usageFeature";
import { RequestApi, ResponsesExtras } from "./api/requestApi";
import { RunProgress } from "./runRecord";
import { historyChannels } from "./contracts/history";
import { experimentsChannels } from "./contracts/experiments";
import { evalsChannels, evalsEvents } from "./contracts/evals";
import { safetyChannels, safetyEvents } from "./contracts/safety";
import { reliabilityChannels } from "./contracts/reliability";
import { usageChannels } from "./contracts/usage";
import { uiChannels } from "./contracts/ui";

export * from "./schemas";

/**
 * Every call's input is refused as `invalid_input` when nested deeper than this (checked by the
 * main side's dispatcher before the schemas run, and by the web door before it parses a body).
 */
export { MAX_JSON_DEPTH } from "./jsonDepth";

const Empty = EmptyInput;
const ProfileId = ProfileIdInput;
const Ok = OkOutput;

/**
 * Every renderer-to-main call. Channel names are `domain.verb`. Inputs are parsed by the main side
 * before any handler runs; outputs are parsed by the renderer's bridge.
 */
const coreChannels = {
  /** Version, mode, simulator URL, keychain availability and start-up notices. */
  "app.info": { input: Empty, output: AppInfo },
  /** All profiles with key status, and which one is active. */
  "profiles.list": {
    input: Empty,
    output: z.object({ profiles: z.array(ProfileView), activeId: z.string() }),
  },
  /** Create or replace a profile (the simulator profile cannot be edited). */
  "profiles.save": { input: Profile, output: ProfileView },
  /** Delete a profile and its key. */
  "profiles.delete": { input: ProfileId, output: Ok },
  /** Make a profile the active one. */
  "profiles.setActive": { input: ProfileId, output: Ok },
  /** Lists the profile's models and reports the latency, or the precise error. */
  "profiles.test": {
    input: ProfileId,
    output: z.object({ latencyMs: z.number().nonnegative(), modelCount: z.number().int().nonnegative() }),
  },
  /** Store a key in the OS keychain for a profile. The key never comes back. */
  "secrets.set": {
    input: z.object({ profileId: Profile.shape.id, key: z.string().trim().min(8, "that is too short to be an API key").max(512) }).strict(),
    output: KeyStatus,
  },
  /** Remove a profile's key from the keychain. */
  "secrets.clear": { input: ProfileId, output: KeyStatus },
  /** The models a profile's server lists. */
  "models.list": { input: ProfileId, output: z.object({ models: z.array(ModelInfo) }) },
  /** Start a streamed chat run; deltas, then `chat.finished` or `chat.failed`, follow as events. */
  "chat.start": {
    input: z
      .object({
        runId: z.uuid(),
        profileId: Profile.shape.id,
        request: ChatRequest,
        simulatorFailure: SimulatorFailure.optional(),
        /** The saved experiment version this request came from, kept in the run record. */
        experiment: ExperimentRef.optional(),
        /** The part of the app that sent it (usage by feature); absent means the playground. */
        feature: ChatFeature.optional(),
        /** The API to send it on; absent means Chat Completions (every feature but the playground, for now). */
        api: RequestApi.optional(),
        /** The Responses-only settings (ignored on Chat Completions). */
        responses: ResponsesExtras.optional(),
      })
      .strict(),
    output: z.object({ runId: z.uuid() }),
  },
  /** Stop a run; it then finishes with `stopped: true` and the partial text. */
  "chat.cancel": { input: z.object({ runId: z.uuid() }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** The saved playground draft, or null on first launch. */
  "draft.load": { input: Empty, output: PlaygroundDraft.nullable() },
  /** Save the playground draft. */
  "draft.save": { input: PlaygroundDraft, output: Ok },
  /** Move the saved draft aside (it made the playground fail); the file it went to, or null. */
  "draft.setAside": { input: z.object({ reason: z.string().max(2000) }).strict(), output: z.object({ path: z.string().nullable() }) },
  /** Open an http(s) link in the user's browser (desktop) or report it cannot (web). */
  "shell.openExternal": { input: z.object({ url: z.url({ protocol: /^https?$/ }) }).strict(), output: Ok },
} as const;

/**
 * Every renderer-to-main call: the core channels above plus each domain's, from `shared/contracts/`.
 * A domain file exports `xChannels` (and `xEvents`) built from `./schemas`, spread in here.
 */
export const channels = {
  ...coreChannels,
  ...inspectorChannels,
  ...pricingChannels,
  ...historyChannels,
  ...experimentsChannels,
  ...evalsChannels,
  ...safetyChannels,
  ...reliabilityChannels,
  ...usageChannels,
  ...lessonsChannels,
  ...schemaChannels,
  ...embeddingsChannels,
  ...uiChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.infer<Channels[C]["input"]>;
export type ChannelOutput<C extends ChannelName> = z.infer<Channels[C]["output"]>;
export const channelNames = Object.keys(channels) as ChannelName[];

/** Every main-to-renderer event. */
const coreEvents = {
  /** Text that arrived since the last delta event, per choice; sent at most about once a frame. */
  "chat.delta": z.object({
    runId: z.uuid(),
    deltas: z.array(z.object({ index: z.number().int().nonnegative(), content: z.string() })),
    /** Reasoning-summary text that arrived since the last event (Responses, reasoning models). */
    reasoning: z.string().optional(),
  }),
  /**
   * Where a run is while it runs: the attempts so far (the same shape as its record's), the
   * fallback steps, and what it does now (sending, waiting to retry, streaming). Sent when an
   * attempt goes out or answers and when a back-off wait starts (a fallback step shows with the next leg's first attempt).
   */
  "chat.progress": RunProgress,
  /** The run ended normally or was stopped. */
  "chat.finished": z.object({ result: RunResult }),
  /** The run failed; whatever text had arrived is kept. */
  "chat.failed": z.object({
    runId: z.uuid(),
    error: AppError,
    partial: z.array(ChoiceResult),
    provider: ProviderTag,
    metrics: RunMetrics,
  }),
} as const;

/** Every main-to-renderer event: the core ones plus each domain's. */
export const events = {
  ...coreEvents,
  ...embeddingsEvents,
  ...evalsEvents,
  ...safetyEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];

/** What every call returns across a process boundary: a value, or a typed error. */
export type CallResult<C extends ChannelName> =
  | { ok: true; value: ChannelOutput<C> }
  | { ok: false; error: AppError };
