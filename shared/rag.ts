// Both processes: the grounded prompt of retrieval-augmented generation (numbered passages, cite
// them as [n], say NOT FOUND otherwise), its parser (the simulator answers from it), and the
// checks of an answer: every citation points at a passage; an absent answer is "not found".
import type { ChatMessage } from "./chatRequest";
import { terms } from "./keywordSearch";

/** What a grounded answer must say, exactly, when the passages do not hold the answer. */
export const NOT_FOUND = "NOT FOUND";

/** Marks the passages block and the question in the grounded prompt (the parser looks for them). */
const CONTEXT_HEADING = "Context passages:";
const QUESTION_HEADING = "Question:";

/** The instructions of the grounded prompt. */
export const GROUNDED_INSTRUCTIONS =
  "Answer the question using only the numbered context passages. After each sentence that uses a passage, " +
  "cite it with its number in square brackets, like [1] or [2]. Do not cite a number that is not listed. " +
  `If the passages do not contain the answer, reply exactly: ${NOT_FOUND}`;

/** A passage as the prompt numbers it: [1] is the first retrieved chunk. */
export interface Passage {
  text: string;
  /** Where it came from (a file name), shown to the model in parentheses. */
  source?: string;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** The grounded prompt: a system message with the rules, a user message with passages and question. */
export function buildGroundedMessages(question: string, passages: readonly Passage[]): ChatMessage[] {
  const listed = passages.map((p, i) => `[${i + 1}]${p.source ? ` (${oneLine(p.source)})` : ""} ${oneLine(p.text)}`);
  return [
    { role: "system", content: GROUNDED_INSTRUCTIONS },
    { role: "user", content: `${CONTEXT_HEADING}\n${listed.join("\n")}\n\n${QUESTION_HEADING} ${oneLine(question)}` },
  ];
}

/** The same question without retrieval, to compare answers side by side. */
export function buildPlainMessages(question: string): ChatMessage[] {
  return [
    { role: "system", content: "Answer the question concisely." },
    { role: "user", content: oneLine(question) },
  ];
}

/** A grounded prompt read back: the numbered passages (number from 1) and the question. */
export interface ParsedGroundedPrompt {
  passages: { n: number; text: string }[];
  question: string;
}

/** Reads a user message built by buildGroundedMessages; null for any other text. */
export function parseGroundedPrompt(content: string): ParsedGroundedPrompt | null {
  const contextAt = content.indexOf(CONTEXT_HEADING);
  const questionAt = content.lastIndexOf(`\n${QUESTION_HEADING}`);
  if (contextAt < 0 || questionAt < contextAt) return null;
  const question = content.slice(questionAt + QUESTION_HEADING.length + 1).trim();
  const passages: { n: number; text: string }[] = [];
  for (const line of content.slice(contextAt + CONTEXT_HEADING.length, questionAt).split("\n")) {
    const match = /^\[(\d+)\]\s*(?:\([^)]*\)\s*)?(.*)$/.exec(line.trim());
    if (match) passages.push({ n: Number(match[1]), text: match[2] ?? "" });
  }
  return question && passages.length ? { passages, question } : null;
}

/**
 * The share of the question's distinct terms (light-stemmed, function words left out) that occur
 * in `text`, from 0 to 1. Used to estimate whether a passage can answer a question.
 */
export function questionCoverage(question: string, text: string): number {
  const wanted = new Set(terms(question));
  if (!wanted.size) return 0;
  const present = new Set(terms(text));
  let found = 0;
  for (const t of wanted) if (present.has(t)) found++;
  return found / wanted.size;
}

/** Below this coverage no passage is taken to hold the answer. */
export const ANSWERABLE_COVERAGE = 0.5;

/**
 * A keyword estimate of whether the passages hold the answer: some passage contains at least half
 * of the question's terms. It can be wrong (synonyms, paraphrase); the UI says it is an estimate.
 */
