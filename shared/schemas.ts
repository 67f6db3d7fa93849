// Both processes: the data schemas the contract's channels and events are made of. Domain
// contracts import from here (not from contract.ts, which composes them) to avoid import cycles.
import { z } from "zod";
import { ChatRequest } from "./chatRequest";
import { ToolsDraft } from "./toolSettings";
import { RequestApi, ResponsesExtras } from "./api/requestApi";

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
  /** The API the draft goes out on; absent in older drafts, which take the profile's default. */
  api: RequestApi.optional(),
  /** The settings only the Responses API has (absent when none is set). */
  responses: ResponsesExtras.optional(),
  /** Failure the simulator should produce on the next run (simulator profile only). */
  simulatorFailure: z.lazy(() => SimulatorFailure).optional(),
  /** How the playground answers tool calls (mocks, sensitivity, limits) and its step limit. */
  tools: ToolsDraft.optional(),
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
  /** Prompt tokens served from the prompt cache (part of promptTokens); absent when not reported. */
  cachedPromptTokens: z.number().int().nonnegative().optional(),
  /** Output tokens a reasoning model spent thinking (part of completionTokens); absent when not reported. */
  reasoningTokens: z.number().int().nonnegative().optional(),
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
  /** Attempts made (1 = no retry; 0 when the run was refused before sending, e.g. a flagged input). */
  attempts: z.number().int().nonnegative(),
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
  /** The API the run went out on; absent means Chat Completions (older records). */
  api: RequestApi.optional(),
  /** Responses only: the response's id, which a next turn can continue from (previous_response_id). */
  responseId: z.string().max(200).nullable().optional(),
  /** Responses only: whether the server stored the response (only a stored one can be continued). */
  stored: z.boolean().optional(),
  /** Responses only: the reasoning summary a reasoning model gave, when one was asked for. */
  reasoningSummary: z.string().optional(),
  /** Responses only: why a response ended "incomplete" (incomplete_details.reason), shown like a finish reason. */
  incompleteReason: z.string().max(200).nullable().optional(),
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
  /** Whether OPENAI_API_KEY is set for this process, so advice never suggests setting it again. */
  envKeySet: z.boolean(),
  /** Notices for the user, e.g. a corrupt settings file moved aside. */
  notices: z.array(z.string()),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Input of a call that takes nothing. */
export const EmptyInput = z.object({}).strict();
/** Input of a call about one profile. */
export const ProfileIdInput = z.object({ profileId: Profile.shape.id }).strict();
/** Output of a call that only confirms. */
export const OkOutput = z.object({ ok: z.literal(true) });
