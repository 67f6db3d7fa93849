// Both processes: the one contract between renderer and main. Every call is a named channel
// with zod input/output schemas; every main-to-renderer event likewise. Types come from z.infer.
import { z } from "zod";
import { ChatRequest } from "./chatRequest";
import { AppError } from "./errors";

export { ChatRequest } from "./chatRequest";
export { AppError, ErrorKind } from "./errors";

/** Which kind of server a profile talks to. */
export const ProviderKind = z.enum(["openai", "compatible", "simulator"]);
export type ProviderKind = z.infer<typeof ProviderKind>;

/** The id of the built-in simulator profile, which always exists and cannot be deleted. */
export const SIMULATOR_PROFILE_ID = "simulator";

/** A connection profile as stored (never holds a key). */
export const Profile = z.object({
  id: z.string().min(1).max(64).regex(/^[a-zA-Z0-9_-]+$/, "use letters, digits, _ or -"),
  name: z.string().trim().min(1, "a profile needs a name").max(80),
  kind: ProviderKind,
  /** Empty for the simulator (its URL is chosen at launch) and for OpenAI's default URL. */
  baseURL: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "base URL must be an http(s) URL" })]),
  defaultModel: z.string().max(200),
});
export type Profile = z.infer<typeof Profile>;

/** What the renderer may know of a key: whether one is set and a masked hint, never the key. */
export const KeyStatus = z.object({
  hasKey: z.boolean(),
  /** For example "sk-...abcd"; empty when there is no key. */
  hint: z.string().max(32),
  /** Where the key comes from: the OS keychain, the OPENAI_API_KEY variable, or nowhere. */
  source: z.enum(["keychain", "env", "none"]),
});
export type KeyStatus = z.infer<typeof KeyStatus>;

/** A profile as the renderer sees it. */
export const ProfileView = Profile.extend({
  key: KeyStatus,
  /** The base URL actually used (the simulator's live URL, OpenAI's default...). */
  effectiveBaseURL: z.string(),
  builtIn: z.boolean(),
});
export type ProfileView = z.infer<typeof ProfileView>;

/** The playground's draft, saved as the user types so nothing is lost on reload or restart. */
export const PlaygroundDraft = z.object({
  version: z.literal(1),
  profileId: z.string().max(64),
  request: ChatRequest,
  /** Failure the simulator should produce on the next run (simulator profile only). */
  simulatorFailure: z.lazy(() => SimulatorFailure).optional(),
  updatedAt: z.number().int().nonnegative(),
});
export type PlaygroundDraft = z.infer<typeof PlaygroundDraft>;

/** Failures the simulator can be asked to produce on the next request, for learning to handle them. */
export const SimulatorFailure = z.enum([
  "none",
  "rate_limit", // 429 with retry-after
  "rate_limit_no_retry_after", // 429 without retry-after
  "insufficient_quota", // 429 insufficient_quota
  "server_error", // 500
  "unavailable", // 503
  "invalid_key", // 401
  "bad_request", // 400 naming a parameter
  "slow_first_byte", // a delay before the first byte (long enough to trip a short timeout)
  "stall", // the stream stops mid-way and never ends
  "drop", // the connection is dropped mid-stream
  "malformed_chunk", // a chunk that is not JSON
]);
export type SimulatorFailure = z.infer<typeof SimulatorFailure>;

/** One model as listed by `/v1/models`. */
export const ModelInfo = z.object({ id: z.string(), ownedBy: z.string() });
export type ModelInfo = z.infer<typeof ModelInfo>;

/** Token usage as reported by the server. */
export const Usage = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
});
export type Usage = z.infer<typeof Usage>;

/** One tool call of an answer, arguments as the raw JSON text the model produced. */
export const ToolCallView = z.object({
  id: z.string(),
  name: z.string(),
  arguments: z.string(),
});
export type ToolCallView = z.infer<typeof ToolCallView>;

/** One choice of an answer, as accumulated from the stream. */
export const ChoiceResult = z.object({
  index: z.number().int().nonnegative(),
  content: z.string(),
  refusal: z.string().nullable(),
  toolCalls: z.array(ToolCallView),
  /** null when the run was stopped or failed before the server said why it finished. */
  finishReason: z.string().nullable(),
});
export type ChoiceResult = z.infer<typeof ChoiceResult>;

/** Timing figures of a run, measured in the main process. */
export const RunMetrics = z.object({
  /** Milliseconds from sending to the first content delta; null if none arrived. */
  ttftMs: z.number().nonnegative().nullable(),
  totalMs: z.number().nonnegative(),
  /** Completion tokens per second over the time after the first token; null when unknown. */
  tokensPerSecond: z.number().nonnegative().nullable(),
  /** Attempts made (1 = no retry). */
  attempts: z.number().int().positive(),
});
export type RunMetrics = z.infer<typeof RunMetrics>;

/** Who answered a run: always shown, so a simulated answer is never taken for a model's. */
export const ProviderTag = z.object({
  profileId: z.string(),
  profileName: z.string(),
  kind: ProviderKind,
  baseURL: z.string(),
});
export type ProviderTag = z.infer<typeof ProviderTag>;

/** The outcome of a run that ended normally or was stopped by the user. */
export const RunResult = z.object({
  runId: z.uuid(),
  model: z.string(),
  choices: z.array(ChoiceResult),
  usage: Usage.nullable(),
  requestId: z.string().nullable(),
  provider: ProviderTag,
  metrics: RunMetrics,
  /** True when the user pressed Stop; the choices then hold the partial text. */
  stopped: z.boolean(),
});
export type RunResult = z.infer<typeof RunResult>;

/** Facts about the running app the renderer needs. */
export const AppInfo = z.object({
  version: z.string(),
  mode: z.enum(["desktop", "web"]),
  simulatorURL: z.string(),
  /** Whether the OS keychain answers; when false, keys can only come from OPENAI_API_KEY. */
  keychainAvailable: z.boolean(),
  /** Why the keychain is unavailable, with what to do instead. */
  keychainProblem: z.string().nullable(),
  /** Notices for the user, e.g. a corrupt settings file moved aside. */
  notices: z.array(z.string()),
});
export type AppInfo = z.infer<typeof AppInfo>;

const Empty = z.object({}).strict();
const ProfileId = z.object({ profileId: Profile.shape.id }).strict();
const Ok = z.object({ ok: z.literal(true) });

/**
 * Every renderer-to-main call. Channel names are `domain.verb`. Inputs are parsed by the main side
 * before any handler runs; outputs are parsed by the renderer's bridge.
 */
export const channels = {
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
  /** Open an http(s) link in the user's browser (desktop) or report it cannot (web). */
  "shell.openExternal": { input: z.object({ url: z.url({ protocol: /^https?$/ }) }).strict(), output: Ok },
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.infer<Channels[C]["input"]>;
export type ChannelOutput<C extends ChannelName> = z.infer<Channels[C]["output"]>;
export const channelNames = Object.keys(channels) as ChannelName[];

/** Every main-to-renderer event. */
export const events = {
  /** Text that arrived since the last delta event, per choice; sent at most about once a frame. */
  "chat.delta": z.object({
    runId: z.uuid(),
    deltas: z.array(z.object({ index: z.number().int().nonnegative(), content: z.string() })),
  }),
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

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];

/** What every call returns across a process boundary: a value, or a typed error. */
export type CallResult<C extends ChannelName> =
  | { ok: true; value: ChannelOutput<C> }
  | { ok: false; error: AppError };
