// Tests of quiz grading: option indexes, accepted patterns, and missing answers.
import { describe, expect, it } from "vitest";
import type { QuizQuestion } from "./lesson";
import { gradeQuestion, gradeQuiz } from "./lessonQuiz";

const choice: QuizQuestion = {
  kind: "choice",
  question: "Which field caps output?",
  options: [
    { text: "max_tokens", explanation: "Deprecated." },
    { text: "max_completion_tokens", explanation: "Right." },
  ],
  answer: 1,
};
const short: QuizQuestion = { kind: "short", question: "Env var?", accept: ["^OPENAI_API_KEY$"], sample: "OPENAI_API_KEY", explanation: "The SDK reads it." };

describe("gradeQuestion", () => {
  it("marks the right option correct and explains the chosen one", () => {
    expect(gradeQuestion(choice, 1)).toEqual({ correct: true, explanation: "Right.", expected: 1 });
    expect(gradeQuestion(choice, 0)).toEqual({ correct: false, explanation: "Deprecated.", expected: 1 });
  });

  it("treats a missing or out-of-range option as wrong, explaining the right one", () => {
    const result = gradeQuestion(choice, null);
    expect(result.correct).toBe(false);
    expect(result.explanation).toContain("max_completion_tokens");
    expect(gradeQuestion(choice, 7).correct).toBe(false);
  });

  it("accepts a short answer matching a pattern, case-insensitively and trimmed", () => {
    expect(gradeQuestion(short, "  openai_api_key ").correct).toBe(true);
    expect(gradeQuestion(short, "API_KEY").correct).toBe(false);
    expect(gradeQuestion(short, "").correct).toBe(false);
    expect(gradeQuestion(short, 0).correct).toBe(false);
  });
});

describe("gradeQuiz", () => {
  it("lets a model's verdict stand for the rules' on a short answer, and says who graded", () => {
    const byRules = gradeQuiz([choice, short], [1, "nope"]);
    expect(byRules.results[1]).toMatchObject({ correct: false, gradedBy: "rules" });
    const byModel = gradeQuiz([choice, short], [1, "nope"], new Map([[1, { correct: true, feedback: "It names the variable." }]]));
    expect(byModel.correct).toBe(2);
    expect(byModel.results[1]).toMatchObject({ correct: true, feedback: "It names the variable.", gradedBy: "model" });
    expect(byModel.results[0]?.gradedBy).toBeUndefined();
  });

  it("counts correct answers by position", () => {
    const graded = gradeQuiz([choice, short], [1, "nope"]);
    expect(graded.correct).toBe(1);
    expect(graded.total).toBe(2);
    expect(graded.results.map((r) => r.correct)).toEqual([true, false]);
  });
});
