// Main process (simulator): turns a validated chat request into the full answer (choices, finish
// reasons, logprobs, usage) before anything is sent, so streamed and plain responses agree.
import { randomUUID } from "node:crypto";
import { SIMULATED_NOTE_HEADER } from "../../shared/runRecord";
import { planAnswer } from "./answer";
import type { ChatParams } from "./chatParams";
import { conversationHints } from "./conversationHints";
import { classificationAnswer } from "./instructionLabels";
import { generateInstance, type InstanceHints } from "./jsonInstance";
import { jsonObjectFor, requestedKeys } from "./jsonObjectAnswer";
import { withConceptLabels } from "./labelChoice";
import { tokenLogprobs, type TokenLogprob } from "./logprobs";
import { createRng, hashString, systemSeeds, type Rng, type SeedSource } from "./random";
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
  /**
   * What the simulator did, in its own words ("Simulated: fields extracted from the input"), for
   * the first choice. The body's schema is strict, so this travels in the NOTE_HEADER header.
   */
  note: string;
}

/** The response header that carries the plan's note (ASCII only, as HTTP headers must be). */
export const NOTE_HEADER = SIMULATED_NOTE_HEADER;

/** Names the simulator in every completion, as the spec's (deprecated) system_fingerprint field allows. */
export const SYSTEM_FINGERPRINT = "prompt-dojo-simulator";

/**
 * The generator for one choice. Temperature 0 ignores the seed (the same prompt always gives the
 * same answer); with a seed the answer repeats for the same seed and temperature; without one each
 * run draws fresh randomness, whose effect on the text grows with the temperature.
 */
function choiceRng(params: ChatParams, index: number, seeds: SeedSource): Rng {
  const prompt = JSON.stringify([params.messages, params.responseFormat, params.tools, params.toolChoice]);
  if (params.temperature === 0) return createRng(hashString(prompt));
  if (params.seed !== null) return createRng(hashString(`${params.seed}|${params.temperature}|${index}|${prompt}`));
  return createRng(seeds());
}

function lastUserText(params: ChatParams): string {
  return [...params.messages].reverse().find((m) => m.role === "user")?.content ?? "";
}

/** Hints that remember which properties they found a value for, so the note can say how many. */
function countingHints(hints: InstanceHints): { hints: InstanceHints; found: Set<string> } {
  const found = new Set<string>();
  const seen = <T>(name: string, value: T | undefined): T | undefined => {
    if (value !== undefined && name) found.add(name);
    return value;
  };
  return {
    found,
    hints: {
      ...hints,
      stringFor: (name, format) => seen(name, hints.stringFor?.(name, format)),
      numberFor: (name) => seen(name, hints.numberFor?.(name)),
      booleanFor: (name) => seen(name, hints.booleanFor?.(name)),
      enumFor: (name, values) => seen(name, hints.enumFor?.(name, values)),
    },
  };
}

/** The text the format asks for, before stop sequences and token limits, and the note on how it was made. */
function draftText(params: ChatParams, rng: Rng): { text: string; note: string } {
  const format = params.responseFormat;
  const input = lastUserText(params);
  if (format.type === "json_schema") {
    // Enum labels are chosen by concept match with the instructions' label descriptions (labelChoice.ts);
    // the other fields are extracted from the input.
    const instructions = params.messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => m.content).join("\n");
    const labelled = new Set<string>();
    const { hints, found } = countingHints(withConceptLabels(conversationHints(input), input, instructions, (name) => labelled.add(name || "label")));
    const value = generateInstance(format.schema, hints);
    const extracted = [...found].filter((name) => !labelled.has(name));
    const parts = [
      labelled.size ? `label chosen by concept match (${[...labelled].slice(0, 4).join(", ")})` : "",
      extracted.length ? `fields extracted from the input (${extracted.slice(0, 8).join(", ")})` : "",
    ].filter(Boolean);
    return {
      text: JSON.stringify(value),
      note: parts.length
        ? `Simulated: ${parts.join("; ")}; the rest null or a placeholder`
        : "Simulated: the input states none of the schema's fields, so they are null or placeholders",
    };
  }
  // A plain classification request answers with the label its instructions list (instructionLabels.ts).
  const labelled = format.type === "text" && !params.messages.some((m) => m.role === "tool") ? classificationAnswer(params.messages) : null;
  if (labelled) return { text: labelled, note: "Simulated: label chosen by concept match with the labels the instructions list" };
  if (format.type === "json_object") {
    const instructions = params.messages.filter((m) => m.role === "system" || m.role === "developer" || m.role === "user").map((m) => m.content).join("\n");
    const keys = requestedKeys(instructions);
    if (keys.length) {
      return {
        text: JSON.stringify(jsonObjectFor(keys, input, conversationHints(input))),
        note: `Simulated: JSON keys taken from the prompt (${keys.slice(0, 8).join(", ")}), values from the input or null`,
      };
    }
    const answer = planAnswer(params.messages, rng, params.temperature, params.tools.map((t) => t.name));
    return {
      text: JSON.stringify({ simulated: true, answer: answer.text, keywords: [...new Set(contentWords(input))].slice(0, 5) }),
      note: "Simulated: the prompt names no keys, so the object holds the simulated answer and keywords",
    };
  }
  return planAnswer(params.messages, rng, params.temperature, params.tools.map((t) => t.name), { maxTokens: params.maxTokens });
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

function planChoice(params: ChatParams, index: number, alternatives: readonly string[], seeds: SeedSource): PlannedChoice & { note: string } {
  const rng = choiceRng(params, index, seeds);
  const calls = planToolCalls(params, rng);
  if (calls.length) {
    const { calls: capped, cut } = capToolCalls(calls, params.maxTokens);
    const note = `Simulated: ${calls.map((c) => c.name).join(", ")} chosen by the words of its name and description; arguments taken from the conversation`;
    return { index, content: null, pieces: [], toolCalls: capped, finishReason: cut ? "length" : "tool_calls", logprobs: params.logprobs ? [] : null, note };
  }
  let finishReason: FinishReason = "stop";
  const draft = draftText(params, rng);
  let { text } = applyStop(draft.text, params.stop);
  if (params.maxTokens !== null) {
    const capped = truncateToTokens(text, params.maxTokens);
    text = capped.text;
    if (capped.truncated) finishReason = "length";
  }
  const pieces = splitTokens(text);
  const logprobs = params.logprobs ? tokenLogprobs(pieces, params.topLogprobs, params.temperature, alternatives) : null;
  return { index, content: text, pieces, toolCalls: [], finishReason, logprobs, note: finishReason === "length" ? `${draft.note}; cut at the token cap` : draft.note };
}

/** The note as a header value: printable ASCII only (quotes and dashes folded), at most 300 characters. */
function asciiNote(note: string): string {
  return note
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/[^\x20-\x7e]/g, "?")
    .slice(0, 300);
}

/** Builds the whole answer for a request; `seeds` gives the fresh randomness of a run without a seed. */
export function planChat(params: ChatParams, seeds: SeedSource = systemSeeds): ChatPlan {
  const alternatives = params.logprobs ? splitTokens(params.messages.map((m) => m.content).join(" ")).slice(0, 400) : [];
  const planned = Array.from({ length: params.n }, (_, i) => planChoice(params, i, alternatives, seeds));
  const choices: PlannedChoice[] = planned.map(({ note: _note, ...choice }) => choice);
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
    note: asciiNote(planned[0]?.note ?? "Simulated"),
  };
}
