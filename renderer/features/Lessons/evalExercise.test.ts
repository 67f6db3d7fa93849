// Tests of lessons taught in the Evals view: loading a preset (its dataset saved and opened, its first
// prompt version in the playground), and grading on the evaluation run on screen, over a fake bridge.
import { describe, expect, it } from "vitest";
import type { ExerciseGrade } from "../../../shared/contracts/lessons";
import type { Dataset, EvalRun } from "../../../shared/evals";
import type { EvalPreset, Lesson } from "../../../shared/lesson";
import type { LessonProgress } from "../../../shared/lessonProgress";
import { createTestStore } from "../../store/testStore";
import { checkEvalExercise, evalPresetSteps, loadEvalPreset } from "./evalExercise";

const RUN_ID = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
const lesson = { frontMatter: { id: "batching" }, sections: [] } as unknown as Lesson;
const entry = (patch: Partial<LessonProgress> = {}): LessonProgress => ({ read: false, exercisePassed: false, quiz: null, bestQuiz: null, updatedAt: 1, ...patch });
const preset: EvalPreset = {
  dataset: { name: "Lesson 37: weekly ticket summaries", columns: ["ticket"], cases: [{ id: "t-1", vars: { ticket: "Lid broken." }, assertions: [] }], assertions: [] },
  variants: [
    { label: "Summary v1", request: { model: "sim-chat-1", messages: [{ role: "user", content: "Summarise: {{ticket}}" }], temperature: 0 } },
    { label: "Summary v2", request: { model: "sim-chat-1", messages: [{ role: "user", content: "One line: {{ticket}}" }] } },
  ],
  settings: { concurrency: 2, cache: true, mode: "batch" },
};
const saved = (id: string, draft: { name: string; columns: string[]; cases: Dataset["cases"]; assertions: Dataset["assertions"] }): Dataset => ({ format: "prompt-dojo.dataset", formatVersion: 1, id, updatedAt: 5, ...draft });

describe("eval exercises", () => {
  it("describe how to run a preset, since the run settings are chosen in the Evals view", () => {
    expect(evalPresetSteps(preset)).toBe(
      'Loads the dataset "Lesson 37: weekly ticket summaries" (1 case) into the Evals view and the prompt version "Summary v1" into the playground; run it through the Batch API, with the cache on. Its other prompt versions ("Summary v2") are saved experiment versions you add in Run setup.',
    );
    expect(evalPresetSteps({ ...preset, variants: preset.variants.slice(0, 1), settings: { concurrency: 4, cache: false, mode: "direct" } })).toMatch(/run it one request per case, 4 at a time\.$/);
  });

  it("load a preset: the dataset saved (replacing the one of the same name) and opened, the first version in the playground, the Evals view shown", async () => {
    const { bridge, store } = createTestStore();
    const listed = [{ id: "lesson-37-old", name: preset.dataset.name, caseCount: 9, columns: ["ticket"], updatedAt: 1 }];
    bridge.handle("evals.datasets.list", () => ({ datasets: listed }));
    bridge.handle("evals.datasets.save", (draft) => saved(draft.id ?? "new-id", draft));
    bridge.handle("evals.datasets.get", ({ id }) => saved(id, preset.dataset));
    bridge.handle("evals.list", () => ({ runs: [] }));
    await loadEvalPreset(store, preset);
    expect(bridge.callsTo("evals.datasets.save")).toEqual([{ ...preset.dataset, id: "lesson-37-old" }]);
    expect(bridge.callsTo("evals.datasets.get")).toEqual([{ id: "lesson-37-old" }]);
    const state = store.getState();
    expect(state.evals.dataset?.id).toBe("lesson-37-old");
    expect(state.request).toEqual(preset.variants[0]?.request);
    expect(state.view).toBe("evals");
  });

  it("create the dataset when none of that name exists", async () => {
    const { bridge, store } = createTestStore();
    bridge.handle("evals.datasets.list", () => ({ datasets: [] }));
    bridge.handle("evals.datasets.save", (draft) => saved(draft.id ?? "new-id", draft));
    bridge.handle("evals.datasets.get", ({ id }) => saved(id, preset.dataset));
    bridge.handle("evals.list", () => ({ runs: [] }));
    await loadEvalPreset(store, preset);
    expect(bridge.callsTo("evals.datasets.save")[0]?.id).toBeUndefined();
    expect(store.getState().evals.dataset?.id).toBe("new-id");
  });

  it("ask for an evaluation run before checking, without calling the main side", async () => {
    const { bridge, store } = createTestStore();
    store.setState({ openLesson: lesson });
    await checkEvalExercise(store);
    expect(store.getState().exerciseError).toMatch(/Run the dataset in the Evals view first/);
    expect(bridge.callsTo("lessons.gradeExercise")).toHaveLength(0);
  });

  it("grade the run on screen by its id and record the progress", async () => {
    const { bridge, store } = createTestStore();
    const grade: ExerciseGrade = { pass: true, reason: "Passed", results: [], progress: entry({ exercisePassed: true }) };
    bridge.handle("lessons.gradeExercise", () => grade);
    store.setState({ openLesson: lesson, progress: { lessons: {}, cards: {}, mocks: [] } });
    store.setState((s) => ({ evals: { ...s.evals, runId: RUN_ID, run: { id: RUN_ID } as EvalRun } }));
    await checkEvalExercise(store);
    expect(bridge.callsTo("lessons.gradeExercise")).toEqual([{ lessonId: "batching", runId: RUN_ID }]);
    expect(store.getState()).toMatchObject({ exerciseGrade: grade, exerciseChecking: false, exerciseError: null });
    expect(store.getState().progress?.lessons.batching?.exercisePassed).toBe(true);
  });

  it("show the main side's refusal (for example a run still going) as the check's error", async () => {
    const { store } = createTestStore();
    store.setState({ openLesson: lesson });
    store.setState((s) => ({ evals: { ...s.evals, runId: RUN_ID } }));
    await checkEvalExercise(store);
    expect(store.getState()).toMatchObject({ exerciseGrade: null, exerciseChecking: false });
    expect(store.getState().exerciseError).toBeTruthy();
  });
});