export function answerLikelyPresent(question: string, passages: readonly { text: string }[]): boolean {
  return passages.some((p) => questionCoverage(question, p.text) >= ANSWERABLE_COVERAGE);
}

/** True when the answer says the passages do not hold it ("NOT FOUND", "the context does not contain..."). */
export function saysNotFound(answer: string): boolean {
  return /\bnot found\b/i.test(answer) || /\b(?:context|passages?) (?:does|do) not (?:contain|mention|say|include)\b/i.test(answer);
}

/** A piece of an answer: plain text, or one citation number. */
export type AnswerSegment = { kind: "text"; text: string } | { kind: "cite"; n: number };

/** Splits an answer into text and citations; "[1, 3]" gives two citations. */
export function splitCitations(answer: string): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  const pattern = /\[(\d+(?:\s*,\s*\d+)*)\]/g;
  let last = 0;
  for (let match = pattern.exec(answer); match; match = pattern.exec(answer)) {
    if (match.index > last) segments.push({ kind: "text", text: answer.slice(last, match.index) });
    for (const n of (match[1] ?? "").split(",")) segments.push({ kind: "cite", n: Number(n.trim()) });
    last = match.index + match[0].length;
  }
  if (last < answer.length) segments.push({ kind: "text", text: answer.slice(last) });
  return segments;
}

/** The distinct citation numbers of an answer, in order of first use. */
export function citationsOf(answer: string): number[] {
  const seen = new Set<number>();
  for (const s of splitCitations(answer)) if (s.kind === "cite") seen.add(s.n);
  return [...seen];
}

/** One check of an answer, as the RAG lab lists it. */
export interface AnswerCheck {
  id: "citations-valid" | "cites-sources" | "not-found-when-absent";
  label: string;
  ok: boolean;
  detail: string;
}

/** What the checks found. */
export interface AnswerReport {
  citations: number[];
  /** Citation numbers that point at no retrieved passage. */
  invalid: number[];
  notFound: boolean;
  checks: AnswerCheck[];
  ok: boolean;
}

/**
 * Checks a grounded answer against the `passageCount` passages it was given. `expectPresent` is
 * whether the answer is in the passages (answerLikelyPresent, or what the user knows).
 */
export function checkAnswer(answer: string, passageCount: number, expectPresent: boolean): AnswerReport {
  const citations = citationsOf(answer);
  const invalid = citations.filter((n) => !Number.isInteger(n) || n < 1 || n > passageCount);
  const notFound = saysNotFound(answer);
  const checks: AnswerCheck[] = [
    {
      id: "citations-valid",
      label: "Every citation points at a retrieved chunk",
      ok: invalid.length === 0,
      detail: invalid.length
        ? `${invalid.map((n) => `[${n}]`).join(", ")} ${invalid.length === 1 ? "is" : "are"} not among the ${passageCount} retrieved chunks.`
        : citations.length
          ? `${citations.map((n) => `[${n}]`).join(", ")} all point at retrieved chunks.`
          : "No citations to check.",
    },
    {
      id: "cites-sources",
      label: "An answer cites its chunks",
      ok: notFound || citations.length > 0,
      detail: notFound ? "The answer says not found, so it needs no citation." : citations.length ? `${citations.length} chunk(s) cited.` : "The answer cites no chunk.",
    },
    {
      id: "not-found-when-absent",
      label: 'Says "not found" exactly when the answer is absent',
      ok: expectPresent ? !notFound : notFound,
      detail: expectPresent
        ? notFound
          ? "The retrieved chunks seem to hold the answer (keyword estimate), yet the answer says not found."
          : "The retrieved chunks seem to hold the answer (keyword estimate), and the answer gives one."
        : notFound
          ? "No retrieved chunk seems to hold the answer (keyword estimate), and the answer says not found."
          : 'No retrieved chunk seems to hold the answer (keyword estimate), yet the answer did not say "not found".',
    },
  ];
  return { citations, invalid, notFound, checks, ok: checks.every((c) => c.ok) };
}
