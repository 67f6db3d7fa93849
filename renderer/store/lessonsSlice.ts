// Renderer: the lessons slice: the course list and progress, the open lesson, search, "try it"
// (a lesson's preset loaded into the playground), exercise grading on the last run, and the quiz.
import type { ExerciseGrade, LessonSummary } from "../../shared/contracts/lessons";
import type { Lesson, PlaygroundPreset } from "../../shared/lesson";
import type { ProgressView } from "../../shared/lessonProgress";
import type { LessonHit } from "../../shared/lessonSearch";
import type { QuizAnswer, QuizResult } from "../../shared/lessonQuiz";
import { backupParts, type LessonSettingsBackup } from "../../shared/lessonSettingsBackup";
import { applyPresetSettings } from "./presetSettings";
import { notCarriedToResponses } from "../../shared/api/responsesBody";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

/** A graded quiz as shown under the questions. */
export interface QuizOutcome {
  results: QuizResult[];
  correct: number;
  total: number;
  /** Why the rules graded although a model grader was asked for. */
  graderNote?: string;
}

export interface LessonsSlice {
  /** Valid lessons in topic order; null until loaded. */
  lessonList: LessonSummary[] | null;
  /** Problems of lesson files that did not validate. */
  lessonProblems: string[];
  lessonsError: string | null;
  progress: ProgressView | null;
  /** The lesson shown, or null for the course map. */
  openLesson: Lesson | null;
  lessonSearch: { query: string; hits: LessonHit[] };
  exerciseGrade: ExerciseGrade | null;
  exerciseChecking: boolean;
  /** Why the last check could not run (no run yet, call failed). */
  exerciseError: string | null;
  quizOutcome: QuizOutcome | null;
  /** Quiz answers typed or chosen but not yet checked, by lesson id, kept while the app runs. */
  quizDrafts: Record<string, (QuizAnswer | null)[]>;
  setQuizDraft(lessonId: string, answers: (QuizAnswer | null)[]): void;
  /** The learner's own settings kept before a lesson replaced them (undefined: not read yet). */
  settingsBackup: LessonSettingsBackup | null | undefined;
  /** Reads the kept settings, if any. */
  loadSettingsBackup(): Promise<void>;
  /** Shows what the main side kept (after a lesson's settings were applied). */
  setSettingsBackup(backup: LessonSettingsBackup | null): void;
  /** Puts the kept settings back, refreshing the settings shown. */
  restoreLessonSettings(): Promise<void>;
  /** Forgets the kept settings: the lesson's stay. */
  discardLessonSettings(): Promise<void>;
  /** Reads the lesson list and progress. */
  loadCourse(): Promise<void>;
  /** Refreshes progress only. */
  loadProgress(): Promise<void>;
  /** Opens a lesson in the Lessons view. */
  openLessonById(lessonId: string): Promise<void>;
  /** Back to the course map. */
  closeLesson(): void;
  searchLessons(query: string): Promise<void>;
  markLessonRead(lessonId: string): Promise<void>;
  /**
   * Loads a preset into the playground and shows it: the request (messages, parameters, response
   * format, tools, tool_choice), the tools' settings (mocks, sensitivity, limits) and the failure;
   * the preset's app settings (safety, fallbacks, policy) are saved in the background.
   */
  loadPresetIntoPlayground(preset: PlaygroundPreset): void;
  /** Saves a preset's safety switches, fallback chain and policy fields; resolves with the problems met. */
  applyPresetSettings(preset: PlaygroundPreset): Promise<string[]>;
  /** Grades the open lesson's exercise on the playground's latest run. */
  checkExercise(): Promise<void>;
  /**
   * Grades a lesson's exercise on a finished run, embedded set or evaluation (by its id), and shows
   * the grade and the new progress; the playground, the Embeddings lab and the Evals view share it.
   */
  gradeExerciseRun(lessonId: string, runId: string): Promise<void>;
  /** Grades the open lesson's quiz: short answers by the rules, or with `byModel` by a model on the active profile. */
  submitQuiz(answers: (QuizAnswer | null)[], byModel?: boolean): Promise<void>;
  /** Whether the quiz is being graded (a model grader takes a moment). */
  quizGrading: boolean;
}

