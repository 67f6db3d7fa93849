// Benchmarks (Node): how long a user's pattern takes on the linear-time engine (shared/regex): the
// audit's three stalling patterns, and the slowest shapes the program-size limits still allow.
import { compileSafePattern } from "../../shared/regex/safePattern";
import { fmt, quantile, type BenchTable } from "./table";

/** A fixed pseudo-random text of a's and b's (no match for the DFA to stop early on). */
function abText(length: number): string {
  let seed = 12345;
  let out = "";
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += (seed >> 16) & 1 ? "a" : "b";
  }
  return out;
}

interface Case {
  label: string;
  run: () => unknown;
  repeats: number;
}

/** Times each case; the first run compiles the pattern (cached afterwards), as in the app. */
export async function userPatternBench(): Promise<BenchTable> {
  const words = `${"the quick brown fox jumps over the lazy dog ".repeat(2300)}!`; // about 100 KB
  const cases: Case[] = [
    { label: "regex assertion ^([a-zA-Z]+\\s?)*$, the audit's answer (V8: 12 s)", run: () => compileSafePattern("^([a-zA-Z]+\\s?)*$").test("Simulated answer about exponential, backtracking and explained: ..."), repeats: 20 },
    { label: "regex assertion ^([a-zA-Z]+\\s?)*$, 100 KB of words and a !", run: () => compileSafePattern("^([a-zA-Z]+\\s?)*$").test(words), repeats: 5 },
    { label: "schema pattern ^(a+)+$, 30 a's and a ! (V8: over 40 s)", run: () => compileSafePattern("^(a+)+$", "u").test(`${"a".repeat(30)}!`), repeats: 20 },
    { label: "schema pattern ^(a+)+$, 100 KB of a's and a !", run: () => compileSafePattern("^(a+)+$", "u").test(`${"a".repeat(100_000)}!`), repeats: 5 },
    { label: "redaction (x|x)+y, 30 x's (V8: 5.7 s per send)", run: () => compileSafePattern("(x|x)+y", "g", { maxProgramSize: 400 }).matches("x".repeat(30)), repeats: 20 },
    { label: "redaction (x|x)+y, 100 KB of x's then y", run: () => compileSafePattern("(x|x)+y", "g", { maxProgramSize: 400 }).matches(`${"x".repeat(100_000)}y`), repeats: 5 },
    // The worst the limits allow: a program that defeats the DFA (its states explode), so the NFA
    // steps through every instruction for every character.
    { label: "worst under the default limit: a[ab]{1000}$ on 10 KB", run: () => compileSafePattern("a[ab]{1000}$").test(abText(10_000)), repeats: 2 },
    { label: "worst under the redaction limit: [a-z]{1,190}\\d on 100 KB of letters and a digit", run: () => compileSafePattern("[a-z]{1,190}\\d", "g", { maxProgramSize: 400 }).matches(`${"abcdefghij".repeat(10_000)}1`), repeats: 2 },
  ];
  const rows: (string | number)[][] = [];
  for (const c of cases) {
    const times: number[] = [];
    for (let i = 0; i < c.repeats; i++) {
      const started = performance.now();
      c.run();
      times.push(performance.now() - started);
    }
    rows.push([c.label, c.repeats, fmt(quantile(times, 0.5)), fmt(Math.max(...times))]);
  }
  return { title: "User patterns on the linear-time engine (re2js)", columns: ["case", "runs", "ms p50", "ms max"], rows };
}
