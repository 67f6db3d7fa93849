// Main process (simulator): the form a prompt asks its answer to take ("in 5 bullets", "one
// sentence", "in 20 words", "a detailed guide", "summarise in 3 sentences"), read by fixed rules.

/** What the answer must look like; null fields mean the prompt did not say. */
export interface AnswerForm {
  /** "bullets" (a list), "sentences", "words" (a word budget), "long" (structured Markdown), or "plain". */
  shape: "bullets" | "sentences" | "words" | "long" | "plain";
  /** How many bullets, sentences or words were asked for. */
  count: number | null;
  /** "in N words" means exactly N; "under / at most N words" means N at most. */
  exact: boolean;
  /** The prompt asks for a summary: the answer picks the text's own most central sentences. */
  summary: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15, twenty: 20,
};
const COUNT = String.raw`(\d+|a single|one|a|an|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)`;

function countOf(word: string | undefined): number | null {
  if (!word) return null;
  const lower = word.toLowerCase().replace(/^a single$/, "single");
  const n = /^\d+$/.test(lower) ? Number(lower) : NUMBER_WORDS[lower];
  return n !== undefined && n > 0 ? n : null;
}

/** Word budgets at or above this ask for a long text, not a short one. */
const LONG_WORDS = 300;
const LONG_KINDS = String.raw`(guide|essay|report|article|tutorial|walkthrough|write-?up|white ?paper|handbook|manual|playbook|deep[- ]dive|blog post|overview|explanation|answer|description|documentation)`;

/**
 * The form `instructions` (the system prompt and the last user message, joined) ask for. Bullets,
 * sentences and word budgets win over "long" when both are named ("a detailed answer in 3 bullets").
 */
export function detectForm(instructions: string): AnswerForm {
  const text = instructions.replace(/\s+/g, " ");
  const summary = /\b(summari[sz]e|summary|summarising|summarizing|tl;?dr|sum up|recap)\b/i.test(text);
  const form = (shape: AnswerForm["shape"], count: number | null, exact = true): AnswerForm => ({ shape, count, exact, summary });

  const words = new RegExp(`\\b(in|under|within|at most|no more than|fewer than|less than|max(?:imum)?(?: of)?|up to|exactly|around|about)?\\s*${COUNT}[- ]words?\\b`, "i").exec(text);
  const wordCount = countOf(words?.[2]);
  if (wordCount !== null && wordCount >= LONG_WORDS) return form("long", wordCount, false);
  // "5 bullets" is unambiguous; "3 reasons" asks for a list only after a verb or preposition
  // ("give 3 reasons", "in 3 steps"), not in a story ("I ordered two items").
  const bullets =
    new RegExp(`\\b${COUNT}\\s+(?:short\\s+|key\\s+|main\\s+)?bullet(?:[- ]?points?)?s?\\b`, "i").exec(text) ??
    new RegExp(`\\b(?:give|list|name|write|suggest|provide|share|offer|outline|include|in|with|as|into|top)\\s+(?:me\\s+|us\\s+|the\\s+)?${COUNT}\\s+(?:short\\s+|key\\s+|main\\s+|quick\\s+)?(?:points|items|tips|ideas|reasons|steps|takeaways|options|ways|examples)\\b`, "i").exec(text);
  if (bullets && countOf(bullets[1]) !== null) return form("bullets", countOf(bullets[1]));
  if (/\b(bullet(?:ed)?[- ]?(?:points?|list)?|as a list|in a list|list of)\b/i.test(text)) return form("bullets", null);
  const sentences = new RegExp(`\\b(?:in|with|as|using|into|to|of)?\\s*${COUNT}\\s+(?:short\\s+|brief\\s+|concise\\s+)?sentences?\\b`, "i").exec(text);
  if (sentences && countOf(sentences[1]) !== null) return form("sentences", countOf(sentences[1]));
  if (wordCount !== null) return form("words", wordCount, !words?.[1] || /^(in|exactly)$/i.test(words[1]));
  // The adjective must qualify the kind of text ("a long, detailed guide"), so "How long does
  // shipping take? ... answer the question" is not a request for a long answer.
  const detailed = new RegExp(`\\b(detailed|in[- ]depth|comprehensive|thorough|long|lengthy|extensive|step[- ]by[- ]step|complete|full)\\s+(?:[\\p{L},-]+\\s+){0,2}${LONG_KINDS}\\b`, "iu");
  const written = new RegExp(`\\b(write|draft|produce|create|compose|prepare)\\s+(?:me\\s+|us\\s+)?(?:[\\p{L},-]+\\s+){0,3}(guide|essay|report|article|tutorial|walkthrough|write-?up|white ?paper|handbook|playbook|blog post)\\b`, "iu");
  if (detailed.test(text) || written.test(text)) return form("long", null, false);
  return form("plain", null, false);
}
