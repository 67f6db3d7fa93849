// Both processes: what a lesson exercise is graded on: a run record turned into the assertion
// engine's Observation, plus facts about the request the learner built (its roles, limits, model,
// grounding), or an Embeddings lab result measured by the exercise's probes.
import type { Observation } from "./assertions";
import type { ChatRequest } from "./chatRequest";
import { createKeywordIndex } from "./keywordSearch";
import type { EmbeddingProbe } from "./lesson";
import { observationFromRun } from "./observation";
import { citationsOf, parseGroundedPrompt, saysNotFound } from "./rag";
import { defaultRedactionOptions, redactChatRequest, redactText, totalRedacted } from "./redaction";
import { containsSecret, revealsSecret } from "./injectionVerdict";
import { retryable } from "./retryPlan";
import type { RunRecord } from "./runRecord";
import { dotAt, normalizeRows, searchTopK } from "./vectors";

/** Shapes of API keys in text: OpenAI's sk- keys (project, service-account and legacy ones). */
const KEY_LIKE = /\bsk-[A-Za-z0-9_-]{16,}/;

/** Model ids the API names as its small, cheaper tier (gpt-4o-mini, gpt-5-nano, o4-mini...). */
const SMALL_MODEL = /(?:^|[-_])(?:mini|nano)(?:$|[-_])/i;

/** Facts an exercise may check with the `fact` assertion; names are part of the lesson format. */
export function requestFacts(request: ChatRequest): NonNullable<Observation["facts"]> {
  const count = (role: string) => request.messages.filter((m) => m.role === role).length;
  const texts = request.messages.map((m) => m.content ?? "").join("\n");
  return {
    model: request.model,
    modelSize: SMALL_MODEL.test(request.model) ? "small" : "full",
    /** A system or developer message is present. */
    hasInstructions: count("system") + count("developer") > 0,
    firstRole: request.messages[0]?.role ?? null,
    userTurns: count("user"),
    assistantTurns: count("assistant"),
    /** max_completion_tokens is set (the output is capped). */
    outputCapped: request.max_completion_tokens !== undefined,
    maxCompletionTokens: request.max_completion_tokens ?? null,
    temperature: request.temperature ?? null,
    responseFormat: request.response_format?.type ?? "text",
    /** Something shaped like an API key appears in a message. */
    promptHasKeyLikeString: KEY_LIKE.test(texts),
    /** Answers asked for per request (`n`); each one is billed. */
    choices: request.n ?? 1,
    ...groundingFacts(request),
    ...privacyFacts(request, texts),
  };
}

/** A placeholder standing for a removed value: "[EMAIL]", "[EMAIL_1]", "[ACCOUNT_ID_2]". */
const PLACEHOLDER_LIKE = /\[[A-Z][A-Z0-9_]{2,}\]/;

/**
 * Facts about personal data and secrets in the request as sent (the run record keeps the request
 * after the Safety panel's redaction, so these hold whether the learner redacted by hand or not).
 */
function privacyFacts(request: ChatRequest, texts: string): NonNullable<Observation["facts"]> {
  return {
    /** Values redaction's built-in detectors would replace (e-mails, phones, cards, IBANs, keys and tokens). */
    sensitiveValuesSent: totalRedacted(redactChatRequest(request, defaultRedactionOptions()).counts),
    /** A placeholder such as [EMAIL_1] stands in for a value. */
    placeholdersSent: PLACEHOLDER_LIKE.test(texts),
  };
}

/**
 * Facts of the run beyond its request: what redaction did before sending, the same detectors on
 * the answer, and how the fallback chain went (which leg answered, the primary's HTTP status).
 */
function safetyAndFallbackFacts(record: RunRecord, answer: string): NonNullable<Observation["facts"]> {
  const answered = record.fallbacks?.find((f) => f.outcome === "answered");
  // Attempts of older records carry no leg: they were all the primary's.
  const primary = record.attempts.filter((a) => (a.leg ?? 0) === 0).at(-1);
  return {
    redactionApplied: record.redaction?.applied ?? false,
    redactedValues: record.redaction ? totalRedacted(record.redaction.counts) : 0,
    sensitiveValuesInAnswer: totalRedacted(redactText(answer, defaultRedactionOptions()).counts),
    fallbackUsed: answered !== undefined,
    /** "primary", the kind of the fallback step that answered ("model", "profile", "cached", "message"), or "none". */
    answeredBy: record.error !== null || !record.result ? "none" : (answered?.kind ?? "primary"),
    /** The HTTP status of the primary request's last attempt; null when no response arrived. */
    primaryStatus: primary?.status ?? null,
    ...moderationFacts(record),
  };
}

