// Both processes: the model catalog, the one place for model facts (kind, APIs, parameter rules,
// limits, modalities, prices). The simulator enforces it; the playground reads it.

/**
 * Where the catalog comes from. Model ids and API support are read from the vendored OpenAPI spec
 * (test/conformance/openai-openapi/openapi.yaml: `ModelIdsShared`, `ModelIdsResponses`'s
 * ResponsesOnlyModel, the embeddings examples and `CreateModerationRequest.model`). Prices are the
 * rows of OpenAI's pricing page as shared/pricing.ts held them (August 2025). Everything the spec
 * and that table do not state (context windows, maximum outputs, modalities, newer prices) is null:
 * unknown, never guessed.
 */
export const CATALOG_SOURCE = {
  spec: "openai/openai-openapi commit f85dbe223d40e1a31cba812ab2d755c7e98a92a3 (spec 2.3.0)",
  specDate: "2026-08-21",
  prices: "OpenAI API pricing page, standard tier, as read in August 2025",
  pricesAsOf: "2025-08",
} as const;

/** What a model is for; "reasoning" models are chat models with the reasoning models' rules. */
export type CatalogKind = "chat" | "reasoning" | "embedding" | "moderation";

/** The endpoints a model answers on. */
export type CatalogApi = "chat.completions" | "responses" | "embeddings" | "moderations";

/** An input a model can read. */
export type Modality = "text" | "image" | "audio";

/** Dollars per 1M tokens; a field is null when it is unknown or does not apply. */
export interface CatalogPrice {
  input: number;
  cachedInput: number | null;
  output: number | null;
}

/**
 * A parameter a model refuses: `onlyDefault` allows the parameter at that value only (the real API
 * answers "Unsupported value"); without it any non-null value is refused ("Unsupported parameter").
 * `param` is the wire name in the listed APIs ("reasoning.effort" for a nested field).
 */
export interface ParameterRule {
  param: string;
  apis: readonly CatalogApi[];
  onlyDefault?: number | boolean;
  /** The parameter to use instead, named in the error. */
  useInstead?: string;
  /** Why the catalog holds this rule: what says the real API refuses it. */
  source: string;
}

/** One model. */
export interface CatalogModel {
  id: string;
  kind: CatalogKind;
  apis: readonly CatalogApi[];
  /** Tokens of context, or null when unknown. */
  contextWindow: number | null;
  /** Largest output in tokens, or null when unknown. */
  maxOutputTokens: number | null;
  /** Inputs it reads, or null when unknown. */
  inputModalities: readonly Modality[] | null;
  rules: readonly ParameterRule[];
  /** null when no confirmed price is known. */
  price: CatalogPrice | null;
  /** The model this id is a snapshot of, sharing its price (pricing treats it as an alias). */
  aliasOf?: string;
  /** True for the offline simulator's own models (always free). */
  simulated?: boolean;
  /** What is uncertain about this entry. */
  note?: string;
}

const CHAT_APIS: readonly CatalogApi[] = ["chat.completions", "responses"];
const RESPONSES_ONLY: readonly CatalogApi[] = ["responses"];

const SPEC_REASONING = "spec: `reasoning` is for gpt-5 and o-series models only";
const GUIDE_REASONING = "issue 11 (OpenAI's reasoning guide): reasoning models take only the default sampling values";

/** Rules every reasoning model carries. */
const REASONING_RULES: readonly ParameterRule[] = [
  { param: "temperature", apis: CHAT_APIS, onlyDefault: 1, source: GUIDE_REASONING },
  { param: "top_p", apis: CHAT_APIS, onlyDefault: 1, source: GUIDE_REASONING },
  { param: "logprobs", apis: ["chat.completions"], onlyDefault: false, source: GUIDE_REASONING },
  {
    param: "max_tokens",
    apis: ["chat.completions"],
    useInstead: "max_completion_tokens",
    source: "spec: max_tokens is deprecated and not compatible with o-series models",
  },
];

/** Rules of non-reasoning chat models: the reasoning parameters. */
const CHAT_RULES: readonly ParameterRule[] = [
  { param: "reasoning_effort", apis: ["chat.completions"], source: SPEC_REASONING },
  { param: "reasoning.effort", apis: ["responses"], source: SPEC_REASONING },
  { param: "reasoning.summary", apis: ["responses"], source: SPEC_REASONING },
];

