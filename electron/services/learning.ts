// Main process: the learner's side of the course: progress per lesson (read, exercise, quiz), the
// review queue and grades, mock scores, and exercises graded on playground runs (or Embeddings lab
// results, or evaluation runs) with the shared assertion engine. Everything is kept in the settings file's `learning` field.
import { describeAssertion, runAssertions, type AssertionResult } from "../../shared/assertions";
import type { ExerciseGrade, ReviewCardView, ReviewGrade, ReviewStats } from "../../shared/contracts/lessons";
import { observeEvalRun } from "../../shared/evalObservation";
import type { Dataset, EvalRun } from "../../shared/evals";
import { lessonCards, type EmbeddingsExercise, type EvalExercise } from "../../shared/lesson";
import { observeEmbeddings, observeRunRecord, type EmbeddingsSnapshot } from "../../shared/lessonObservation";
import { MAX_MOCK_SCORES, LessonProgress, type CardSchedule, type LearningState, type MockScore, type ProgressView } from "../../shared/lessonProgress";
import { gradeQuiz, type ModelVerdict, type QuizAnswer, type QuizResult } from "../../shared/lessonQuiz";
import { estimateCost, type PriceTable } from "../../shared/pricing";
import type { RunRecord } from "../../shared/runRecord";
import { DojoError } from "../errors";
import type { LessonLibrary } from "./lessons";
import { buildQueue, cardStats, gradeCard, reviewStats } from "./reviewScheduler";
import type { SettingsStore } from "./settingsStore";

export interface LearningDeps {
  store: SettingsStore;
  library: LessonLibrary;
  /** The record of a recent run (the run log), or null. */
  findRun: (runId: string) => RunRecord | null;
  /** The price table in use, to give exercises a run's cost. */
  priceTable: () => PriceTable;
  /** The latest Embeddings lab results, newest first (the embeddings service's `recent`); without it embeddings exercises cannot be graded. */
  embeddingResults?: () => readonly EmbeddingsSnapshot[];
  /** An evaluation run by id (the eval service's `get`), or null; without it eval exercises cannot be graded. */
  findEvalRun?: (evalRunId: string) => EvalRun | null;
  /** A dataset by id as it is now, or null; eval exercises measure the dataset a run used. */
  findDataset?: (datasetId: string) => Dataset | null;
  now?: () => Date;
}

/** The learner's progress and practice. */
export interface LearningService {
  progress(): ProgressView;
  markRead(lessonId: string): LessonProgress;
  /** Grades on the run `runId`, or, for an embeddings exercise, on the embed job with that id, or for an eval exercise, on that evaluation run. */
  gradeExercise(lessonId: string, runId: string): Promise<ExerciseGrade>;
  /** Grades a quiz by the rules, or, for the short answers in `byModel`, by a model's verdicts. */
  submitQuiz(lessonId: string, answers: readonly (QuizAnswer | null)[], byModel?: ReadonlyMap<number, ModelVerdict>): { results: QuizResult[]; correct: number; total: number; progress: LessonProgress };
  queue(): { cards: ReviewCardView[]; dueLater: number; nextDue: number | null };
  gradeCard(cardId: string, grade: ReviewGrade): { cardId: string; schedule: CardSchedule };
  /** Takes back the last grade (once): the card's schedule is restored, or the card is new again. */
  undoLastGrade(): { cardId: string; schedule: CardSchedule | null };
  reviewStats(): ReviewStats;
  recordMock(lessonId: string, score: number, mode: MockScore["mode"]): void;
}

