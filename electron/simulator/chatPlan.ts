// Main process (simulator): turns a validated chat request into the full answer (choices, finish
// reasons, logprobs, usage) before anything is sent, so streamed and plain responses agree.
import { randomInt, randomUUID } from "node:crypto";
import { composeAnswer } from "./answer";
import type { ChatParams } from "./chatParams";
import { conversationHints } from "./conversationHints";
import { generateInstance } from "./jsonInstance";
import { classificationAnswer } from "./instructionLabels";
import { withConceptLabels } from "./labelChoice";
import { tokenLogprobs, type TokenLogprob } from "./logprobs";
import { createRng, hashString, type Rng } from "./random";
import { planToolCalls, type PlannedToolCall } from "./toolCalls";
import { countPromptTokens, countTokens, splitTokens, truncateToTokens } from "./tokens";
import { contentWords } from "./words";

/** Why a choice ended, as the spec names it. */
export type FinishReason = "stop" | "length" | "tool_calls";

/** One choice of the answer. */
export interface PlannedChoice {
  index: number;
  /** null when the choice is tool calls only. */
  content: string | null;
  /** The content split on token boundaries, for streaming. */
  pieces: string[];
  toolCalls: PlannedToolCall[];
  finishReason: FinishReason;
  logprobs: TokenLogprob[] | null;
}

/** Token usage in the spec's CompletionUsage shape. */
export interface UsageBody {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; audio_tokens: number };
  completion_tokens_details: {
    reasoning_tokens: number;
    audio_tokens: number;
    accepted_prediction_tokens: number;
    rejected_prediction_tokens: number;
  };
}

/** Everything the response will contain. */
export interface ChatPlan {
  id: string;
  created: number;
  model: string;
  choices: PlannedChoice[];
  usage: UsageBody;
}

/** Names the simulator in every completion, as the spec's (deprecated) system_fingerprint field allows. */
export const SYSTEM_FINGERPRINT = "prompt-dojo-simulator";

/**
 * The generator for one choice. Temperature 0 ignores the seed (the same prompt always gives the
 * same answer); with a seed the answer repeats for the same seed and temperature; without one each
 * run draws fresh randomness, whose effect on the text grows with the temperature.
 */
function choiceRng(params: ChatParams, index: number): Rng {
  const prompt = JSON.stringify([params.messages, params.responseFormat, params.tools, params.toolChoice]);
  if (params.temperature === 0) return createRng(hashString(prompt));
  if (params.seed !== null) return createRng(hashString(`${params.seed}|${params.temperature}|${index}|${prompt}`));
  return createRng(randomInt(2 ** 32));
}

function lastUserText(params: ChatParams): string {
  return [...params.messages].reverse().find((m) => m.role === "user")?.content ?? "";
}

/** The text the format asks for, before stop sequences and token limits. */
function draftText(params: ChatParams, rng: Rng): string {
  const format = params.responseFormat;
  if (format.type === "json_schema") {
    // Enum labels are chosen by concept match with the instructions' label descriptions (labelChoice.ts).
    const instructions = params.messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => m.content).join("\n");
    const input = lastUserText(params);
    return JSON.stringify(generateInstance(format.schema, withConceptLabels(conversationHints(input), input, instructions)));
  }
  // A plain classification request answers with the label its instructions list (instructionLabels.ts).
  const labelled = format.type === "text" && !params.messages.some((m) => m.role === "tool") ? classificationAnswer(params.messages) : null;
  if (labelled) return labelled;
  const answer = composeAnswer(params.messages, rng, params.temperature, params.tools.map((t) => t.name));
  if (format.type === "json_object") {
    return JSON.stringify({ simulated: true, answer, keywords: [...new Set(contentWords(lastUserText(params)))].slice(0, 5) });
  }
  return answer;
}

/** Cuts text before the earliest stop sequence; the sequence itself is never returned. */
function applyStop(text: string, stop: readonly string[]): { text: string; stopped: boolean } {
  let cut = -1;
  for (const s of stop) {
    const at = text.indexOf(s);
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  return cut < 0 ? { text, stopped: false } : { text: text.slice(0, cut), stopped: true };
}

/** Cuts tool-call arguments to the token budget, in order, like a model running out of tokens. */
function capToolCalls(calls: PlannedToolCall[], maxTokens: number | null): { calls: PlannedToolCall[]; cut: boolean } {
  if (maxTokens === null) return { calls, cut: false };
  let budget = maxTokens;
  const out: PlannedToolCall[] = [];
  for (const call of calls) {
    if (budget <= 0) return { calls: out, cut: true };
    const { text, truncated } = truncateToTokens(call.arguments, budget);
    out.push({ ...call, arguments: text });
    if (truncated) return { calls: out, cut: true };
    budget -= countTokens(call.arguments);
  }
  return { calls: out, cut: false };
}

function planChoice(params: ChatParams, index: number, alternatives: readonly string[]): PlannedChoice {
  const rng = choiceRng(params, index);
  const calls = planToolCalls(params, rng);
  if (calls.length) {
    const { calls: capped, cut } = capToolCalls(calls, params.maxTokens);
    return { index, content: null, pieces: [], toolCalls: capped, finishReason: cut ? "length" : "tool_calls", logprobs: params.logprobs ? [] : null };
  }
  let finishReason: FinishReason = "stop";
  let { text } = applyStop(draftText(params, rng), params.stop);
  if (params.maxTokens !== null) {
    const capped = truncateToTokens(text, params.maxTokens);
    text = capped.text;
    if (capped.truncated) finishReason = "length";
  }
  const pieces = splitTokens(text);
  const logprobs = params.logprobs ? tokenLogprobs(pieces, params.topLogprobs, params.temperature, alternatives) : null;
  return { index, content: text, pieces, toolCalls: [], finishReason, logprobs };
}

/** Builds the whole answer for a request. */
export function planChat(params: ChatParams): ChatPlan {
  const alternatives = params.logprobs ? splitTokens(params.messages.map((m) => m.content).join(" ")).slice(0, 400) : [];
  const choices = Array.from({ length: params.n }, (_, i) => planChoice(params, i, alternatives));
  const extra = [
    params.tools.length ? JSON.stringify(params.tools) : "",
    params.responseFormat.type === "json_schema" ? JSON.stringify(params.responseFormat.schema) : "",
  ].join("");
  const promptTokens = countPromptTokens(params.messages, extra);
  const completionTokens = choices.reduce(
    (sum, c) => sum + countTokens(c.content ?? "") + c.toolCalls.reduce((s, t) => s + countTokens(t.name) + countTokens(t.arguments), 0),
    0,
  );
  return {
    id: `chatcmpl-${randomUUID().replace(/-/g, "")}`,
    created: Math.floor(Date.now() / 1000),
    model: params.model,
    choices,
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
  };
}