/** Facts of the run's moderations (Safety switches): which stages were checked, what was flagged, whether anything was sent. */
function moderationFacts(record: RunRecord): NonNullable<Observation["facts"]> {
  const stage = (name: "input" | "output") => record.moderation?.find((m) => m.stage === name && m.error === null);
  const categories = new Set((record.moderation ?? []).flatMap((m) => m.categories));
  return {
    /** The input was checked by the moderation endpoint before sending. */
    inputModerated: stage("input") !== undefined,
    inputFlagged: stage("input")?.flagged ?? false,
    /** The answer was checked before it was shown. */
    outputModerated: stage("output") !== undefined,
    outputFlagged: stage("output")?.flagged ?? false,
    /** The flagged categories of every stage, sorted and comma-separated ("" when none). */
    flaggedCategories: [...categories].sort().join(","),
    /** Some request reached the provider (false when input moderation refused the run). */
    requestSent: record.attempts.length > 0,
  };
}

/** The last user message read as a grounded prompt (shared/rag.ts's numbered passages), or null. */
function groundedPromptOf(request: ChatRequest) {
  const lastUser = [...request.messages].reverse().find((m) => m.role === "user");
  return lastUser ? parseGroundedPrompt(lastUser.content) : null;
}

/** Facts about retrieval-augmented prompts: passages supplied, and a rule for an absent answer. */
function groundingFacts(request: ChatRequest): NonNullable<Observation["facts"]> {
  const grounded = groundedPromptOf(request);
  const instructions = request.messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => m.content).join("\n");
  return {
    /** The last user message holds numbered context passages and a question. */
    groundedPrompt: grounded !== null,
    passages: grounded?.passages.length ?? 0,
    /** The system or developer message says what to answer when the passages lack the answer. */
    notFoundRule: /\bnot found\b/i.test(instructions),
  };
}

/** Facts about an answer's grounding: its [n] citations, whether they exist, and "not found". */
function answerFacts(request: ChatRequest, output: string): NonNullable<Observation["facts"]> {
  const cited = citationsOf(output);
  const passages = groundedPromptOf(request)?.passages.length ?? 0;
  return {
    /** Distinct passage numbers cited as [n]. */
    citations: cited.length,
    /** Every citation names a passage of the prompt (true when there is none to check). */
    citationsValid: cited.every((n) => n >= 1 && n <= passages),
    saysNotFound: saysNotFound(output),
  };
}

