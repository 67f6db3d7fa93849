// Tests of the learning service: progress that survives reopening the settings file, quiz scores,
// the FSRS review queue and grades, mock-interview scores, and exercises graded on embeddings and evaluation runs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EvalRun } from "../../shared/evals";
import { DEFAULT_PRICE_TABLE } from "../../shared/pricing";
import { createLearningService } from "./learning";
import { createLessonLibrary } from "./lessons";
import { NEW_CARDS_PER_DAY } from "./reviewScheduler";
import { openTestSettingsStore } from "../../test/fixtures/settingsStore";

const library = createLessonLibrary(join(import.meta.dirname, "../../lessons"));
let dir: string;
let clock: Date;

const open = () => {
  const store = openTestSettingsStore(dir);
  return createLearningService({ store, library, findRun: () => null, priceTable: () => DEFAULT_PRICE_TABLE, now: () => clock });
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dojo-learning-"));
  clock = new Date(2025, 5, 2, 10, 0, 0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("lesson progress", () => {
  it("records read and quiz scores, and keeps them after the settings file is reopened", () => {
    const learning = open();
    learning.markRead("temperature");
    const quiz = library.get("temperature").frontMatter.quiz;
    const allRight = quiz.map((q) => (q.kind === "choice" ? q.answer : q.sample));
    const graded = learning.submitQuiz("temperature", allRight);
    expect(graded.correct).toBe(quiz.length);

    const reopened = open().progress().lessons.temperature;
    expect(reopened?.read).toBe(true);
    expect(reopened?.quiz).toMatchObject({ correct: quiz.length, total: quiz.length });
    expect(reopened?.answers).toEqual(allRight);
  });

  it("keeps the best quiz score when a later attempt is worse", () => {
    const learning = open();
    const quiz = library.get("streaming").frontMatter.quiz;
    learning.submitQuiz("streaming", quiz.map((q) => (q.kind === "choice" ? q.answer : q.sample)));
    const worse = learning.submitQuiz("streaming", quiz.map(() => null));
    expect(worse.progress.quiz?.correct).toBe(0);
    expect(worse.progress.bestQuiz?.correct).toBe(quiz.length);
  });

  it("grades an embeddings exercise on the embed job it names, with the probes' figures, and records a pass", async () => {
    const store = openTestSettingsStore(dir);
    const exercise = library.get("embeddings").frontMatter.exercise;
    if (exercise.source !== "embeddings") throw new Error("lesson 18 should have an embeddings exercise");
    // Hand-made 2-D vectors: the cat pair points one way, the markets pair another, pasta a third.
    const texts = exercise.solution.texts;
    const direction: Record<string, [number, number]> = {
      "The cat sat on the mat.": [1, 0],
      "A cat was sitting on a rug.": [0.9, 0.1],
      "Stock markets fell sharply today.": [0, 1],
      "Shares dropped as markets slid.": [0.1, 0.9],
      "Boil the pasta for ten minutes.": [-1, 0],
    };
    const snapshot = (jobId: string, vectors: number[][]) => ({ jobId, model: "sim-embedding-1", dimensions: 2, providerKind: "simulator", texts, vectors: Float32Array.from(vectors.flat()) });
    const good = snapshot(crypto.randomUUID(), texts.map((t) => direction[t] ?? [0, 0]));
    // The same texts with the cat paraphrase pointing away from its partner.
    const bad = snapshot(crypto.randomUUID(), texts.map((t) => (t === "A cat was sitting on a rug." ? [0, -1] : direction[t] ?? [0, 0])));
    const learning = createLearningService({ store, library, findRun: () => null, priceTable: () => DEFAULT_PRICE_TABLE, embeddingResults: () => [bad, good], now: () => clock });

    const failed = await learning.gradeExercise("embeddings", bad.jobId);
    expect(failed.pass).toBe(false);
    expect(failed.reason).toMatch(/^Not yet\. Not shown by this run: the two cat sentences are closer to each other than to the markets sentence\..*similarity to "A cat was sitting on a rug\." is -?0\.0+/);
    expect(failed.progress.exercisePassed).toBe(false);

    const passed = await learning.gradeExercise("embeddings", good.jobId);
    expect(passed.results.map((r) => r.pass)).toEqual([true, true]);
    expect(passed.pass).toBe(true);
    expect(learning.progress().lessons.embeddings?.exercisePassed).toBe(true);
    await expect(learning.gradeExercise("embeddings", crypto.randomUUID())).rejects.toThrow(/Embeddings lab/);
  });

  it("refuses an unknown lesson and an unknown run", async () => {
    const learning = open();
    expect(() => learning.markRead("no-such-lesson")).toThrow(/no lesson/);
    await expect(learning.gradeExercise("temperature", crypto.randomUUID())).rejects.toThrow(/no longer known/);
    // Without the embeddings service's results, an embeddings exercise says why it cannot be graded.
    await expect(learning.gradeExercise("embeddings", crypto.randomUUID())).rejects.toThrow(/started without the embeddings/);
  });
});

/** Marks the first lessons read, so their cards enter review (more cards than a day's new ones). */
const studyFirstLessons = (count = 6) => {
  const learning = open();
  for (const lesson of library.all().slice(0, count)) learning.markRead(lesson.frontMatter.id);
};

describe("review cards", () => {
  it("holds no card of a lesson before it is studied, and its cards once it is read or its exercise passed", () => {
    expect(open().queue().cards).toEqual([]);
    open().markRead("streaming");
    const queue = open().queue();
    expect(queue.cards.length).toBeGreaterThan(0);
    expect(new Set(queue.cards.map((c) => c.lessonId))).toEqual(new Set(["streaming"]));
    // A card graded before its lesson was studied (older data) neither returns nor counts in retention.
    const learning = open();
    learning.gradeCard("temperature#1", "good");
    clock = new Date(clock.getTime() + 30 * 24 * 3600_000);
    expect(open().queue().cards.some((c) => c.lessonId === "temperature")).toBe(false);
    expect(open().progress().cards.temperature).toMatchObject({ reviewed: 0, retention: null });
  });

  it("offers a daily number of new cards, with the next due date of each grade in order", () => {
    studyFirstLessons();
    const { cards } = open().queue();
    expect(cards.length).toBe(NEW_CARDS_PER_DAY);
    expect(cards.every((c) => c.isNew)).toBe(true);
    const first = cards[0]!;
    expect(first.nextDue.again).toBeLessThanOrEqual(first.nextDue.hard);
    expect(first.nextDue.hard).toBeLessThanOrEqual(first.nextDue.good);
    expect(first.nextDue.good).toBeLessThan(first.nextDue.easy);
  });

  it("schedules a graded card in the future, counts it against today's new cards, and brings it back when due", () => {
    studyFirstLessons();
    const learning = open();
    const card = learning.queue().cards[0]!;
    const { schedule } = learning.gradeCard(card.cardId, "easy");
    expect(schedule.due).toBeGreaterThan(clock.getTime() + 24 * 3600_000);
    expect(schedule.reps).toBe(1);

    const today = open().queue();
    expect(today.cards.map((c) => c.cardId)).not.toContain(card.cardId);
    expect(today.cards.filter((c) => c.isNew)).toHaveLength(NEW_CARDS_PER_DAY - 1);
    expect(today.nextDue).toBe(schedule.due);

    clock = new Date(schedule.due + 1000);
    const later = open().queue();
    expect(later.cards[0]).toMatchObject({ cardId: card.cardId, isNew: false });
  });

  it("holds a card graded Again back until its short learning step has passed", () => {
    studyFirstLessons();
    const learning = open();
    const card = learning.queue().cards[0]!;
    const { schedule } = learning.gradeCard(card.cardId, "again");
    expect(schedule.due - clock.getTime()).toBeLessThan(3600_000);
    expect(open().queue().cards.map((c) => c.cardId)).not.toContain(card.cardId);
    clock = new Date(schedule.due);
    expect(open().queue().cards[0]?.cardId).toBe(card.cardId);
  });

  it("reports retention per lesson from the reviewed cards only", () => {
    studyFirstLessons();
    const learning = open();
    const card = learning.queue().cards[0]!;
    expect(learning.progress().cards[card.lessonId]?.retention).toBeNull();
    learning.gradeCard(card.cardId, "good");
    clock = new Date(clock.getTime() + 3600_000);
    const stats = learning.progress().cards[card.lessonId]!;
    expect(stats.reviewed).toBe(1);
    expect(stats.retention).toBeGreaterThan(0.5);
    expect(stats.retention).toBeLessThanOrEqual(1);
  });

  it("takes back the last grade once: a new card is new again, a reviewed card gets its old schedule", () => {
    studyFirstLessons();
    const learning = open();
    expect(() => learning.undoLastGrade()).toThrow(/no grade to undo/);
    const card = learning.queue().cards[0]!;
    const first = learning.gradeCard(card.cardId, "good").schedule;
    expect(learning.undoLastGrade()).toEqual({ cardId: card.cardId, schedule: null });
    expect(learning.queue().cards[0]).toMatchObject({ cardId: card.cardId, isNew: true });
    expect(() => learning.undoLastGrade()).toThrow(/no grade to undo/);
    learning.gradeCard(card.cardId, "good");
    clock = new Date(first.due + 1000);
    learning.gradeCard(card.cardId, "again");
    expect(learning.undoLastGrade().schedule).toEqual(first);
    expect(open().progress().cards[card.lessonId]?.reviewed).toBe(1);
  });

  it("counts due today, retention and a 30-day forecast over studied lessons only", () => {
    const learning = open();
    expect(learning.reviewStats()).toEqual({ dueToday: 0, reviewed: 0, retention: null, forecast: Array.from({ length: 30 }, () => 0) });
    studyFirstLessons(1);
    const queue = learning.queue();
    const stats = learning.reviewStats();
    expect(stats.dueToday).toBe(queue.cards.length);
    expect(stats.reviewed).toBe(0);
    const easy = learning.gradeCard(queue.cards[0]!.cardId, "easy").schedule;
    learning.gradeCard(queue.cards[1]!.cardId, "again");
    const after = learning.reviewStats();
    expect(after).toMatchObject({ dueToday: queue.cards.length - 2, reviewed: 2 });
    expect(after.retention).toBeGreaterThan(0.5);
    const easyDay = Math.round((new Date(easy.due).setHours(0, 0, 0, 0) - new Date(clock).setHours(0, 0, 0, 0)) / 86_400_000);
    expect(easyDay).toBeGreaterThan(0);
    // The card graded Again is due again today; the easy one on its day.
    expect(after.forecast[0]).toBe(1);
    expect(after.forecast[easyDay]).toBe(1);
    expect(after.forecast.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("refuses a card id no lesson has", () => {
    expect(() => open().gradeCard("temperature#99", "good")).toThrow(/no review card/);
  });
});

describe("mock scores", () => {
  it("appends self and model scores to the saved list", () => {
    const learning = open();
    learning.recordMock("prompts", 0.5, "self");
    learning.recordMock("prompts", 0.8, "model");
    expect(open().progress().mocks.map((m) => [m.lessonId, m.score, m.mode])).toEqual([
      ["prompts", 0.5, "self"],
      ["prompts", 0.8, "model"],
    ]);
  });
});

describe("eval exercises", () => {
  const RUN_ID = "5c2d7a10-3b4e-4f6a-8d9c-1e2f3a4b5c6d";
  const exercise = library.get("batching").frontMatter.exercise;
  if (exercise.source !== "eval") throw new Error("lesson 37 should have an eval exercise");
  /** A finished run of lesson 37's dataset, every case passing, sent as `mode`. */
  const finishedRun = (mode: "direct" | "batch", status: EvalRun["status"] = "done"): EvalRun => ({
    id: RUN_ID,
    datasetId: "weekly",
    datasetName: "Weekly",
    createdAt: 1,
    variants: exercise.solution.variants.map((v) => ({ ...v, profileId: "simulator" })),
    settings: { concurrency: 4, cache: false, mode },
    status,
    error: null,
    caseCount: exercise.solution.dataset.cases.length,
    cells: exercise.solution.dataset.cases.map((c) => ({ caseId: c.id, variant: 0, runId: null, status: "pass" as const, checks: [], output: "A summary.", latencyMs: null, costUsd: 0.0001, cached: false, error: null })),
    batch: mode === "batch" ? { batchId: "batch_1", inputFileId: "file_1", status: "completed", outputFileId: "file_2", errorFileId: null, completed: 6, failed: 0, total: 6 } : null,
    elapsedMs: 10,
  });
  const openWith = (found: EvalRun | null) => {
    const store = openTestSettingsStore(dir);
    return createLearningService({ store, library, findRun: () => null, priceTable: () => DEFAULT_PRICE_TABLE, findEvalRun: (id) => (id === found?.id ? found : null), findDataset: () => null, now: () => clock });
  };

  it("grades the evaluation run it names, with the run's figures in the reasons, and records a pass", async () => {
    const failed = await openWith(finishedRun("direct")).gradeExercise("batching", RUN_ID);
    expect(failed.pass).toBe(false);
    expect(failed.reason).toBe('Not yet. Not shown by this run: the requests went through the Batch API (in this run, mode: "direct").');
    expect(failed.reason).not.toMatch(/expected|\bmode is\b/);
    expect(failed.results.find((r) => r.description === "the batch completed")?.reason).toMatch(/no batch: the requests were sent one by one/);
    expect(failed.progress.exercisePassed).toBe(false);

    const passed = await openWith(finishedRun("batch")).gradeExercise("batching", RUN_ID);
    expect(passed.results.filter((r) => !r.pass)).toEqual([]);
    expect(passed).toMatchObject({ pass: true, reason: "Passed: every check of the exercise holds for this evaluation run." });
    expect(open().progress().lessons.batching?.exercisePassed).toBe(true);
  });

  it("refuses a run that is unknown or still running, and says so when no evaluation service was given", async () => {
    await expect(openWith(null).gradeExercise("batching", RUN_ID)).rejects.toThrow(/no longer known/);
    await expect(openWith(finishedRun("batch", "running")).gradeExercise("batching", RUN_ID)).rejects.toThrow(/still running/);
    await expect(open().gradeExercise("batching", RUN_ID)).rejects.toThrow(/without the evaluation service/);
  });
});
