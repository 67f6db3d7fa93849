// Main process (simulator): the text answer, built from the prompt's own sentences by fixed rules
// and labelled as simulated, so nobody mistakes it for a model's answer.
import { detectForm } from "./answerForm";
import type { SimMessage } from "./chatParams";
import { shapeAnswer } from "./formAnswer";
import { groundedAnswer } from "./groundedAnswer";
import { analyseInjection, injectionAnswer } from "./injection";
import { LONG_ANSWER_TOKENS, longAnswer } from "./longAnswer";
import { pick, shuffle, type Rng } from "./random";
import { contentWords, sentences } from "./words";

/** A text answer and the note that says, in the simulator's own words, how it was made. */
export interface PlannedAnswer {
  text: string;
  note: string;
}

/** What the answer may know of the request beyond its messages. */
export interface AnswerOptions {
  /** The request's output cap (max_completion_tokens), which a long answer fills; null when none. */
  maxTokens?: number | null;
}

const OPENERS = ["Simulated answer", "Simulated reply", "Simulator answer", "Simulated response"];
const CLOSING = "(Assembled by the Prompt Dojo simulator from your prompt's own sentences; no model was involved.)";

/** The last user message's index, or -1. */
function lastUserIndex(messages: readonly SimMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.role === "user") return i;
  return -1;
}

/** Joins words as "a", "a and b", "a, b and c". */
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Distinct items, first occurrence kept. */
function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Opener chosen by temperature: at 0 always the first, higher temperatures vary it more often. */
function opener(rng: Rng, temperature: number): string {
  return rng() < temperature / 2 ? pick(rng, OPENERS) : (OPENERS[0] as string);
}

/** Tool results that arrived after the last user message, with the name of the tool that produced each. */
function toolResults(messages: readonly SimMessage[]): { name: string; content: string }[] {
  const start = lastUserIndex(messages);
  const names = new Map<string, string>();
  for (const m of messages) for (const call of m.toolCalls ?? []) names.set(call.id, call.name);
  return messages
    .slice(start + 1)
    .filter((m) => m.role === "tool")
    .map((m) => ({ name: names.get(m.toolCallId ?? "") ?? "the tool", content: m.content.replace(/\s+/g, " ").trim() }));
}

/** Words that ask for a form, not what the answer is about ("a detailed guide", "5 bullets"). */
const FORM_WORDS = new Set(
  ("list bullet bullets point points sentence sentences word words write detailed guide essay report article tutorial walkthrough " +
    "summarise summarize summary describe long short brief in-depth comprehensive thorough extensive step-by-step code example examples " +
    "give provide draft produce create compose prepare reply respond concise lengthy complete full").split(" "),
);

/** The sentences that state the answer's form ("Answer in 3 bullets.") are instructions, not content. */
function isFormInstruction(sentence: string): boolean {
  const form = detectForm(sentence);
  return form.shape !== "plain" || form.summary;
}

/**
 * Builds the text answer for a conversation. Deterministic for a given generator; `temperature`
 * widens the choices (opener, which sentences, their order), as a sampling temperature would.
 * Grounded prompts are answered by groundedAnswer, the same at every temperature. An injected
 * instruction (injection.ts: rules documented there) decides the answer; `toolNames` are the tools
 * the request offers, which the tool-abuse technique needs. A form the prompt asks for (bullets,
 * sentences, a word budget, a long guide, a summary: answerForm.ts) shapes the answer.
 */
