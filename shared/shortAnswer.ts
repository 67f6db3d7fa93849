// Both processes: the rule grader for short answers. A question names its key points (`accept`:
// one regular expression per point, synonyms joined with |) and how many distinct points an answer
// must make (`need`: "name two" needs two). A point counts only as a whole word or phrase ("none"
// does not make the point "one", "context" does not make "text"), and only when the answer does not
// negate it: "never a string", "definitely not required", "don't parse it" leave the point unmade,
// and a point the question lists under `reject` ("raise the temperature") fails the answer outright.
// The verdict comes with a sentence for the learner saying what was missing or contradicted.
import { compileSafePattern, type PatternMatch } from "./regex/safePattern";

/** What a short question asks of an answer. */
export interface ShortRules {
  accept: readonly string[];
  /** Distinct key points required; 1 when absent. */
  need?: number | undefined;
  /** Statements that contradict the lesson: an answer making one is wrong. */
  reject?: readonly string[] | undefined;
}

/** The verdict on a short answer, with a reason a learner can act on. */
export interface ShortVerdict {
  correct: boolean;
  /** The key points made: their index in `accept` and the words of the answer that made them. */
  made: { point: number; text: string }[];
  feedback: string;
}

/** Words that negate what follows them within NEGATION_WINDOW words of the same clause. */
const NEGATORS = new Set([
  "not", "never", "no", "nor", "neither", "without", "unlike", "cannot", "nothing", "none", "nobody", "nowhere",
  "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "cant", "couldnt", "shouldnt", "mustnt", "neednt", "havent", "hasnt", "wouldnt",
]);
/** Two-word negators ("instead of required", "rather than auto", "no need to parse"). */
const NEGATING_PAIRS = new Set(["instead of", "rather than", "no need", "not need", "avoid using"]);
/** How many words before a point a negator still reaches: "never a JSON string" (3). */
export const NEGATION_WINDOW = 3;
/** What ends a clause, so "not X, but Y" leaves Y affirmed ("or" does not: "not X or Y" denies both). */
const CLAUSE_END = /[.;:!?,()[\]{}]|\s[-–—]\s|\b(?:but|and|so|because|since|then|though|although|however|yet|while|whereas|instead)\b/gi;
/** A point followed by a denial: "required is wrong", "string isn't right". */
const DENIED_AFTER = /^\s*(?:is|are|was|were)\s+(?:not|never|wrong|false|incorrect|irrelevant|unimportant|unnecessary|a myth)\b|^\s*(?:doesn't|does not|don't|do not|doesnt|dont)\s+(?:matter|count|apply|help|work|exist)\b|^\s*(?:isn't|aren't|isnt|arent)\b|^\s*(?:is|are)?\s*(?:wrong|false|incorrect)\b/i;

/** The answer as graded: straight apostrophes, single spaces. */
export function normaliseAnswer(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/\s+/g, " ").trim();
}

/** The same pattern, matched as whole words only. */
export function wholeWords(source: string): string {
  return `(?<!\\w)(?:${source})(?:\\b|(?<=\\W))`;
}

/** Whether the match at `start..end` is negated by the words before it or denied by those after. */
export function isNegated(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start);
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_END)) clauseStart = m.index + m[0].length;
  const words = before
    .slice(clauseStart)
    .toLowerCase()
    .replace(/'/g, "")
    .split(/[^a-z0-9_]+/)
    .filter(Boolean)
    .slice(-NEGATION_WINDOW);
  if (words.some((w) => NEGATORS.has(w))) return true;
  for (let i = 0; i + 1 < words.length; i++) if (NEGATING_PAIRS.has(`${words[i]} ${words[i + 1]}`)) return true;
  return DENIED_AFTER.test(text.slice(end));
}

/** The whole-word matches of `source` in `text` that are not negated. */
export function affirmedMatches(source: string, text: string): PatternMatch[] {
  return compileSafePattern(wholeWords(source), "i")
    .matches(text)
    .filter((m) => !isNegated(text, m.start, m.end));
}

/** Whole-word matches, negated or not. */
function anyMatches(source: string, text: string): PatternMatch[] {
  return compileSafePattern(wholeWords(source), "i").matches(text);
}

const overlaps = (a: PatternMatch, b: PatternMatch) => a.start < b.end && b.start < a.end;

/** Quotes a piece of the answer for feedback. */
function quote(text: string, m: PatternMatch): string {
  const piece = text.slice(m.start, m.end);
  return `"${piece.length > 60 ? `${piece.slice(0, 57)}...` : piece}"`;
}

/** The words just before a match, to show the learner which negation was read. */
function withLead(text: string, m: PatternMatch): string {
  const lead = text.slice(Math.max(0, m.start - 24), m.start).replace(/^\S*\s/, "");
  return `"${(lead + text.slice(m.start, m.end)).trim()}"`;
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six"];
const count = (n: number) => NUMBER_WORDS[n] ?? String(n);

/** Grades one short answer against its question's rules. */
export function gradeShortAnswer(rules: ShortRules, answer: string): ShortVerdict {
  const text = normaliseAnswer(answer);
  const need = Math.min(rules.need ?? 1, rules.accept.length);
  if (!text) return { correct: false, made: [], feedback: "No answer was given." };
  for (const source of rules.reject ?? []) {
    const hit = affirmedMatches(source, text)[0];
    if (hit) return { correct: false, made: [], feedback: `Your answer says ${quote(text, hit)}, which is the opposite of what the lesson teaches.` };
  }
  // Each point counts once, and two points cannot both be made by the same words.
  const used: PatternMatch[] = [];
  const made: ShortVerdict["made"] = [];
  const negated: PatternMatch[] = [];
  rules.accept.forEach((source, i) => {
    const free = affirmedMatches(source, text).find((m) => !used.some((u) => overlaps(u, m)));
    if (free) {
      used.push(free);
      made.push({ point: i, text: text.slice(free.start, free.end) });
    } else {
      const denied = anyMatches(source, text).find((m) => isNegated(text, m.start, m.end));
      if (denied) negated.push(denied);
    }
  });
  if (made.length >= need) {
    return { correct: true, made, feedback: need > 1 ? `Your answer makes ${count(made.length)} of the points asked for.` : "Your answer makes the key point." };
  }
  if (negated.length && made.length + negated.length >= need) {
    return { correct: false, made, feedback: `Your answer says ${withLead(text, negated[0]!)}: that denies a key point instead of making it.` };
  }
  if (need > 1) {
    return { correct: false, made, feedback: `The question asks for ${count(need)} distinct points; your answer makes ${count(made.length)}.` };
  }
  return { correct: false, made, feedback: "Your answer does not make the key point the question asks about." };
}
