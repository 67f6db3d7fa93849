// Both processes: grading a lesson's quiz. Multiple choice by the option's index; short answers by
// the lesson's accepted patterns. Every result carries the explanation shown to the learner.
import { z } from "zod";
import type { QuizQuestion } from "./lesson";
import { compileSafePattern } from "./regex/safePattern";

/** One answer: an option index for a multiple-choice question, text for a short answer. */
export const QuizAnswer = z.union([z.number().int().nonnegative(), z.string().max(2000)]);
export type QuizAnswer = z.infer<typeof QuizAnswer>;

/** The verdict on one answer. */
export const QuizResult = z.object({
  correct: z.boolean(),
  /** Why the chosen option is right or wrong, or the short answer's explanation. */
  explanation: z.string(),
  /** For multiple choice: the right option's index; for a short answer: a model answer. */
  expected: z.union([z.number().int().nonnegative(), z.string()]),
});
export type QuizResult = z.infer<typeof QuizResult>;

/** Grades one answer; a missing or mistyped answer is wrong, never an error. */
export function gradeQuestion(question: QuizQuestion, answer: QuizAnswer | null | undefined): QuizResult {
  if (question.kind === "choice") {
    const chosen = typeof answer === "number" ? question.options[answer] : undefined;
    const right = question.options[question.answer];
    return {
      correct: answer === question.answer,
      explanation: chosen ? chosen.explanation : `No option was chosen. The answer is "${right?.text ?? ""}": ${right?.explanation ?? ""}`,
      expected: question.answer,
    };
  }
  const text = typeof answer === "string" ? answer.trim() : "";
  const correct = text.length > 0 && question.accept.some((pattern) => compileSafePattern(pattern, "i").test(text));
  return { correct, explanation: question.explanation, expected: question.sample };
}

/** Grades a whole quiz; answers are matched to questions by position. */
export function gradeQuiz(questions: readonly QuizQuestion[], answers: readonly (QuizAnswer | null)[]): { results: QuizResult[]; correct: number; total: number } {
  const results = questions.map((q, i) => gradeQuestion(q, answers[i]));
  return { results, correct: results.filter((r) => r.correct).length, total: questions.length };
}
