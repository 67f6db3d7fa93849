// Main process (simulator): answers in the form the prompt asked for (N bullets, N sentences, N
// words, an extractive summary), built only from the prompt's own sentences and labelled simulated.
import type { AnswerForm } from "./answerForm";
import { contentWords, sentences, words } from "./words";

/** A shaped answer and the note that says how it was made. */
export interface ShapedAnswer {
  text: string;
  note: string;
}

/** Default counts when the prompt names a form but no number. */
const DEFAULT_BULLETS = 4;
const DEFAULT_SUMMARY_SENTENCES = 3;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A sentence without its closing punctuation, so it can be joined or listed. */
function bare(sentence: string): string {
  return sentence.trim().replace(/[.!?;:,]+["'’”)\]]*$/, "").trim();
}

/** Clauses of a sentence (split at commas, semicolons and "and"/"but"), for lists longer than the sentences. */
function clauses(sentence: string): string[] {
  return bare(sentence)
    .split(/\s*[;,]\s*|\s+(?:and|but|while|whereas)\s+/i)
    .map((c) => c.trim())
    .filter((c) => words(c).length >= 3);
}

const capitalise = (text: string) => (text ? text[0]!.toUpperCase() + text.slice(1) : text);

/**
 * The most central sentences of `text`, in their original order: each sentence scores the
 * average frequency of its content words across the whole text (classic frequency-based
 * extraction), so sentences about what the text keeps returning to come first.
 */
export function extractiveSummary(text: string, count: number): string[] {
  const all = sentences(text);
  const frequency = new Map<string, number>();
  for (const w of contentWords(text)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const scored = all.map((s, order) => {
    const ws = contentWords(s);
    const score = ws.reduce((sum, w) => sum + (frequency.get(w) ?? 0), 0) / Math.sqrt(Math.max(ws.length, 1));
    return { s, order, score };
  });
  const chosen = [...scored].sort((a, b) => b.score - a.score || a.order - b.order).slice(0, count);
  return chosen.sort((a, b) => a.order - b.order).map((c) => c.s);
}

/** Exactly (or at most) `count` words from the sentences, in order, ending with a full stop. */
function wordBudget(candidates: readonly string[], count: number, exact: boolean, topics: readonly string[]): string {
  const pool = candidates.flatMap((s) => bare(s).split(/\s+/)).filter(Boolean);
  // Not enough words in the prompt: the topic words fill the rest, never invented ones.
  for (let i = 0; exact && pool.length < count && topics.length; i++) pool.push(topics[i % topics.length] as string);
  const chosen = pool.slice(0, count).map((w) => w.replace(/[.!?;:]+$/, ""));
  return chosen.length ? `${capitalise(chosen.join(" ").replace(/,$/, ""))}.` : "";
}

/**
 * The answer shaped as `form` asks, from `candidates` (the prompt's sentences, most relevant
 * first) or, for a summary, from `source` (the text to summarise). `topic` names what it is about.
 */
export function shapeAnswer(form: AnswerForm, candidates: readonly string[], source: string, topics: readonly string[]): ShapedAnswer {
  const topic = topics.slice(0, 3).join(", ");
  const about = topic ? ` about ${topic}` : "";
  if (form.summary && sentences(source).length) {
    const count = form.count ?? (form.shape === "bullets" ? DEFAULT_BULLETS : DEFAULT_SUMMARY_SENTENCES);
    if (form.shape === "words") {
      const picked = extractiveSummary(source, sentences(source).length);
      return { text: wordBudget(picked, count, form.exact, topics), note: `Simulated: extractive summary cut to ${plural(count, "word")} of the text's own sentences` };
    }
    const picked = extractiveSummary(source, count);
    const note = `Simulated: extractive summary, ${plural(picked.length, "sentence")} picked from the text by word frequency`;
    if (form.shape === "bullets") return { text: `Simulated summary:\n${picked.map((s) => `- ${bare(s)}`).join("\n")}`, note };
    return { text: `Simulated summary: ${picked.map((s) => `${bare(s)}.`).join(" ")}`, note };
  }
  if (form.shape === "bullets") {
    const count = form.count ?? Math.min(DEFAULT_BULLETS, Math.max(candidates.length, 1));
    const items = [...new Set([...candidates.map(bare), ...candidates.flatMap(clauses)])].filter(Boolean);
    // Fewer sentences than bullets asked for: the remaining bullets name the prompt's topic words.
    for (let i = 0; items.length < count && i < topics.length; i++) items.push(`${capitalise(topics[i] as string)} (named in the prompt; the simulator has nothing more on it)`);
    while (items.length < count) items.push(`Point ${items.length + 1}: the prompt holds nothing more to list`);
    return {
      text: `Simulated answer${about}:\n${items.slice(0, count).map((s) => `- ${capitalise(s)}`).join("\n")}`,
      note: `Simulated: ${plural(count, "bullet")} built from the prompt's sentences`,
    };
  }
  if (form.shape === "sentences") {
    const count = form.count ?? 1;
    const picked = candidates.slice(0, count).map(bare);
    while (picked.length < count) picked.push(picked.length ? `It was also about ${topics[picked.length % Math.max(topics.length, 1)] ?? "the request"}` : `The prompt is about ${topic || "nothing the simulator can name"}`);
    return {
      text: `Simulated answer: ${picked.map((s, i) => `${i === 0 ? s : capitalise(s)}.`).join(" ")}`,
      note: `Simulated: ${plural(count, "sentence")} taken from the prompt`,
    };
  }
  if (form.summary && form.shape === "plain") {
    // "Summarise the handbook." with no handbook: say so rather than answer with nothing.
    return {
      text: `Simulated summary${about}: the prompt holds no text to summarise besides the request itself, so there is nothing to extract. (No model was involved.)`,
      note: "Simulated: a summary was asked for but the prompt holds no text to summarise",
    };
  }
  const count = form.count ?? 20;
  const budgeted = wordBudget(candidates, count, form.exact, topics);
  if (!budgeted) return { text: "Simulated answer: the prompt holds no words to answer with.", note: "Simulated: the prompt holds no sentence to take words from" };
  return { text: budgeted, note: `Simulated: ${form.exact ? "" : "at most "}${plural(count, "word")} taken from the prompt's sentences` };
}
