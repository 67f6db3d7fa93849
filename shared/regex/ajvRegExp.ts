// Both processes: the regular-expression engine handed to ajv (`code.regExp`), so a user schema's
// `pattern` and `patternProperties` run on the linear-time engine instead of V8's backtracking one.
import type { RegExpEngine } from "ajv/dist/types/index.js";
import { compileSafePattern, PatternRefused } from "./safePattern";

/**
 * An ajv `RegExpEngine` over `compileSafePattern`. A pattern the engine refuses makes schema
 * compilation throw a PatternRefused saying which pattern and why, e.g. `the pattern "(?=a)" uses a
 * lookahead (...)`, which callers report after "The schema itself cannot be used: ".
 */
export const safeAjvRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    let compiled;
    try {
      compiled = compileSafePattern(pattern, flags);
    } catch (err) {
      // A new error: the refusal itself is cached and shared, so it must not be edited.
      if (err instanceof PatternRefused) throw new PatternRefused(`the pattern ${JSON.stringify(pattern)} ${err.message}`);
      throw err;
    }
    // ajv keys its cache of patterns by `toString()`.
    return { test: (text: string) => compiled.test(text), toString: () => `/${pattern}/${flags}` };
  },
  { code: "safeAjvRegExp" },
);
