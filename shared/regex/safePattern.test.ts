import { describe, expect, it } from "vitest";
import { compileSafePattern, PatternRefused, safePatternProblem } from "./safePattern";

/** [source, flags, texts]: each text must get the same answer from V8's RegExp and the safe engine. */
const SAME_AS_JAVASCRIPT: [string, string, string[]][] = [
  ["^a.c$", "", ["abc", "a\nc", "a\rc", "a\u2028c", "a\u2029c"]],
  ["^a.c$", "s", ["abc", "a\nc", "a\rc", "a\u2028c"]],
  ["\\s", "", [" ", "\u00a0", "\v", "\ufeff", "\u3000", "\u2007", "x", "\u200b"]],
  ["^\\S+$", "", ["ab", "a b", "a\u3000b", "a\vb"]],
  ["[\\s\\d]", "", ["\u2003", "5", "x"]],
  ["[^\\s]", "", ["   ", " a "]],
  ["[\\S]", "", ["\u00a0", "x"]],
  // Without u these are plain letters in JavaScript, not RE2's \A, \z and \p.
  ["\\Aa\\z", "", ["Aaz", "a"]],
  ["\\p{L}", "", ["p{L}", "x"]],
  ["\\Q.\\E", "", ["Q.E", "."]],
  ["\\p{L}+", "u", ["é", "1"]],
  ["\\p{Lu}", "u", ["É", "é"]],
  ["\\p{Letter}", "u", ["é", "1"]],
  ["\\P{L}", "u", ["é", "1"]],
  ["\\p{Script=Greek}", "u", ["α", "a"]],
  ["\\p{sc=Latin}|\\p{General_Category=Nd}", "u", ["5", "α", "a"]],
  ["^\\p{ASCII}[\\P{ASCII}]$", "u", ["aé", "éa", "a~"]],
  ["\\p{Lowercase}\\p{White_Space}", "u", ["a ", "A "]],
  ["[[:alpha:]]", "", ["a", "[:", ":]", "x"]],
  ["[\\w-z]", "", ["-", "z", "!"]],
  ["[+--]", "", [",", "+", "a"]],
  ["[--/]", "", [".", "-", "a"]],
  ["[a-c-e]", "", ["b", "-", "e", "d"]],
  ["[a\\-z]", "", ["-", "b"]],
  ["a{2,3}", "", ["aa", "a"]],
  ["^a{2,}$", "", ["aaaa", "a"]],
  ["a{,3}", "", ["a{,3}", "aaa"]],
  ["x{", "", ["x{", "x"]],
  ["x}", "", ["x}", "x"]],
  ["]", "", ["]", "a"]],
  ["[]", "", ["a", ""]],
  ["[^]", "", ["\n", ""]],
  ["\\u00e9", "", ["é", "e"]],
  ["\\ud83d\\ude00", "", ["😀", "x"]],
  ["\\u{1F600}", "u", ["😀", "x"]],
  ["[😀-😂]", "u", ["😁", "x"]],
  ["\\x41\\cJ", "", ["A\n", "A"]],
  ["\\0", "", ["\0", "0"]],
  ["\\101", "", ["A", "101"]],
  ["\\8", "", ["8", "x"]],
  ["(a)\\2", "", ["a\u0002", "a2"]],
  ["[\\b]", "", ["\b", "b"]],
  ["\\k", "", ["k", "x"]],
  ["\\c", "", ["\\c", "c"]],
  ["[\\c1]", "", ["\u0011", "1"]],
  ["\\bfoo\\b", "i", ["a FOO b", "afoob"]],
  ["\\Bfoo", "", ["afoo", "a foo"]],
  ["^foo$", "m", ["x\nfoo\ny", "xfoo"]],
  ["^foo$", "", ["x\nfoo\ny", "foo", "foo\n"]],
  ["(?<year>\\d{4})-\\d\\d", "", ["2024-05", "24-05"]],
  ["(?<=\\$)\\d+", "", ["$42", "42"]],
  ["(?<!\\$)\\b\\d+", "", ["$42", "x 42"]],
  ["colou?r", "i", ["COLOR", "colr"]],
  ["a.*?b", "", ["axxb", "ax"]],
  ["\\/path\\.", "", ["/path.", "/pathx"]],
  ["^[A-Z]{2}\\d{6}$", "", ["AB123456", "ab123456"]],
  ["^[a-z]+$", "i", ["HeLLo", "he llo"]],
  ["\\W\\D", "", ["!a", "a1"]],
  ["^\\$\\d+(?:\\.\\d{2})?$", "", ["$4.50", "$4.5"]],
  ["é", "i", ["É", "e"]],
  ["^(?:[a-z0-9._%+-]+)@(?:[a-z0-9-]+\\.)+[a-z]{2,}$", "i", ["Ann.Lee@Example.org", "ann@example"]],
  ["", "", ["", "x"]],
  ["a|", "", ["b"]],
  ["\\t\\n\\v\\f\\r", "", ["\t\n\v\f\r", "tnvfr"]],
];

