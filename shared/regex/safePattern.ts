// Both processes: the one way to run a regular expression a user wrote (evaluation and lesson
// assertions, JSON Schema `pattern`, redaction patterns): on RE2's linear-time engine (re2js, pure
// JavaScript), so no pattern can backtrack for seconds and freeze the process running it.
//
// How to use it:
//   const problem = safePatternProblem(source, "i");      // null, or why it is refused
//   const re = compileSafePattern(source, "i");           // throws PatternRefused with that sentence
//   re.test(text); re.matches(text);                      // -> [{ start, end }, ...]
// A pattern must first be valid JavaScript (it is written as one) and is then translated to RE2
// with the same meaning (./jsToRe2). Refused, with a sentence saying so: lookahead, backreferences,
// flags other than g, i, m, s, u, Unicode properties RE2 does not know, more than 1000 repetitions,
// and patterns whose compiled program passes a size limit (matching costs the text's length times
// that size). Differences that remain: with m, lines end only at \n (not at a lone \r, U+2028 or
// U+2029); without u, a character outside the BMP counts as one character, as it does with u.
import { RE2JS } from "re2js";
import { PatternRefused, translateToRe2 } from "./jsToRe2";

export { PatternRefused } from "./jsToRe2";

/** One match: where it starts and ends in the text (UTF-16 offsets, like String indexes). */
export interface PatternMatch {
  start: number;
  end: number;
}

/** A user's pattern compiled for the linear-time engine. */
export interface SafePattern {
  /** The pattern as the user wrote it. */
  readonly source: string;
  /** Its flags as given (g is accepted and changes nothing: `matches` always finds them all). */
  readonly flags: string;
  /** Whether it matches anywhere in `text`, like `RegExp.prototype.test`. */
  test(text: string): boolean;
  /** Every non-empty match, left to right, without overlaps, like `String.prototype.matchAll`. */
  matches(text: string): PatternMatch[];
}

/** Options of a compilation. */
export interface SafePatternOptions {
  /**
   * The largest compiled program accepted (RE2 instructions, roughly one per character or class
   * a match steps through). Work per text character can reach this, so callers matching long texts
   * on every send (redaction) pass a smaller one.
   */
  maxProgramSize?: number;
}

/**
 * The default program-size limit: room for `[a-z]{1,1000}`. Typical patterns take well under a
 * millisecond per 100 KB; the worst shape it admits (one that defeats the DFA, `a[ab]{1000}$`)
 * takes about 40 ms per KB (`npm run bench -- user-patterns`), linear, never exponential.
 */
export const DEFAULT_MAX_PROGRAM_SIZE = 2100;

const ALLOWED_FLAGS = /^[gimsu]*$/;

const cache = new Map<string, SafePattern | PatternRefused>();
const CACHE_SIZE = 256;

/** Why RE2 refused a translated pattern, as a sentence a person can act on. */
function engineProblem(err: unknown): string {
  const e = err as { error?: unknown; input?: unknown; message?: unknown };
  const what = typeof e.error === "string" ? e.error : String(e.message ?? err);
  const input = typeof e.input === "string" ? e.input : "";
  if (what === "invalid repeat count") {
    return `repeats too often (${input}): the app's linear-time regex engine allows at most 1000 repetitions, nested ones multiplied`;
  }
  if (what === "invalid character class range" && /^\\[pP]/.test(input)) {
    return `uses the Unicode property ${input}, which the app's linear-time regex engine does not know (it knows categories such as \\p{L} and scripts such as \\p{Greek})`;
  }
  if (what === "invalid capture in lookbehind") return "has a capturing group inside a lookbehind; write (?:...) there instead";
  return `cannot run on the app's linear-time regex engine (${what}${input ? `: ${input}` : ""})`;
}

function build(source: string, flags: string, maxProgramSize: number): SafePattern {
  const bad = [...flags].find((f) => !"gimsu".includes(f));
  if (!ALLOWED_FLAGS.test(flags)) throw new PatternRefused(`uses the flag "${bad ?? flags}"; only i, m, s and u are supported`);
  const jsFlags = flags.replace("g", "");
  let probe: RegExpExecArray | null;
  try {
    // Matching the empty text against "source|" always succeeds and reports every group: a way to
    // count them (\N is a backreference only when there are N groups) without parsing twice.
    new RegExp(source, jsFlags);
    probe = new RegExp(`${source}|`, jsFlags).exec("");
  } catch (err) {
    throw new PatternRefused(`is not a valid regular expression (${err instanceof Error ? err.message : String(err)})`);
  }
  const translation = translateToRe2(source, {
    unicode: jsFlags.includes("u"),
    dotAll: jsFlags.includes("s"),
    groupCount: probe ? probe.length - 1 : 0,
    namedGroups: probe?.groups !== undefined,
  });
  let engineFlags = 0;
  if (jsFlags.includes("i")) engineFlags |= RE2JS.CASE_INSENSITIVE;
  if (jsFlags.includes("m")) engineFlags |= RE2JS.MULTILINE;
  if (translation.lookbehind) engineFlags |= RE2JS.LOOKBEHINDS;
  let re: RE2JS;
  try {
    re = RE2JS.compile(translation.source, engineFlags);
  } catch (err) {
    throw new PatternRefused(engineProblem(err));
  }
  const size = re.programSize();
  if (size > maxProgramSize) {
    throw new PatternRefused(`is too large for the app's linear-time regex engine (${size} steps, at most ${maxProgramSize}); use smaller repeat counts`);
  }
  return {
    source,
    flags,
    test: (text) => re.test(text),
    matches(text) {
      // The boolean test runs on a DFA, far faster than the search that reports positions: most
      // texts hold no match at all, so ask it first.
      if (!re.test(text)) return [];
      const out: PatternMatch[] = [];
      for (const m of re.matchAll(text)) {
        const found = m[0] ?? "";
        const start = m.index ?? 0; // re2js always sets it, as String.prototype.matchAll does
        if (found.length > 0) out.push({ start, end: start + found.length });
      }
      return out;
    },
  };
}

/**
 * Compiles a user's JavaScript pattern for the linear-time engine. Throws PatternRefused, whose
 * message completes "The pattern ..." (e.g. "uses a lookahead ..."), when it cannot run there.
 * Results are cached, so compiling the same pattern per evaluation case costs nothing.
 */
export function compileSafePattern(source: string, flags = "", options: SafePatternOptions = {}): SafePattern {
  const maxProgramSize = options.maxProgramSize ?? DEFAULT_MAX_PROGRAM_SIZE;
  const key = `${flags}\u0000${maxProgramSize}\u0000${source}`;
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key); // re-insert: Map order is the recency order
  } else {
    try {
      entry = build(source, flags, maxProgramSize);
    } catch (err) {
      if (!(err instanceof PatternRefused)) throw err;
      entry = err;
    }
  }
  cache.set(key, entry);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  if (entry instanceof PatternRefused) throw entry;
  return entry;
}

/** Why a pattern cannot run on the safe engine (a phrase completing "The pattern ..."), or null. */
export function safePatternProblem(source: string, flags = "", options: SafePatternOptions = {}): string | null {
  try {
    compileSafePattern(source, flags, options);
    return null;
  } catch (err) {
    if (err instanceof PatternRefused) return err.message;
    throw err;
  }
}
