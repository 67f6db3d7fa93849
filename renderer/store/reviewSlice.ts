// Renderer: the review slice: today's FSRS queue with its four grades, and mock interviews (typed
// answer graded by a model with a key, or by the learner against the key points).
import type { InterviewFeedback, ReviewCardView, ReviewGrade, ReviewStats } from "../../shared/contracts/lessons";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

/** The last grade given, to show when the card comes back. */
export interface LastReview {
  cardId: string;
  grade: ReviewGrade;
  nextDue: number;
}

export interface ReviewSlice {
  reviewQueue: { cards: ReviewCardView[]; dueLater: number; nextDue: number | null } | null;
  lastReview: LastReview | null;
  reviewError: string | null;
  /** Due today, retention and the 30-day forecast; null until loaded. */
  reviewStats: ReviewStats | null;
  loadReviewStats(): Promise<void>;
  /** Takes back the last grade and reloads the queue (the card comes back first). */
  undoLastReview(): Promise<void>;
  interviewFeedback: InterviewFeedback | null;
  interviewGrading: boolean;
  interviewError: string | null;
  /** The mock interview in progress: its lesson and question. */
  interview: { lessonId: string; question: string } | null;
  /** Starts a mock interview on a lesson: reads its interview question. */
  startInterview(lessonId: string): Promise<void>;
  loadReviewQueue(): Promise<void>;
  /** Grades the card and reloads the queue. */
  gradeReviewCard(cardId: string, grade: ReviewGrade): Promise<void>;
  /** Sends a mock answer for grading on the active profile. */
  gradeInterview(lessonId: string, answer: string): Promise<void>;
  /** Saves the learner's own grade of a mock answer (0 to 1). */
  recordSelfGrade(lessonId: string, score: number): Promise<void>;
  resetInterview(): void;
}

/** The review slice. */
export function createReviewSlice(deps: StoreDeps): SliceCreator<ReviewSlice> {
  const { bridge } = deps;
  return (set, get) => ({
    reviewQueue: null,
    lastReview: null,
    reviewError: null,
    reviewStats: null,
    interviewFeedback: null,
    interviewGrading: false,
    interviewError: null,
    interview: null,

    startInterview: async (lessonId) => {
      set({ interview: null, interviewFeedback: null, interviewError: null, interviewGrading: false });
      try {
        const lesson = await bridge.call("lessons.get", { lessonId });
        set({ interview: { lessonId, question: lesson.frontMatter.interview.question } });
      } catch (err) {
        set({ interviewError: `The interview could not start: ${toAppError(err).message}` });
      }
    },

    loadReviewQueue: async () => {
      try {
        set({ reviewQueue: await bridge.call("review.queue", {}), reviewError: null });
      } catch (err) {
        set({ reviewError: `The review queue could not be loaded: ${toAppError(err).message}` });
      }
    },

    loadReviewStats: async () => {
      try {
        set({ reviewStats: await bridge.call("review.stats", {}) });
      } catch (err) {
        set({ reviewError: `The review statistics could not be loaded: ${toAppError(err).message}` });
      }
    },

    undoLastReview: async () => {
      try {
        await bridge.call("review.undo", {});
        set({ lastReview: null, reviewError: null });
        await get().loadReviewQueue();
        void get().loadReviewStats();
        void get().loadProgress();
      } catch (err) {
        set({ reviewError: `The grade could not be undone: ${toAppError(err).message}` });
      }
    },

    gradeReviewCard: async (cardId, grade) => {
      try {
        const { schedule } = await bridge.call("review.grade", { cardId, grade });
        set({ lastReview: { cardId, grade, nextDue: schedule.due } });
        await get().loadReviewQueue();
        void get().loadReviewStats();
        void get().loadProgress();
      } catch (err) {
        set({ reviewError: `The grade was not saved: ${toAppError(err).message}` });
      }
    },

    gradeInterview: async (lessonId, answer) => {
      set({ interviewGrading: true, interviewError: null, interviewFeedback: null });
      try {
        const feedback = await bridge.call("interview.grade", { lessonId, answer, profileId: get().activeId });
        set({ interviewFeedback: feedback, interviewGrading: false });
        if (feedback.mode === "model") void get().loadProgress();
      } catch (err) {
        set({ interviewGrading: false, interviewError: toAppError(err).message });
      }
    },

    recordSelfGrade: async (lessonId, score) => {
      try {
        await bridge.call("interview.recordSelfGrade", { lessonId, score });
        await get().loadProgress();
      } catch (err) {
        set({ interviewError: `The grade was not saved: ${toAppError(err).message}` });
      }
    },

    resetInterview: () => set({ interviewFeedback: null, interviewError: null, interviewGrading: false }),
  });
}
