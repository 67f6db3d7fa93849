// Tests of lessons taught in the Embeddings lab: loading a preset into the lab, and grading the
// exercise on the lab's latest set (its job id) through the bridge, over a fake bridge.
import { describe, expect, it } from "vitest";
import type { ExerciseGrade } from "../../../shared/contracts/lessons";
import type { Lesson } from "../../../shared/lesson";
import type { LessonProgress } from "../../../shared/lessonProgress";
import { simulatorTag } from "../../store/fixtures";
import { createTestStore } from "../../store/testStore";
import { checkEmbeddingsExercise, loadEmbeddingsPreset } from "./embeddingsExercise";

const JOB_ID = "7d6a3a36-2f4c-4a55-9c1e-2b1f7f7c9e10";
const lesson = { frontMatter: { id: "embeddings" }, sections: [] } as unknown as Lesson;
const entry = (patch: Partial<LessonProgress> = {}): LessonProgress => ({ read: false, exercisePassed: false, quiz: null, bestQuiz: null, updatedAt: 1, ...patch });
const embeddedSet = {
  jobId: JOB_ID,
  model: "sim-embedding-1",
  dimensions: 2,
  count: 2,
  vectors: new Float32Array(4),
  cachedCount: 0,
  requestCount: 1,
  promptTokens: 4,
  provider: simulatorTag,
  texts: ["a", "b"],
  requestedDimensions: undefined,
  version: 1,
};

describe("embeddings exercises", () => {
  it("load a preset's texts, one per line, and its width into the lab, and show the lab", () => {
    const { store } = createTestStore();
    store.getState().setEmbeddingsInput({ model: "typed-model" });
    loadEmbeddingsPreset(store, { texts: ["The cat sat.", "Stocks fell."], dimensions: 256, query: "a cat" });
    const state = store.getState();
    expect(state.embeddings).toMatchObject({ textsInput: "The cat sat.\nStocks fell.", dimensions: 256, model: "" });
    expect(state.view).toBe("embeddings");
    loadEmbeddingsPreset(store, { texts: ["x"] });
    expect(store.getState().embeddings.dimensions).toBeNull();
  });

  it("ask for embeddings before checking, without calling the main side", async () => {
    const { bridge, store } = createTestStore();
    store.setState({ openLesson: lesson });
    await checkEmbeddingsExercise(store);
    expect(store.getState().exerciseError).toMatch(/Embed the texts in the Embeddings lab first/);
    expect(bridge.callsTo("lessons.gradeExercise")).toHaveLength(0);
  });

  it("grade the lab's latest set by its job id and record the progress", async () => {
    const { bridge, store } = createTestStore();
    const grade: ExerciseGrade = { pass: true, reason: "Passed", results: [], progress: entry({ exercisePassed: true }) };
    bridge.handle("lessons.gradeExercise", () => grade);
    store.setState({ openLesson: lesson, progress: { lessons: {}, cards: {}, mocks: [] } });
    store.setState((s) => ({ embeddings: { ...s.embeddings, status: "ready", set: embeddedSet } }));
    await checkEmbeddingsExercise(store);
    expect(bridge.callsTo("lessons.gradeExercise")).toEqual([{ lessonId: "embeddings", runId: JOB_ID }]);
    expect(store.getState()).toMatchObject({ exerciseGrade: grade, exerciseChecking: false, exerciseError: null });
    expect(store.getState().progress?.lessons.embeddings?.exercisePassed).toBe(true);
  });

  it("show the main side's refusal as the check's error", async () => {
    const { store } = createTestStore();
    store.setState({ openLesson: lesson });
    store.setState((s) => ({ embeddings: { ...s.embeddings, status: "ready", set: embeddedSet } }));
    await checkEmbeddingsExercise(store);
    expect(store.getState()).toMatchObject({ exerciseGrade: null, exerciseChecking: false });
    expect(store.getState().exerciseError).toBeTruthy();
  });
});
