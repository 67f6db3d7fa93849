// Both processes: grading a lesson's quiz. Multiple choice by the option's index; short answers by
// the rule grader (shared/shortAnswer.ts): every key point asked for, whole words, none negated. Every result carries the explanation shown to the learner.
import { z } from "zod";
import type { QuizQuestion } from "./lesson";
import { gradeShortAnswer } from "./shortAnswer";

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
  /** For a short answer: what it made, missed or contradicted, as a sentence for the learner. */
  feedback: z.string().optional(),
  /** Who graded a short answer: the rules (the default, offline) or a model. */
  gradedBy: z.enum(["rules", "model"]).optional(),
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
  const verdict = gradeShortAnswer(question, typeof answer === "string" ? answer : "");
  return { correct: verdict.correct, explanation: question.explanation, expected: question.sample, feedback: verdict.feedback };
}

/** A model's verdict standing in for the rules' on one short answer. */
export interface ModelVerdict {
  correct: boolean;
  feedback: string;
}

/**
 * Grades a whole quiz; answers are matched to questions by position. `byModel` holds a model's
 * verdicts on some short answers (by position); every other answer is graded by the rules.
 */
export function gradeQuiz(
  questions: readonly QuizQuestion[],
  answers: readonly (QuizAnswer | null)[],
  byModel: ReadonlyMap<number, ModelVerdict> = new Map(),
): { results: QuizResult[]; correct: number; total: number } {
  const results = questions.map((q, i): QuizResult => {
    const rules = gradeQuestion(q, answers[i]);
    if (q.kind !== "short") return rules;
    const model = byModel.get(i);
    return model ? { ...rules, correct: model.correct, feedback: model.feedback, gradedBy: "model" } : { ...rules, gradedBy: "rules" };
  });
  return { results, correct: results.filter((r) => r.correct).length, total: questions.length };
}
