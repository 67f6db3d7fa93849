// Both processes: the lesson channels: the course (list, get, search), progress (read, exercise,
// quiz), spaced review of cards (FSRS) and mock-interview grading.
import { z } from "zod";
import { Lesson, LessonTrack } from "../lesson";
import { CardSchedule, LessonProgress, ProgressView } from "../lessonProgress";
import { QuizAnswer, QuizResult } from "../lessonQuiz";
import { LessonSettingsBackup, SettingsToKeep } from "../lessonSettingsBackup";
import { EmptyInput, OkOutput, Profile } from "../schemas";

const LessonId = z.string().min(1).max(80).regex(/^[a-z0-9-]+$/);
const LessonIdInput = z.object({ lessonId: LessonId }).strict();

/** A lesson as the course map lists it. */
export const LessonSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  track: LessonTrack,
  summary: z.string(),
});
export type LessonSummary = z.infer<typeof LessonSummary>;

/** One search hit (see ../lessonSearch). */
export const LessonHitSchema = z.object({ id: z.string(), number: z.number().int(), title: z.string(), score: z.number(), snippet: z.string() });

/** The verdict on one exercise assertion. */
export const AssertionVerdict = z.object({ description: z.string(), pass: z.boolean(), reason: z.string() });

/** An exercise graded on a playground run. */
export const ExerciseGrade = z.object({
  pass: z.boolean(),
  /** One sentence: why it passed, or the first thing to fix. */
  reason: z.string(),
  results: z.array(AssertionVerdict),
  progress: LessonProgress,
});
export type ExerciseGrade = z.infer<typeof ExerciseGrade>;

/** The four FSRS grades. */
export const ReviewGrade = z.enum(["again", "hard", "good", "easy"]);
export type ReviewGrade = z.infer<typeof ReviewGrade>;

/** A card in the review queue, with the next due date each grade would give. */
export const ReviewCardView = z.object({
  cardId: z.string(),
  lessonId: z.string(),
  lessonTitle: z.string(),
  question: z.string(),
  keyPoints: z.array(z.string()),
  isNew: z.boolean(),
  due: z.number().int().nonnegative(),
  nextDue: z.object({ again: z.number(), hard: z.number(), good: z.number(), easy: z.number() }),
});
export type ReviewCardView = z.infer<typeof ReviewCardView>;

/** The structured grade a model acting as interviewer returns (its json_schema output). */
export const InterviewGrade = z
  .object({
    /** 0 (misses everything) to 100 (a complete, precise answer). */
    score: z.number().int().min(0).max(100),
    points_covered: z.array(z.string()),
    points_missed: z.array(z.string()),
    follow_up: z.string(),
  })
  .strict();
export type InterviewGrade = z.infer<typeof InterviewGrade>;

/** A mock answer's grading: by the learner against the key points, or by a model. */
export const InterviewFeedback = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("self"), keyPoints: z.array(z.string()), why: z.string() }),
  z.object({ mode: z.literal("model"), keyPoints: z.array(z.string()), grade: InterviewGrade, model: z.string() }),
]);
export type InterviewFeedback = z.infer<typeof InterviewFeedback>;

/** Review statistics (see electron/services/reviewScheduler.ts). */
export const ReviewStats = z.object({
  dueToday: z.number().int().nonnegative(),
  reviewed: z.number().int().nonnegative(),
  retention: z.number().min(0).max(1).nullable(),
  forecast: z.array(z.number().int().nonnegative()).max(366),
});
export type ReviewStats = z.infer<typeof ReviewStats>;

/** The lesson channels. */
export const lessonsChannels = {
  /** Every valid lesson in topic order, and the problems of any file that is not valid. */
  "lessons.list": { input: EmptyInput, output: z.object({ lessons: z.array(LessonSummary), problems: z.array(z.string()) }) },
  /** One whole lesson. */
  "lessons.get": { input: LessonIdInput, output: Lesson },
  /** Lessons matching a query, best first. */
  "lessons.search": { input: z.object({ query: z.string().max(200) }).strict(), output: z.object({ hits: z.array(LessonHitSchema) }) },
  /** Progress on every lesson, review figures per lesson and mock scores. */
  "lessons.progress": { input: EmptyInput, output: ProgressView },
  /** Marks a lesson as read. */
  "lessons.markRead": { input: LessonIdInput, output: LessonProgress },
  /** Grades a lesson's exercise on a finished playground run (by its run id), and records a pass. */
  "lessons.gradeExercise": { input: z.object({ lessonId: LessonId, runId: z.uuid() }).strict(), output: ExerciseGrade },
  /** Grades a quiz (answers by question position) and records the score; short answers by the rules, or by a model when asked and a key is set. */
  "lessons.submitQuiz": {
    input: z
      .object({
        lessonId: LessonId,
        answers: z.array(QuizAnswer.nullable()).max(50),
        /** Grade the short answers with a model on this profile (it needs a key); absent: by the rules. */
        modelGrader: z.object({ profileId: Profile.shape.id, model: z.string().max(200).optional() }).strict().optional(),
      })
      .strict(),
    output: z.object({
      results: z.array(QuizResult),
      correct: z.number().int(),
      total: z.number().int(),
      progress: LessonProgress,
      /** Why the rules graded the short answers although a model grader was asked for (the simulator, no key). */
      graderNote: z.string().optional(),
    }),
  },
  /** Today's review queue: cards due by the end of the day, new cards up to a daily number. */
  "review.queue": {
    input: EmptyInput,
    output: z.object({ cards: z.array(ReviewCardView), dueLater: z.number().int().nonnegative(), nextDue: z.number().nullable() }),
  },
  /** Takes back the last grade given (this session): the card's schedule is as it was before; null for a card that was new. */
  "review.undo": { input: EmptyInput, output: z.object({ cardId: z.string(), schedule: CardSchedule.nullable() }) },
  /** Review statistics of the studied lessons: due today, reviewed cards, retention, reviews due per day for 30 days. */
  "review.stats": { input: EmptyInput, output: ReviewStats },
  /** Grades a card; returns its new schedule. */
  "review.grade": { input: z.object({ cardId: z.string().min(3).max(100), grade: ReviewGrade }).strict(), output: z.object({ cardId: z.string(), schedule: CardSchedule }) },
  /**
   * Grades a mock-interview answer: with a key, by a model acting as interviewer (structured output);
   * on the simulator, by returning the key points for the learner to grade.
   */
  "interview.grade": {
    input: z.object({ lessonId: LessonId, answer: z.string().max(8000), profileId: Profile.shape.id, model: z.string().max(200).optional() }).strict(),
    output: InterviewFeedback,
  },
  /** Keeps the learner's settings a lesson's "Try it" is about to replace (the first lesson's only). */
  "lessons.keepSettings": { input: SettingsToKeep, output: z.object({ backup: LessonSettingsBackup.nullable() }) },
  /** The settings kept before a lesson changed them, if any. */
  "lessons.settingsBackup": { input: EmptyInput, output: z.object({ backup: LessonSettingsBackup.nullable() }) },
  /** Puts the kept settings back and forgets them; returns what was restored. */
  "lessons.restoreSettings": { input: EmptyInput, output: z.object({ restored: LessonSettingsBackup }) },
  /** Forgets the kept settings, keeping the lesson's. */
  "lessons.discardSettingsBackup": { input: EmptyInput, output: OkOutput },
  /** Records the learner's own grade of a mock answer (0 to 1). */
  "interview.recordSelfGrade": { input: z.object({ lessonId: LessonId, score: z.number().min(0).max(1) }).strict(), output: OkOutput },
} as const;