/** The lessons slice. */
export function createLessonsSlice(deps: StoreDeps): SliceCreator<LessonsSlice> {
  const { bridge } = deps;
  return (set, get) => ({
    lessonList: null,
    lessonProblems: [],
    lessonsError: null,
    progress: null,
    openLesson: null,
    lessonSearch: { query: "", hits: [] },
    exerciseGrade: null,
    exerciseChecking: false,
    exerciseError: null,
    quizOutcome: null,
    quizDrafts: {},
    quizGrading: false,
    setQuizDraft: (lessonId, answers) => set({ quizDrafts: { ...get().quizDrafts, [lessonId]: answers } }),
    settingsBackup: undefined,

    loadSettingsBackup: async () => {
      try {
        set({ settingsBackup: (await bridge.call("lessons.settingsBackup", {})).backup });
      } catch (err) {
        get().addNotice(`The settings kept before a lesson could not be read: ${toAppError(err).message}`, "warning");
      }
    },

    setSettingsBackup: (backup) => set({ settingsBackup: backup }),

    restoreLessonSettings: async () => {
      try {
        const { restored } = await bridge.call("lessons.restoreSettings", {});
        set({ settingsBackup: null });
        await Promise.all([get().loadSafety(), get().loadPolicy(), restored.fallbacks ? get().loadFallbacks(restored.fallbacks.profileId) : Promise.resolve()]);
        get().addNotice(`Restored ${backupParts(restored).join(", ")} as they were before the lesson "${restored.lessonTitle}".`, "info");
      } catch (err) {
        get().addNotice(`Your settings could not be restored: ${toAppError(err).message}`, "error");
      }
    },

    discardLessonSettings: async () => {
      try {
        await bridge.call("lessons.discardSettingsBackup", {});
        set({ settingsBackup: null });
      } catch (err) {
        get().addNotice(`The kept settings could not be forgotten: ${toAppError(err).message}`, "warning");
      }
    },

    loadCourse: async () => {
      try {
        const [list, progress] = await Promise.all([bridge.call("lessons.list", {}), bridge.call("lessons.progress", {})]);
        set({ lessonList: list.lessons, lessonProblems: list.problems, progress, lessonsError: null });
      } catch (err) {
        set({ lessonsError: `The lessons could not be loaded: ${toAppError(err).message}` });
      }
    },

    loadProgress: async () => {
      try {
        set({ progress: await bridge.call("lessons.progress", {}) });
      } catch (err) {
        get().addNotice(`Progress could not be read: ${toAppError(err).message}`, "warning");
      }
    },

    openLessonById: async (lessonId) => {
      try {
        const lesson = await bridge.call("lessons.get", { lessonId });
        set({ openLesson: lesson, exerciseGrade: null, exerciseError: null, quizOutcome: null, view: "lessons" });
      } catch (err) {
        set({ lessonsError: `The lesson could not be opened: ${toAppError(err).message}` });
      }
    },

    closeLesson: () => set({ openLesson: null, exerciseGrade: null, exerciseError: null, quizOutcome: null }),

    searchLessons: async (query) => {
      set({ lessonSearch: { query, hits: query.trim() ? get().lessonSearch.hits : [] } });
      if (!query.trim()) return;
      try {
        const { hits } = await bridge.call("lessons.search", { query });
        // A slower answer to an older query must not replace a newer one.
        if (get().lessonSearch.query === query) set({ lessonSearch: { query, hits } });
      } catch (err) {
        set({ lessonsError: `Search failed: ${toAppError(err).message}` });
      }
    },

    markLessonRead: async (lessonId) => {
      try {
        const entry = await bridge.call("lessons.markRead", { lessonId });
        const progress = get().progress;
        if (progress) set({ progress: { ...progress, lessons: { ...progress.lessons, [lessonId]: entry } } });
      } catch (err) {
        get().addNotice(`Could not save progress: ${toAppError(err).message}`, "warning");
      }
    },

    loadPresetIntoPlayground: (preset) => {
      get().editRequest(() => structuredClone(preset.request));
      // A lesson written around a Chat Completions field (n, logprobs, stop...) goes out on that API,
      // so the exercise sends what the lesson describes; the switch notice says so.
      if (get().api === "responses" && notCarriedToResponses(preset.request).length) get().setApi("chat");
      // The preset's tool settings replace the old ones (none: every tool answered by hand), since
      // settings left from another request would answer its tools with the wrong mocks and limits.
      get().loadToolsDraft(preset.tools ? structuredClone(preset.tools) : undefined);
      // A pending tool round belongs to the previous request; sending it back would mix the two.
      set({ toolRound: null, toolRoundProblem: null });
      get().setSimulatorFailure(preset.simulatorFailure);
      get().setView("playground");
      void get().applyPresetSettings(preset);
    },

    applyPresetSettings: (preset) => applyPresetSettings(preset, get, bridge, get().openLesson?.frontMatter.title ?? ""),

    checkExercise: async () => {
      const lesson = get().openLesson;
      const { runId, status } = get().run;
      if (!lesson) return;
      if (!runId || status === "idle" || status === "streaming") {
        set({ exerciseError: "Run the exercise in the playground first; the check uses your latest finished run.", exerciseGrade: null });
        return;
      }
      await get().gradeExerciseRun(lesson.frontMatter.id, runId);
    },

    gradeExerciseRun: async (lessonId, runId) => {
      set({ exerciseChecking: true, exerciseError: null });
      try {
        const grade = await bridge.call("lessons.gradeExercise", { lessonId, runId });
        const progress = get().progress;
        set({
          exerciseGrade: grade,
          exerciseChecking: false,
          progress: progress ? { ...progress, lessons: { ...progress.lessons, [lessonId]: grade.progress } } : progress,
        });
      } catch (err) {
        set({ exerciseChecking: false, exerciseGrade: null, exerciseError: toAppError(err).message });
      }
    },

    submitQuiz: async (answers, byModel = false) => {
      const lesson = get().openLesson;
      if (!lesson) return;
      set({ quizGrading: true });
      try {
        const modelGrader = byModel ? { modelGrader: { profileId: get().activeId } } : {};
        const outcome = await bridge.call("lessons.submitQuiz", { lessonId: lesson.frontMatter.id, answers, ...modelGrader });
        const progress = get().progress;
        set({
          quizGrading: false,
          quizOutcome: { results: outcome.results, correct: outcome.correct, total: outcome.total, ...(outcome.graderNote ? { graderNote: outcome.graderNote } : {}) },
          progress: progress ? { ...progress, lessons: { ...progress.lessons, [lesson.frontMatter.id]: outcome.progress } } : progress,
        });
      } catch (err) {
        set({ quizGrading: false });
        get().addNotice(`The quiz could not be graded: ${toAppError(err).message}`, "error");
      }
    },
  });
}