export function planAnswer(messages: readonly SimMessage[], rng: Rng, temperature: number, toolNames: readonly string[] = [], options: AnswerOptions = {}): PlannedAnswer {
  // A grounded RAG prompt (shared/rag.ts) gets an extract with citations, or NOT FOUND.
  const grounded = groundedAnswer(messages);
  if (grounded) {
    return {
      text: grounded,
      note: grounded.startsWith("NOT FOUND") ? "Simulated: no passage holds enough of the question's words, so NOT FOUND" : "Simulated: sentences quoted from the passages that cover the question, each cited",
    };
  }
  const injection = analyseInjection(messages, toolNames);
  // After an obeyed tool call's result came back, the turn answers from the result as usual.
  if (injection && !(injection.technique === "tool" && injection.obeyed && messages.at(-1)?.role === "tool")) {
    return { text: injectionAnswer(injection, messages), note: `Simulated: the prompt-injection rules decided this answer (${injection.obeyed ? "obeyed" : "resisted"})` };
  }
  const results = toolResults(messages);
  if (results.length) {
    const parts = results.map((r) => `${r.name} returned ${r.content.length > 300 ? `${r.content.slice(0, 300)}...` : r.content}`);
    return { text: `${opener(rng, temperature)}: based on the tool results, ${parts.join("; ")}. ${CLOSING}`, note: "Simulated: the answer restates the tool results" };
  }

  const userIndex = lastUserIndex(messages);
  const question = userIndex >= 0 ? (messages[userIndex]?.content ?? "") : "";
  const others = messages
    .filter((m, i) => i !== userIndex && m.role !== "tool" && m.content.trim())
    .map((m) => m.content);
  const instructions = [...messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => m.content), question].join("\n");
  const form = detectForm(instructions);
  const shaped = form.shape !== "plain" || form.summary;
  const keywords = unique(contentWords(question)).filter((w) => !shaped || !FORM_WORDS.has(w));
  const contextSentences = unique(others.flatMap(sentences)).filter((s) => !shaped || !isFormInstruction(s));
  const questionSentences = sentences(question).filter((s) => !shaped || !isFormInstruction(s));

  const contextWords = new Set(contextSentences.flatMap(contentWords));
  const known = keywords.filter((w) => contextWords.has(w));

  // Rank every sentence by the question's words it shares. Each sentence gets a random bump with
  // probability temperature/2, so at low temperatures answers rarely change and at 2 they vary freely.
  const keywordSet = new Set(keywords);
  const rank = (list: string[]) =>
    list
      .map((s, order) => {
        const overlap = unique(contentWords(s)).filter((w) => keywordSet.has(w)).length;
        return { s, order, score: overlap + (rng() < temperature / 2 ? rng() * 2 : 0) };
      })
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .map((r) => r.s);
  const topics = temperature > 0 && rng() < temperature / 2 ? shuffle(rng, keywords) : keywords;

  if (form.shape === "long") {
    const budget = options.maxTokens ?? LONG_ANSWER_TOKENS;
    return {
      text: longAnswer(instructions, topics, [...rank(questionSentences), ...rank(contextSentences)], budget, rng),
      note: `Simulated: long Markdown assembled from the prompt's topic words, up to ${options.maxTokens ? "the token cap" : `about ${LONG_ANSWER_TOKENS} tokens`}`,
    };
  }
  if (shaped) {
    // The text to summarise is the longest message besides the instructions that ask for it.
    const source = [question, ...others].map((t) => sentences(t).filter((s) => !isFormInstruction(s)).join(" ")).sort((a, b) => b.length - a.length)[0] ?? "";
    return shapeAnswer(form, [...rank(contextSentences), ...rank(questionSentences)], source, topics);
  }

  const about = topics.length ? ` about ${listWords(topics.slice(0, 3))}` : "";
  const start = `${opener(rng, temperature)}${about}:`;

  if (keywords.length && contextSentences.length && !known.length) {
    // Nothing to extract from: say so, restate the request and the most relevant instruction.
    const told = rank(contextSentences)[0] ?? "";
    return {
      text:
        `${start} nothing else in the conversation mentions ${listWords(keywords.slice(0, 4))}, so the simulator can only ` +
        `restate the request: "${questionSentences.join(" ")}" It was also told: "${told}" ${CLOSING}`,
      note: "Simulated: nothing else in the prompt mentions the question's words, so the request is restated",
    };
  }
  const count = 2 + (rng() < temperature / 3 ? 1 : 0);
  const chosen = [...rank(contextSentences), ...rank(questionSentences)].slice(0, count);
  const body = chosen.length ? chosen.join(" ") : "the prompt holds no sentence to draw from.";
  return { text: `${start} ${body} ${CLOSING}`, note: "Simulated: sentences of the prompt that share the question's words, restated" };
}

/** The text of planAnswer, for callers that need no note. */
export function composeAnswer(messages: readonly SimMessage[], rng: Rng, temperature: number, toolNames: readonly string[] = [], options: AnswerOptions = {}): string {
  return planAnswer(messages, rng, temperature, toolNames, options).text;
}
