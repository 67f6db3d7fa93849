// Both processes: what the app remembers of a learner: per-lesson progress, review-card schedules
// (FSRS state, dates as epoch ms) and mock-interview scores. Stored in the settings file.
import { z } from "zod";
import { QuizAnswer } from "./lessonQuiz";

const EpochMs = z.number().int().nonnegative();

/** A quiz attempt's score. */
export const QuizScore = z.object({ correct: z.number().int().nonnegative(), total: z.number().int().positive(), at: EpochMs });
export type QuizScore = z.infer<typeof QuizScore>;

/** Progress on one lesson. */
export const LessonProgress = z.object({
  read: z.boolean().default(false),
  exercisePassed: z.boolean().default(false),
  /** The latest quiz attempt, or null before the first. */
  quiz: QuizScore.nullable().default(null),
  /** The best quiz attempt so far. */
  bestQuiz: QuizScore.nullable().default(null),
  /** The answers of the latest quiz attempt, by question position, shown again on a revisit. */
  answers: z.array(QuizAnswer.nullable()).max(50).optional(),
  updatedAt: EpochMs.default(0),
});
export type LessonProgress = z.infer<typeof LessonProgress>;

/** Studied: read, or its exercise passed. Only then do its cards enter review and count in readiness. */
export function isStudied(p: LessonProgress | undefined): boolean {
  return Boolean(p && (p.read || p.exercisePassed));
}

/** Done: the exercise passed and the quiz taken ("Mark as read" is not needed). */
export function isDone(p: LessonProgress | undefined): boolean {
  return Boolean(p && p.exercisePassed && p.quiz);
}

/** A review card's FSRS schedule (ts-fsrs Card, dates as epoch ms so it stores as JSON). */
export const CardSchedule = z.object({
  due: EpochMs,
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  elapsedDays: z.number().nonnegative(),
  scheduledDays: z.number().nonnegative(),
  learningSteps: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: z.number().int().min(0).max(3),
  lastReview: EpochMs.nullable(),
  /** When the card was first graded (it then stops counting as new). */
  introduced: EpochMs,
});
export type CardSchedule = z.infer<typeof CardSchedule>;

/** One graded mock-interview answer; `score` runs from 0 to 1. */
export const MockScore = z.object({
  lessonId: z.string().min(1).max(80),
  score: z.number().min(0).max(1),
  mode: z.enum(["self", "model"]),
  at: EpochMs,
});
export type MockScore = z.infer<typeof MockScore>;

/** Most mock scores kept; older ones are dropped first. */
export const MAX_MOCK_SCORES = 500;

/** Everything learning-related in the settings file. Every field defaults, so older files read fine. */
export const LearningState = z.object({
  lessons: z.record(z.string(), LessonProgress).default({}),
  cards: z.record(z.string(), CardSchedule).default({}),
  mocks: z.array(MockScore).max(MAX_MOCK_SCORES).default([]),
});
export type LearningState = z.infer<typeof LearningState>;

/** The state of a learner who has done nothing yet. */
export function emptyLearningState(): LearningState {
  return { lessons: {}, cards: {}, mocks: [] };
}

/** Review figures of one lesson's cards. */
export const CardStats = z.object({
  total: z.number().int().nonnegative(),
  /** Cards reviewed at least once. */
  reviewed: z.number().int().nonnegative(),
  /** Mean FSRS retrievability (0-1) of the reviewed cards right now; null before any review. */
  retention: z.number().min(0).max(1).nullable(),
  /** Cards due now or earlier. */
  due: z.number().int().nonnegative(),
});
export type CardStats = z.infer<typeof CardStats>;

/** Progress as the renderer sees it. */
export const ProgressView = z.object({
  lessons: z.record(z.string(), LessonProgress),
  cards: z.record(z.string(), CardStats),
  mocks: z.array(MockScore),
});
export type ProgressView = z.infer<typeof ProgressView>;