/** Tags that can wrap untrusted text, when an instruction message declares them to hold data. */
const DATA_TAGS = ["untrusted", "document", "data", "user_input"];
/** Wording that declares tagged text to be data rather than instructions. */
const DATA_DECLARATION = /\b(?:is data|as data|only data|never follow|do not follow|don't follow|never obey|do not obey|not instructions)\b/i;
/** A secret the instructions state: "The staff discount code is DOJO-STAFF-7Q4K", "password: x9-...". */
const STATED_SECRET = /\b(?:code|password|passcode|secret|key|token|pin)\s*(?:is|:|=)\s*["'`]?([A-Za-z0-9][A-Za-z0-9_-]{3,})/gi;
/** Classic injection wording: overriding earlier rules, "new instructions", a new persona, extracting the prompt. */
const INJECTION_PHRASES = [
  /\b(?:ignore|disregard|forget)\b[^.!?\n]{0,30}\b(?:previous|prior|above|earlier|preceding|all|your|the)\b[^.!?\n]{0,20}\b(?:instructions|rules|directions|guidelines|prompt)\b/i,
  /\bnew instructions\b/i,
  /\b(?:you are now|pretend (?:to be|you are)|from now on you are)\b/i,
  /\b(?:repeat|reveal|print|recite)\b[^.!?\n]{0,30}\b(?:your|the) (?:instructions|system prompt|rules)\b/i,
];

const isInstruction = (m: ChatRequest["messages"][number]) => m.role === "system" || m.role === "developer";

/**
 * The secret the system or developer messages hold, or null. A value needs a digit, "-" or "_",
 * so ordinary prose ("the key is patience") is not taken for one.
 */
function instructionSecret(request: ChatRequest): string | null {
  const text = request.messages.filter(isInstruction).map((m) => m.content ?? "").join("\n");
  for (const m of text.matchAll(STATED_SECRET)) if (/[0-9_-]/.test(m[1] ?? "")) return m[1] ?? null;
  return null;
}

/**
 * Facts for the prompt-injection lessons: whether untrusted text is fenced off as data, whether
 * the request carries injection wording, and whether the answer gave away the instructions' secret.
 */
function injectionFacts(request: ChatRequest, answer: string, toolArguments: readonly string[]): NonNullable<Observation["facts"]> {
  const instructions = request.messages.filter(isInstruction).map((m) => m.content ?? "");
  const declared = DATA_TAGS.filter((tag) => instructions.some((t) => t.toLowerCase().includes(`<${tag}>`) && DATA_DECLARATION.test(t)));
  const fenced = (text: string) => declared.some((tag) => new RegExp(`<${tag}>\\s*\\S[\\s\\S]*?</${tag}>`, "i").test(text));
  const secret = instructionSecret(request);
  // The secret must come from the instructions: a user who typed it in cannot "leak" it.
  const suppliedElsewhere = secret !== null && request.messages.some((m) => !isInstruction(m) && containsSecret(m.content ?? "", secret));
  return {
    /** Untrusted text sits in a user or tool message inside a tag the instructions declare to be data. */
    untrustedDelimited: request.messages.some((m) => (m.role === "user" || m.role === "tool") && fenced(m.content ?? "")),
    /** A non-assistant message carries injection wording ("ignore previous instructions", "you are now"...). */
    injectionPhrase: request.messages.some((m) => m.role !== "assistant" && INJECTION_PHRASES.some((re) => re.test(m.content ?? ""))),
    /** The system or developer messages state a secret (a code, password, key or token). */
    instructionsHoldSecret: secret !== null,
    /** That secret is recoverable from the answer or a tool call's arguments (plain, re-spaced or simply encoded). */
    secretLeaked: secret !== null && !suppliedElsewhere && [answer, ...toolArguments].some((text) => revealsSecret(text, secret)),
  };
}

/** Milliseconds a first attempt may wait for its response headers before the start counts as slow. */
export const SLOW_FIRST_BYTE_MS = 10_000;

/** The longest idle timeout that still counts as quick: a stall is noticed within seconds, not half a minute. */
export const QUICK_IDLE_TIMEOUT_MS = 5_000;

/** Facts of the client policy's work in the run: its back-off waits and the timeout it ran under. */
function policyFacts(record: RunRecord, contentChunkCount: number): NonNullable<Observation["facts"]> {
  const backoff = record.attempts.filter((a) => a.waitReason === "backoff").map((a) => a.waitMs ?? 0);
  return {
    /** Waits the client chose by its back-off (not by a retry-after). */
    backoffWaits: backoff.length,
    /** Waits the server's retry-after decided. */
    retryAfterWaits: record.attempts.filter((a) => a.waitReason === "retry-after").length,
    /** At least two back-off waits, each at least as long as the one before (exponential growth, jitter allowed). */
    backoffGrew: backoff.length >= 2 && backoff.every((w, i) => i === 0 || w >= backoff[i - 1]!),
    /** The idle timeout the run was sent under (null in older records). */
    idleTimeoutMs: record.policy?.idleTimeoutMs ?? null,
    quickIdleTimeout: record.policy ? record.policy.idleTimeoutMs <= QUICK_IDLE_TIMEOUT_MS : false,
    /** The stream started, then a timeout stopped it with the partial answer kept. */
    stalledStreamStopped: record.error?.kind === "timeout" && contentChunkCount > 0,
  };
}

/** Facts for the reliability lessons: how the run failed, whether that is worth a retry, retry-after. */
function reliabilityFacts(record: RunRecord): NonNullable<Observation["facts"]> {
  const error = record.error;
  const first = record.attempts[0];
  let failureRetryable: boolean | null = null;
  if (error) {
    // Timeouts and dropped connections are transient; an HTTP error follows the client policy's rule.
    if (error.kind === "timeout" || error.kind === "network") failureRetryable = true;
    else if (error.status !== null) failureRetryable = retryable({ status: error.status, code: error.code, shouldRetry: null, retryAfterMs: null, message: error.message }).ok;
    else failureRetryable = false;
  }
  return {
    /** The kind of the run's error ("rate_limited", "quota", "server", "timeout"...), null when it answered. */
    errorKind: error?.kind ?? null,
    /** Whether a client should retry the failure (null when the run did not fail). */
    failureRetryable,
    /** Some attempt's response said how long to wait (retry-after or retry-after-ms). */
    retryAfterSeen: record.attempts.some((a) => a.retryAfter !== null),
    /** Some attempt got an HTTP error status (400 or more): the server answered, with a refusal. */
    errorStatusSeen: record.attempts.some((a) => a.status !== null && a.status >= 400),
    /**
     * The first attempt met a server slow to start: its response headers took SLOW_FIRST_BYTE_MS or
     * more, or a timeout (or the deadline) cut it off before any response.
     */
    slowFirstByte: first ? (first.status === null ? error?.kind === "timeout" : first.durationMs >= SLOW_FIRST_BYTE_MS) : false,
  };
}

/** How many streamed chunks (Chat Completions) or output_text.delta events (Responses) carried answer text. */
function contentChunks(record: RunRecord): number {
  let n = 0;
  for (const chunk of record.chunks) {
    const data = chunk.data as { choices?: { delta?: { content?: unknown } }[]; type?: unknown; delta?: unknown } | null;
    if (data?.type === "response.output_text.delta" && typeof data.delta === "string" && data.delta.length > 0) n += 1;
    else if (data?.choices?.some((c) => typeof c.delta?.content === "string" && c.delta.content.length > 0)) n += 1;
  }
  return n;
}

/**
 * The observation of a finished or failed run. A failed run observes no output and no
 * finish_reason, and carries its error, so output checks fail with a reason.
 */
export function observeRunRecord(record: RunRecord, costUsd: number | null): Observation {
  const chunks = contentChunks(record);
  const answer = record.result?.choices.find((c) => c.index === 0)?.content ?? "";
  const facts = {
    ...requestFacts(record.request),
    simulatorFailure: record.simulatorFailure ?? "none",
    failed: record.error !== null,
    stopped: record.result?.stopped ?? false,
    contentChunks: chunks,
    multipleChunks: chunks > 1,
    ...answerFacts(record.request, answer),
    ...safetyAndFallbackFacts(record, answer),
    ...injectionFacts(record.request, answer, record.result?.choices.find((c) => c.index === 0)?.toolCalls.map((t) => t.arguments) ?? []),
    ...reliabilityFacts(record),
    ...policyFacts(record, chunks),
  };
  if (record.result) return observationFromRun(record.result, { costUsd, facts });
  return observationFromRun({ choices: [], usage: null, metrics: record.metrics }, { costUsd: null, error: record.error?.message ?? "the run failed", facts });
}

/** An Embeddings lab result as the main side keeps it: the texts and their vectors (rows of `dimensions`). */
export interface EmbeddingsSnapshot {
  jobId: string;
  model: string;
  dimensions: number;
  /** The provider kind that made the vectors ("simulator", "openai", "compatible"). */
  providerKind: string;
  texts: readonly string[];
  vectors: Float32Array;
}

/** What the probes measured: the observation to grade, and one sentence per probe with its figures. */
export interface EmbeddingsObservation {
  observation: Observation;
  notes: Record<string, string>;
}

const sameText = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();
const shortText = (text: string) => JSON.stringify(text.length > 50 ? `${text.slice(0, 49)}…` : text);

/**
 * Measures an embeddings result with an exercise's probes. A query is looked up among the set's
 * texts (and then left out of the ranking), else among `searches`: lone texts embedded in the same
 * space, as the lab's search box does. Facts: model, dimensions, textCount, provider, and each
 * probe's name (true, false, or null when a text it needs is missing).
 */
export function observeEmbeddings(set: EmbeddingsSnapshot, probes: readonly EmbeddingProbe[], searches: readonly EmbeddingsSnapshot[] = []): EmbeddingsObservation {
  const dims = set.dimensions;
  // Normalised copies, so dot products are cosines and the kept result is left untouched.
  const rows = set.vectors.slice();
  normalizeRows(rows, dims);
  // Texts and queries match ignoring case and spacing: typing "leave  carry forward" is the same search.
  const keys = set.texts.map(sameText);
  const indexOf = (text: string) => keys.indexOf(sameText(text));
  const rowOf = (i: number) => rows.subarray(i * dims, (i + 1) * dims);
  const cos = (i: number, j: number) => dotAt(rows, i * dims, rows, j * dims, dims);
  const queryVector = (query: string): { vector: Float32Array; exclude: number } | null => {
    const own = indexOf(query);
    if (own >= 0) return { vector: rowOf(own), exclude: own };
    const inSpace = searches.filter((s) => s.model === set.model && s.dimensions === dims && s.providerKind === set.providerKind);
    const search = inSpace.find((s) => s.texts.some((t) => sameText(t) === sameText(query)));
    if (!search) return null;
    const at = search.texts.findIndex((t) => sameText(t) === sameText(query));
    const vector = search.vectors.slice(at * dims, (at + 1) * dims);
    normalizeRows(vector, dims);
    return { vector, exclude: -1 };
  };
  const keywords = createKeywordIndex(set.texts);
  const facts: NonNullable<Observation["facts"]> = { model: set.model, dimensions: dims, textCount: set.texts.length, provider: set.providerKind };
  const notes: Record<string, string> = {};

  for (const probe of probes) {
    if (probe.kind === "closer") {
      const [a, near, far] = [indexOf(probe.anchor), indexOf(probe.nearer), indexOf(probe.farther)];
      const missing = [probe.anchor, probe.nearer, probe.farther].filter((_, i) => [a, near, far][i]! < 0);
      if (missing.length) {
        facts[probe.name] = null;
        notes[probe.name] = `not among the embedded texts: ${missing.map(shortText).join(", ")}`;
        continue;
      }
      const [toNear, toFar] = [cos(a, near), cos(a, far)];
      facts[probe.name] = toNear > toFar;
      notes[probe.name] = `similarity to ${shortText(probe.nearer)} is ${toNear.toFixed(3)}, to ${shortText(probe.farther)} ${toFar.toFixed(3)}`;
      continue;
    }
    const expect = indexOf(probe.expect);
    if (expect < 0) {
      facts[probe.name] = null;
      notes[probe.name] = `${shortText(probe.expect)} is not among the embedded texts`;
      continue;
    }
    let ranked: number[];
    if (probe.kind === "semantic-top") {
      const query = queryVector(probe.query);
      if (!query) {
        facts[probe.name] = null;
        notes[probe.name] = `the query ${shortText(probe.query)} was neither embedded nor searched for with this model and width`;
        continue;
      }
      ranked = searchTopK(rows, dims, query.vector, probe.k, query.exclude).map((hit) => hit.index);
    } else {
      const own = indexOf(probe.query);
      ranked = keywords
        .search(probe.query, probe.k + 1)
        .map((hit) => hit.index)
        .filter((i) => i !== own)
        .slice(0, probe.k);
    }
    facts[probe.name] = ranked.includes(expect);
    notes[probe.name] = ranked.length
      ? `the top ${probe.k} for ${shortText(probe.query)}: ${ranked.map((i) => shortText(set.texts[i]!)).join(", ")}`
      : `no text matched ${shortText(probe.query)}`;
  }

  const output = Object.entries(notes).map(([name, note]) => `${name}: ${note}`).join("\n");
  return {
    observation: { output, toolCalls: [], finishReason: null, usage: null, costUsd: null, latencyMs: null, attempts: 0, error: null, facts },
    notes,
  };
}
