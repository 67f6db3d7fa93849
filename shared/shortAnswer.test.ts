// Tests of the rule grader's mechanics: whole words, negation within a clause, distinct points, rejects.
import { describe, expect, it } from "vitest";
import { gradeShortAnswer, isNegated } from "./shortAnswer";

const args = { accept: ["(json )?strings?", "pars\\w*|validat\\w*"], need: 2 };

describe("gradeShortAnswer", () => {
  it("matches whole words only: none is not one, context is not text", () => {
    expect(gradeShortAnswer({ accept: ["one"] }, "none").correct).toBe(false);
    expect(gradeShortAnswer({ accept: ["one"] }, "one place").correct).toBe(true);
    expect(gradeShortAnswer({ accept: ["text"] }, "the context").correct).toBe(false);
    expect(gradeShortAnswer({ accept: ["\\[DONE\\]"] }, "data: [DONE]").correct).toBe(true);
  });

  it("refuses a point negated before it in the same clause, and accepts it once the clause ends", () => {
    expect(gradeShortAnswer(args, "It is never a string, never parse it").correct).toBe(false);
    expect(gradeShortAnswer({ accept: ["required"] }, "definitely not required; use auto").correct).toBe(false);
    expect(gradeShortAnswer({ accept: ["required"] }, "required, not auto").correct).toBe(true);
    expect(gradeShortAnswer(args, "not an object but a JSON string; parse it").correct).toBe(true);
    expect(gradeShortAnswer({ accept: ["cost", "latency"] }, "not cost or latency").correct).toBe(false);
    expect(gradeShortAnswer({ accept: ["required"] }, "required is wrong").correct).toBe(false);
  });

  it("reaches three words back, no further", () => {
    expect(isNegated("not really a string", 13, 19)).toBe(true);
    expect(isNegated("not at all really a string", 20, 26)).toBe(false);
  });

  it("needs distinct points, and says how many were made", () => {
    const one = gradeShortAnswer(args, "a string, a JSON string");
    expect(one.correct).toBe(false);
    expect(one.feedback).toBe("The question asks for two distinct points; your answer makes one.");
    expect(gradeShortAnswer(args, "a JSON string you parse").made.map((m) => m.text)).toEqual(["JSON string", "parse"]);
  });

  it("fails an answer making a rejected statement, unless it denies it", () => {
    const rules = { accept: ["ground\\w*"], reject: ["rais\\w* (the )?temperature"] };
    expect(gradeShortAnswer(rules, "grounding, and raise the temperature").feedback).toMatch(/opposite of what the lesson teaches/);
    expect(gradeShortAnswer(rules, "grounding; never raise the temperature").correct).toBe(true);
    expect(gradeShortAnswer(rules, "   ").feedback).toBe("No answer was given.");
  });
});