/** Builds the service over the settings store and the lesson library. */
export function createLearningService(deps: LearningDeps): LearningService {
  const now = deps.now ?? (() => new Date());
  const learning = () => deps.store.read().learning;
  const save = (change: (state: LearningState) => LearningState) => deps.store.update((s) => ({ ...s, learning: change(s.learning) })).learning;
  /** The card last graded and its schedule before, so that one grade can be taken back. */
  let lastGrade: { cardId: string; previous: CardSchedule | null } | null = null;
  const entry = (state: LearningState, id: string) => state.lessons[id] ?? LessonProgress.parse({});
  const updateLesson = (lessonId: string, change: (p: LessonProgress) => LessonProgress): LessonProgress => {
    deps.library.get(lessonId); // refuses an unknown lesson
    const saved = save((state) => ({ ...state, lessons: { ...state.lessons, [lessonId]: { ...change(entry(state, lessonId)), updatedAt: now().getTime() } } }));
    return entry(saved, lessonId);
  };

  const verdicts = (results: readonly AssertionResult[], notes: Record<string, string> = {}) =>
    results.map((r) => {
      // A probe's figures say why its fact holds or not ("similarity 0.81 vs 0.12").
      const note = r.assertion.type === "fact" ? notes[r.assertion.fact] : undefined;
      return { description: describeAssertion(r.assertion), pass: r.pass, reason: note ? `${r.reason} (${note})` : r.reason };
    });

  /** Grades an observation made by a lab (embeddings, evals): the verdicts, and progress on a pass. */
  const gradeObserved = async (
    lessonId: string,
    assertions: Parameters<typeof runAssertions>[0],
    observation: Parameters<typeof runAssertions>[1],
    notes: Parameters<typeof verdicts>[1],
    subject: string,
  ): Promise<ExerciseGrade> => {
    const results = await runAssertions(assertions, observation);
    const pass = results.every((r) => r.pass);
    const shown = verdicts(results, notes);
    const firstFailure = shown.find((r) => !r.pass);
    const progress = pass ? updateLesson(lessonId, (p) => ({ ...p, exercisePassed: true })) : entry(learning(), lessonId);
    return {
      pass,
      reason: pass ? `Passed: every check of the exercise holds for ${subject}.` : `Not yet. ${firstFailure?.reason ?? "A check failed."}`,
      results: shown,
      progress,
    };
  };

  const gradeEmbeddings = async (lessonId: string, exercise: EmbeddingsExercise, jobId: string): Promise<ExerciseGrade> => {
    if (!deps.embeddingResults) throw new DojoError("internal", "Embeddings exercises cannot be graded: the learning service was started without the embeddings service's results.");
    const kept = deps.embeddingResults();
    const set = kept.find((r) => r.jobId === jobId);
    if (!set) throw new DojoError("invalid_input", "Those embeddings are no longer known (only recent small results are kept): embed the texts again in the Embeddings lab, then check.");
    // Searches made after the set (newer entries come first) supply query vectors.
    const searches = kept.slice(0, kept.indexOf(set));
    const { observation, notes } = observeEmbeddings(set, exercise.probes, searches);
    return gradeObserved(lessonId, exercise.assertions, observation, notes, "these embeddings");
  };

  const gradeEval = async (lessonId: string, exercise: EvalExercise, evalRunId: string): Promise<ExerciseGrade> => {
    if (!deps.findEvalRun) throw new DojoError("internal", "Evaluation exercises cannot be graded: the learning service was started without the evaluation service.");
    const run = deps.findEvalRun(evalRunId);
    if (!run) throw new DojoError("invalid_input", "That evaluation run is no longer known: run the dataset again in the Evals view, then check.");
    if (run.status === "running") throw new DojoError("invalid_input", "That evaluation is still running: check it once it has finished.");
    const { observation, notes } = observeEvalRun(run, deps.findDataset?.(run.datasetId) ?? null, exercise.probes);
    return gradeObserved(lessonId, exercise.assertions, observation, notes, "this evaluation run");
  };

  return {
    progress() {
      const state = learning();
      return { lessons: state.lessons, cards: cardStats(deps.library.all(), state, now()), mocks: state.mocks };
    },

    markRead: (lessonId) => updateLesson(lessonId, (p) => ({ ...p, read: true })),

    async gradeExercise(lessonId, runId) {
      const { exercise } = deps.library.get(lessonId).frontMatter;
      if (exercise.source === "embeddings") return gradeEmbeddings(lessonId, exercise, runId);
      if (exercise.source === "eval") return gradeEval(lessonId, exercise, runId);
      const record = deps.findRun(runId);
      if (!record) throw new DojoError("invalid_input", "That run is no longer known (only recent runs are kept): run it again in the playground, then check.");
      const usage = record.result?.usage;
      const cost = usage ? estimateCost(record.request.model, usage, deps.priceTable()) : null;
      const results = await runAssertions(exercise.assertions, observeRunRecord(record, cost));
      const pass = results.every((r) => r.pass);
      const firstFailure = results.find((r) => !r.pass);
      const reason = pass
        ? "Passed: every check of the exercise holds for this run."
        : record.error
          ? `The run failed (${record.error.message}), so the exercise cannot pass: ${firstFailure?.reason ?? ""}`
          : `Not yet. ${firstFailure?.reason ?? "A check failed."}`;
      const progress = pass ? updateLesson(lessonId, (p) => ({ ...p, exercisePassed: true })) : entry(learning(), lessonId);
      return {
        pass,
        reason,
        results: verdicts(results),
        progress,
      };
    },

    submitQuiz(lessonId, answers, byModel) {
      const graded = gradeQuiz(deps.library.get(lessonId).frontMatter.quiz, answers, byModel);
      const score = { correct: graded.correct, total: graded.total, at: now().getTime() };
      const progress = updateLesson(lessonId, (p) => ({
        ...p,
        quiz: score,
        answers: [...answers],
        bestQuiz: !p.bestQuiz || score.correct / score.total >= p.bestQuiz.correct / p.bestQuiz.total ? score : p.bestQuiz,
      }));
      return { ...graded, progress };
    },

    queue: () => buildQueue(deps.library.all(), learning(), now()),

    gradeCard(cardId, grade) {
      const known = deps.library.all().some((l) => lessonCards(l.frontMatter).some((c) => c.cardId === cardId));
      if (!known) throw new DojoError("invalid_input", `There is no review card "${cardId}".`);
      const at = now();
      lastGrade = { cardId, previous: learning().cards[cardId] ?? null };
      const saved = save((state) => ({ ...state, cards: { ...state.cards, [cardId]: gradeCard(state.cards[cardId], grade, at) } }));
      return { cardId, schedule: saved.cards[cardId]! };
    },

    undoLastGrade() {
      const undo = lastGrade;
      if (!undo) throw new DojoError("invalid_input", "There is no grade to undo: grade a card first (only the last grade can be taken back).");
      lastGrade = null;
      save((state) => {
        const { [undo.cardId]: _graded, ...rest } = state.cards;
        return { ...state, cards: undo.previous ? { ...rest, [undo.cardId]: undo.previous } : rest };
      });
      return { cardId: undo.cardId, schedule: undo.previous };
    },

    reviewStats: () => reviewStats(deps.library.all(), learning(), now()),

    recordMock(lessonId, score, mode) {
      deps.library.get(lessonId);
      const mock: MockScore = { lessonId, score, mode, at: now().getTime() };
      save((state) => ({ ...state, mocks: [...state.mocks, mock].slice(-MAX_MOCK_SCORES) }));
    },
  };
}