/** o3 and o4-mini refuse stop sequences (the spec's StopConfiguration). */
const NO_STOP: ParameterRule = { param: "stop", apis: ["chat.completions"], source: "spec: stop is not supported with o3 and o4-mini" };

/** `unconfirmed`: the spec does not say which rules apply, so none are enforced. */
type Extra = Partial<Pick<CatalogModel, "price" | "aliasOf" | "note" | "inputModalities">> & { rules?: readonly ParameterRule[]; unconfirmed?: boolean };

function entry(id: string, kind: "chat" | "reasoning", apis: readonly CatalogApi[], extra: Extra = {}): CatalogModel {
  const base = extra.unconfirmed ? [] : kind === "reasoning" ? REASONING_RULES : CHAT_RULES;
  return {
    id,
    kind,
    apis,
    contextWindow: null,
    maxOutputTokens: null,
    inputModalities: extra.inputModalities ?? null,
    rules: [...base, ...(extra.rules ?? [])],
    price: extra.price ?? null,
    ...(extra.aliasOf ? { aliasOf: extra.aliasOf } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  };
}

const p = (input: number, cachedInput: number | null, output: number | null): CatalogPrice => ({ input, cachedInput, output });

const CHAT_LATEST_NOTE = "The spec does not say whether this chat alias follows the reasoning models' rules; none are enforced.";

/** Chat models (the spec's ModelIdsShared, in its order): Chat Completions and Responses. */
const SHARED: CatalogModel[] = [
  ...["gpt-5.6-sol", "gpt-5.6-terra", "gpt-5.6-luna", "gpt-5.5", "gpt-5.5-2026-04-23", "gpt-5.4", "gpt-5.4-mini", "gpt-5.4-nano", "gpt-5.4-mini-2026-03-17", "gpt-5.4-nano-2026-03-17"].map((id) =>
    entry(id, "reasoning", CHAT_APIS),
  ),
  entry("gpt-5.3-chat-latest", "chat", CHAT_APIS, { note: CHAT_LATEST_NOTE, unconfirmed: true }),
  entry("gpt-5.2", "reasoning", CHAT_APIS),
  entry("gpt-5.2-2025-12-11", "reasoning", CHAT_APIS),
  entry("gpt-5.2-chat-latest", "chat", CHAT_APIS, { note: CHAT_LATEST_NOTE, unconfirmed: true }),
  entry("gpt-5.2-pro", "reasoning", CHAT_APIS),
  entry("gpt-5.2-pro-2025-12-11", "reasoning", CHAT_APIS),
  entry("gpt-5.1", "reasoning", CHAT_APIS),
  entry("gpt-5.1-2025-11-13", "reasoning", CHAT_APIS),
  entry("gpt-5.1-codex", "reasoning", CHAT_APIS),
  entry("gpt-5.1-mini", "reasoning", CHAT_APIS),
  entry("gpt-5.1-chat-latest", "chat", CHAT_APIS, { note: CHAT_LATEST_NOTE, unconfirmed: true }),
  entry("gpt-5", "reasoning", CHAT_APIS, { price: p(1.25, 0.125, 10) }),
  entry("gpt-5-mini", "reasoning", CHAT_APIS, { price: p(0.25, 0.025, 2) }),
  entry("gpt-5-nano", "reasoning", CHAT_APIS, { price: p(0.05, 0.005, 0.4) }),
  entry("gpt-5-2025-08-07", "reasoning", CHAT_APIS, { aliasOf: "gpt-5" }),
  entry("gpt-5-mini-2025-08-07", "reasoning", CHAT_APIS, { aliasOf: "gpt-5-mini" }),
  entry("gpt-5-nano-2025-08-07", "reasoning", CHAT_APIS, { aliasOf: "gpt-5-nano" }),
  entry("gpt-5-chat-latest", "chat", CHAT_APIS, { note: CHAT_LATEST_NOTE, unconfirmed: true }),
  entry("gpt-4.1", "chat", CHAT_APIS, { price: p(2, 0.5, 8) }),
  entry("gpt-4.1-mini", "chat", CHAT_APIS, { price: p(0.4, 0.1, 1.6) }),
  entry("gpt-4.1-nano", "chat", CHAT_APIS, { price: p(0.1, 0.025, 0.4) }),
  entry("gpt-4.1-2025-04-14", "chat", CHAT_APIS, { aliasOf: "gpt-4.1" }),
  entry("gpt-4.1-mini-2025-04-14", "chat", CHAT_APIS, { aliasOf: "gpt-4.1-mini" }),
  entry("gpt-4.1-nano-2025-04-14", "chat", CHAT_APIS, { aliasOf: "gpt-4.1-nano" }),
  entry("o4-mini", "reasoning", CHAT_APIS, { price: p(1.1, 0.275, 4.4), rules: [NO_STOP] }),
  entry("o4-mini-2025-04-16", "reasoning", CHAT_APIS, { aliasOf: "o4-mini", rules: [NO_STOP] }),
  // o3's price is the one after its June 2025 reduction (it launched at $10 / $40).
  entry("o3", "reasoning", CHAT_APIS, { price: p(2, 0.5, 8), rules: [NO_STOP] }),
  entry("o3-2025-04-16", "reasoning", CHAT_APIS, { aliasOf: "o3", rules: [NO_STOP] }),
  ...["o3-mini", "o3-mini-2025-01-31", "o1", "o1-2024-12-17", "o1-preview", "o1-preview-2024-09-12", "o1-mini", "o1-mini-2024-09-12"].map((id) => entry(id, "reasoning", CHAT_APIS)),
  entry("gpt-4o", "chat", CHAT_APIS, { price: p(2.5, 1.25, 10) }),
  entry("gpt-4o-2024-11-20", "chat", CHAT_APIS, { aliasOf: "gpt-4o" }),
  entry("gpt-4o-2024-08-06", "chat", CHAT_APIS, { aliasOf: "gpt-4o" }),
  // Priced higher than gpt-4o; its price is not in the table, so it stays unknown rather than mispriced.
  entry("gpt-4o-2024-05-13", "chat", CHAT_APIS),
  ...[
    "gpt-4o-audio-preview", "gpt-4o-audio-preview-2024-10-01", "gpt-4o-audio-preview-2024-12-17", "gpt-4o-audio-preview-2025-06-03",
    "gpt-4o-mini-audio-preview", "gpt-4o-mini-audio-preview-2024-12-17", "gpt-4o-search-preview", "gpt-4o-mini-search-preview",
    "gpt-4o-search-preview-2025-03-11", "gpt-4o-mini-search-preview-2025-03-11", "chatgpt-4o-latest",
  ].map((id) => entry(id, "chat", CHAT_APIS)),
  entry("codex-mini-latest", "reasoning", CHAT_APIS, { note: "The spec lists it among the shared ids; its parameter rules are assumed to be the o-series ones." }),
  entry("gpt-4o-mini", "chat", CHAT_APIS, { price: p(0.15, 0.075, 0.6) }),
  entry("gpt-4o-mini-2024-07-18", "chat", CHAT_APIS, { aliasOf: "gpt-4o-mini" }),
  ...[
    "gpt-4-turbo", "gpt-4-turbo-2024-04-09", "gpt-4-0125-preview", "gpt-4-turbo-preview", "gpt-4-1106-preview", "gpt-4-vision-preview",
    "gpt-4", "gpt-4-0314", "gpt-4-0613", "gpt-4-32k", "gpt-4-32k-0314", "gpt-4-32k-0613",
    "gpt-3.5-turbo", "gpt-3.5-turbo-16k", "gpt-3.5-turbo-0301", "gpt-3.5-turbo-0613", "gpt-3.5-turbo-1106", "gpt-3.5-turbo-0125", "gpt-3.5-turbo-16k-0613",
  ].map((id) => entry(id, "chat", CHAT_APIS)),
];

/** Models the spec lists for the Responses API only (ModelIdsResponses' ResponsesOnlyModel). */
const RESPONSES_ONLY_MODELS: CatalogModel[] = [
  ...[
    "o1-pro", "o1-pro-2025-03-19", "o3-pro", "o3-pro-2025-06-10", "o3-deep-research", "o3-deep-research-2025-06-26",
    "o4-mini-deep-research", "o4-mini-deep-research-2025-06-26", "gpt-5.5-pro", "gpt-5.5-pro-2026-04-23", "gpt-5-codex",
    "gpt-5-pro", "gpt-5-pro-2025-10-06", "gpt-5.1-codex-max", "gpt-5.6-cyber",
  ].map((id) => entry(id, "reasoning", RESPONSES_ONLY)),
  entry("computer-use-preview", "chat", RESPONSES_ONLY, { unconfirmed: true, note: "The spec allows reasoning.summary for it; no parameter rule is confirmed." }),
  entry("computer-use-preview-2025-03-11", "chat", RESPONSES_ONLY, { unconfirmed: true, note: "The spec allows reasoning.summary for it; no parameter rule is confirmed." }),
  entry("gpt-daybreak-blue-latest", "chat", RESPONSES_ONLY, { unconfirmed: true, note: "The spec names it without describing it: kind and rules unconfirmed." }),
  entry("gpt-daybreak-red-latest", "chat", RESPONSES_ONLY, { unconfirmed: true, note: "The spec names it without describing it: kind and rules unconfirmed." }),
];

function other(id: string, kind: "embedding" | "moderation", extra: Partial<CatalogModel> = {}): CatalogModel {
  return {
    id,
    kind,
    apis: [kind === "embedding" ? "embeddings" : "moderations"],
    contextWindow: null,
    maxOutputTokens: null,
    inputModalities: null,
    rules: [],
    price: null,
    ...extra,
  };
}

/** Embedding models (the spec's embeddings examples) and moderation models (CreateModerationRequest.model). */
const EMBEDDING_AND_MODERATION: CatalogModel[] = [
  other("text-embedding-3-small", "embedding", { price: p(0.02, null, null) }),
  other("text-embedding-3-large", "embedding", { price: p(0.13, null, null) }),
  other("text-embedding-ada-002", "embedding", {
    rules: [{ param: "dimensions", apis: ["embeddings"], source: "spec: dimensions is only supported in text-embedding-3 and later models" }],
  }),
  other("omni-moderation-latest", "moderation"),
  other("omni-moderation-2024-09-26", "moderation"),
  other("text-moderation-latest", "moderation"),
  other("text-moderation-stable", "moderation"),
];

const SIM_NOTE = "The offline simulator: answers are assembled by rules, no model is involved.";
const free = (output: number | null): CatalogPrice => ({ input: 0, cachedInput: output === null ? null : 0, output });

/** The offline simulator's own models: free, and named so nobody takes them for real ones. */
const SIMULATOR_MODELS: CatalogModel[] = [
  { ...entry("sim-chat-1", "chat", CHAT_APIS, { price: free(0), inputModalities: ["text", "image"] }), simulated: true, note: SIM_NOTE },
  { ...entry("sim-chat-mini-1", "chat", CHAT_APIS, { price: free(0), inputModalities: ["text", "image"] }), simulated: true, note: SIM_NOTE },
  { ...entry("sim-reasoning-1", "reasoning", CHAT_APIS, { price: free(0), inputModalities: ["text", "image"] }), simulated: true, note: SIM_NOTE },
  { ...other("sim-embedding-1", "embedding", { price: free(null), inputModalities: ["text"] }), simulated: true, note: SIM_NOTE },
  { ...other("sim-moderation-1", "moderation", { price: free(null), inputModalities: ["text", "image"] }), simulated: true, note: SIM_NOTE },
];

/** Every model the catalog knows, simulator models first. */
export const MODEL_CATALOG: readonly CatalogModel[] = Object.freeze([...SIMULATOR_MODELS, ...SHARED, ...RESPONSES_ONLY_MODELS, ...EMBEDDING_AND_MODERATION]);

const BY_ID: ReadonlyMap<string, CatalogModel> = new Map(MODEL_CATALOG.map((m) => [m.id, m]));

/** The catalog entry for an id, or null ("no catalog entry"). */
export function catalogModel(id: string): CatalogModel | null {
  return BY_ID.get(id) ?? null;
}

/** The rules of a model that apply to one API. */
export function rulesFor(model: CatalogModel, api: CatalogApi): ParameterRule[] {
  return model.rules.filter((r) => r.apis.includes(api));
}