describe("compileSafePattern", () => {
  it("answers as V8's RegExp does for ordinary patterns, flags i, m, s and u included", () => {
    for (const [source, flags, texts] of SAME_AS_JAVASCRIPT) {
      const safe = compileSafePattern(source, flags);
      const native = new RegExp(source, flags);
      for (const text of texts) expect(safe.test(text), `/${source}/${flags} on ${JSON.stringify(text)}`).toBe(native.test(text));
    }
  });

  it("maps each flag: i folds case, m makes ^ and $ work per line, s lets . cross lines, u reads \\u{...} and \\p{...}", () => {
    expect(compileSafePattern("abc").test("ABC")).toBe(false);
    expect(compileSafePattern("abc", "i").test("xABCx")).toBe(true);
    expect(compileSafePattern("^b$").test("a\nb\nc")).toBe(false);
    expect(compileSafePattern("^b$", "m").test("a\nb\nc")).toBe(true);
    expect(compileSafePattern("a.b").test("a\nb")).toBe(false);
    expect(compileSafePattern("a.b", "s").test("a\nb")).toBe(true);
    expect(compileSafePattern("^\\u{61}$", "u").test("a")).toBe(true);
    expect(compileSafePattern("^\\u{61}$").test("u".repeat(61))).toBe(true); // JavaScript without u: 61 u's
    expect(compileSafePattern("^A$", "gimsu").test("a")).toBe(true);
  });

  it("finds the same match positions as String.prototype.matchAll, in UTF-16 offsets, leaving out empty matches", () => {
    const cases: [string, string, string][] = [
      ["b+", "g", "😀abbb😀bb"],
      ["\\d{3}-\\d{4}", "g", "call 555-1234 or 555-9876, not 55-12"],
      ["T-\\d+", "gi", "t-1, T-22 and t-333x"],
      ["a*", "g", "baab"],
      ["(?:ab|a)(?:bc)?", "g", "abcabc ab a"],
    ];
    for (const [source, flags, text] of cases) {
      const expected = [...text.matchAll(new RegExp(source, flags))].filter((m) => m[0].length > 0).map((m) => ({ start: m.index, end: m.index + m[0].length }));
      expect(compileSafePattern(source, flags).matches(text), `/${source}/${flags}`).toEqual(expected);
    }
  });

  it("runs the audit's three stalling patterns, and other classic ones, in one pass over texts a backtracking engine would never finish", () => {
    // Each of these took V8 seconds (12 s, over 40 s, 5.7 s in the audit) at a tenth of these sizes.
    expect(compileSafePattern("^([a-zA-Z]+\\s?)*$").test(`${"word ".repeat(20_000)}!`)).toBe(false);
    expect(compileSafePattern("^(a+)+$", "u").test(`${"a".repeat(50_000)}!`)).toBe(false);
    expect(compileSafePattern("(x|x)+y", "g").matches("x".repeat(50_000))).toEqual([]);
    expect(compileSafePattern("(x|x)+y", "g").matches(`${"x".repeat(30_000)}y`)).toEqual([{ start: 0, end: 30_001 }]);
    expect(compileSafePattern("^(\\w+\\s?)*$").test(`${"ab ".repeat(20_000)}#`)).toBe(false);
    expect(compileSafePattern("(a|aa)+$").test(`${"a".repeat(50_000)}b`)).toBe(false);
    expect(compileSafePattern("^(.*a){20}$", "s").test("a".repeat(5_000) + "b")).toBe(false);
    expect(compileSafePattern("(\\d+)*[a-z]").test("1".repeat(50_000))).toBe(false);
  });

  it("refuses what RE2 cannot run with a sentence that says what and how to fix it", () => {
    expect(safePatternProblem("a(?=b)")).toBe("uses a lookahead ((?= or (?!), which the app's linear-time regex engine cannot run; rewrite the pattern without it");
    expect(safePatternProblem("a(?!b)")).toMatch(/^uses a lookahead/);
    expect(safePatternProblem("(a)\\1")).toBe("uses a backreference (\\1), which the app's linear-time regex engine cannot run; rewrite the pattern without it");
    expect(safePatternProblem("(?<q>['\"]).*\\k<q>")).toMatch(/^uses a backreference \(\\k<name>\)/);
    expect(safePatternProblem("a{1001}")).toBe("repeats too often ({1001}): the app's linear-time regex engine allows at most 1000 repetitions, nested ones multiplied");
    expect(safePatternProblem("(?:a{100}){100}")).toMatch(/^repeats too often/);
    expect(safePatternProblem("[a-z]{1,1000}\\d{1,100}")).toMatch(/^is too large for the app's linear-time regex engine \(\d+ steps, at most 2100\)/);
    expect(safePatternProblem("[a-z]{1,100}", "", { maxProgramSize: 50 })).toMatch(/at most 50\)/);
    expect(safePatternProblem("\\p{Script_Extensions=Greek}", "u")).toMatch(/write \\p\{Greek\}/);
    expect(safePatternProblem("\\p{Ideographic}", "u")).toMatch(/^uses the Unicode property \\p\{Ideographic\}, which the app's linear-time regex engine does not know/);
    expect(safePatternProblem("(?<=(a))b")).toBe("has a capturing group inside a lookbehind; write (?:...) there instead");
    expect(safePatternProblem("(?<$x>a)")).toMatch(/group names may only use letters/);
    expect(safePatternProblem("a", "y")).toBe('uses the flag "y"; only i, m, s and u are supported');
    expect(safePatternProblem("a", "v")).toMatch(/flag "v"/);
    expect(safePatternProblem("(unclosed")).toMatch(/^is not a valid regular expression \(Invalid regular expression: \/\(unclosed\/: Unterminated group\)$/);
    expect(safePatternProblem("\\p{L}")).toBeNull(); // without u: the letters "p{L}"
    expect(() => compileSafePattern("a(?=b)")).toThrow(PatternRefused);
  });

  it("gives the same answer from its cache, refusal included, however often it is asked", () => {
    const first = compileSafePattern("T-\\d+", "i");
    expect(compileSafePattern("T-\\d+", "i")).toBe(first);
    const problem = safePatternProblem("a(?=b)");
    for (let i = 0; i < 3; i++) expect(safePatternProblem("a(?=b)")).toBe(problem);
    for (let i = 0; i < 300; i++) compileSafePattern(`x${i}`); // overflows the cache: it drops, never grows
    expect(compileSafePattern("T-\\d+", "i").test("t-9")).toBe(true);
  });
});
