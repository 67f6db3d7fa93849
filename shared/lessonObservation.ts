// Both processes: what a lesson exercise is graded on: a run record turned into the assertion
// engine's Observation, plus facts about the request the learner built (its roles, limits, model).
import type { Observation } from "./assertions";
import type { ChatRequest } from "./chatRequest";
import { observationFromRun } from "./observation";
import type { RunRecord } from "./runRecord";

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
  };
}

/** How many streamed chunks carried answer text. */
function contentChunks(record: RunRecord): number {
  let n = 0;
  for (const chunk of record.chunks) {
    const choices = (chunk.data as { choices?: { delta?: { content?: unknown } }[] } | null)?.choices;
    if (choices?.some((c) => typeof c.delta?.content === "string" && c.delta.content.length > 0)) n += 1;
  }
  return n;
}

/**
 * The observation of a finished or failed run. A failed run observes no output and no
 * finish_reason, and carries its error, so output checks fail with a reason.
 */
export function observeRunRecord(record: RunRecord, costUsd: number | null): Observation {
  const chunks = contentChunks(record);
  const facts = {
    ...requestFacts(record.request),
    simulatorFailure: record.simulatorFailure ?? "none",
    failed: record.error !== null,
    stopped: record.result?.stopped ?? false,
    contentChunks: chunks,
    multipleChunks: chunks > 1,
  };
  if (record.result) return observationFromRun(record.result, { costUsd, facts });
  return observationFromRun({ choices: [], usage: null, metrics: record.metrics }, { costUsd: null, error: record.error?.message ?? "the run failed", facts });
}
