// Tests of the lessons and review slices over a fake bridge: "try it", exercise checks on the
// latest run, stale search answers, quiz and review grades, and mock interviews.
import { describe, expect, it } from "vitest";
import type { Lesson } from "../../shared/lesson";
import type { LessonProgress, ProgressView } from "../../shared/lessonProgress";
import { simulatorTag } from "./fixtures";
import { createTestStore, TEST_RUN_ID } from "./testStore";

const entry = (patch: Partial<LessonProgress> = {}): LessonProgress => ({ read: false, exercisePassed: false, quiz: null, bestQuiz: null, updatedAt: 1, ...patch });
const emptyProgress: ProgressView = { lessons: {}, cards: {}, mocks: [] };
const preset = { request: { model: "sim-chat-1", messages: [{ role: "user" as const, content: "Hi" }], max_completion_tokens: 8 }, simulatorFailure: "drop" as const };
const lesson = { frontMatter: { id: "max-output-tokens", preset }, sections: [] } as unknown as Lesson;

function setup() {
  const { bridge, store } = createTestStore();
  bridge.handle("lessons.get", () => lesson);
  bridge.handle("lessons.progress", () => emptyProgress);
  return { bridge, store };
}

describe("lessons slice", () => {
  it("loads a preset's request and simulated failure into the playground and shows it", () => {
    const { store } = setup();
    store.getState().loadPresetIntoPlayground(preset);
    const state = store.getState();
    expect(state.request).toEqual(preset.request);
    expect(state.request).not.toBe(preset.request);
    expect(state.simulatorFailure).toBe("drop");
    expect(state.view).toBe("playground");
  });

  it("loads a preset's schema, tools, tool_choice and tool settings, and resets settings a preset leaves out", () => {
    const { store } = setup();
    const refund = { type: "function" as const, function: { name: "create_refund", parameters: { type: "object", properties: { amount: { type: "number" } } } } };
    const request = {
      ...preset.request,
      response_format: { type: "json_schema" as const, json_schema: { name: "refund_note", strict: true, schema: { type: "object" } } },
      tools: [refund],
      tool_choice: { type: "function" as const, function: { name: "create_refund" } },
    };
    const settings = { create_refund: { sensitive: true, mock: { kind: "fixed" as const, json: '{"ok":true}' }, limits: [{ argument: "amount", max: 100 }] } };
    store.setState({ toolSettings: { old_tool: { sensitive: false, mock: { kind: "manual" }, limits: [] } }, toolRound: { runId: "old", choiceIndex: 0, content: null, calls: [] } });
    store.getState().loadPresetIntoPlayground({ request, simulatorFailure: "none", tools: { settings, stepLimit: 3 } });
    let state = store.getState();
    expect(state.request).toEqual(request);
    expect(state.toolSettings).toEqual(settings);
    expect(state.toolSettings).not.toBe(settings);
    expect(state.stepLimit).toBe(3);
    expect(state.toolRound).toBeNull();

    store.getState().loadPresetIntoPlayground(preset);
    state = store.getState();
    expect(state.request.tools).toBeUndefined();
    expect(state.request.response_format).toBeUndefined();
    expect(state.toolSettings).toEqual({});
    expect(state.stepLimit).toBe(5);
  });

  it("a preset built on a Chat Completions field goes out on Chat Completions; a plain one keeps Responses", () => {
    const { store } = setup();
    store.getState().loadPresetIntoPlayground(preset);
    expect(store.getState().api).toBe("responses"); // the fixture preset holds only fields both APIs take
    store.getState().setApi("responses");
    store.getState().loadPresetIntoPlayground({ ...preset, request: { ...preset.request, n: 4 } });
    expect(store.getState().api).toBe("chat");
    expect(store.getState().apiSwitch?.to).toBe("chat");
  });

  it("asks for a run before checking, without calling the main side", async () => {
    const { bridge, store } = setup();
    await store.getState().openLessonById("max-output-tokens");
    await store.getState().checkExercise();
    expect(store.getState().exerciseError).toMatch(/Run the exercise/);
    expect(bridge.callsTo("lessons.gradeExercise")).toHaveLength(0);
  });

  it("grades the latest finished run and updates the lesson's progress", async () => {
    const { bridge, store } = setup();
    bridge.handle("lessons.gradeExercise", () => ({ pass: true, reason: "Passed", results: [], progress: entry({ exercisePassed: true }) }));
    await store.getState().loadProgress();
    await store.getState().openLessonById("max-output-tokens");
    store.setState({ run: { ...store.getState().run, runId: TEST_RUN_ID, status: "done" } });
    await store.getState().checkExercise();
    expect(bridge.callsTo("lessons.gradeExercise")).toEqual([{ lessonId: "max-output-tokens", runId: TEST_RUN_ID }]);
    expect(store.getState().exerciseGrade?.pass).toBe(true);
    expect(store.getState().progress?.lessons["max-output-tokens"]?.exercisePassed).toBe(true);
  });

  it("keeps the hits of the newest query when an older answer arrives late", async () => {
    const { bridge, store } = setup();
    let releaseOld: () => void = () => {};
    bridge.handle("lessons.search", ({ query }) =>
      query === "temp"
        ? new Promise((resolve) => (releaseOld = () => resolve({ hits: [{ id: "old", number: 1, title: "Old", score: 1, snippet: "" }] })))
        : { hits: [{ id: "temperature", number: 8, title: "Temperature", score: 9, snippet: "" }] },
    );
    const old = store.getState().searchLessons("temp");
    await store.getState().searchLessons("temperature");
    releaseOld();
    await old;
    expect(store.getState().lessonSearch.hits.map((h) => h.id)).toEqual(["temperature"]);
  });

  it("records a quiz outcome and the lesson's new progress", async () => {
    const { bridge, store } = setup();
    bridge.handle("lessons.submitQuiz", () => ({ results: [{ correct: true, explanation: "ok", expected: 0 }], correct: 1, total: 1, progress: entry({ quiz: { correct: 1, total: 1, at: 1 } }) }));
    await store.getState().loadProgress();
    await store.getState().openLessonById("max-output-tokens");
    await store.getState().submitQuiz([0]);
    expect(bridge.callsTo("lessons.submitQuiz")).toEqual([{ lessonId: "max-output-tokens", answers: [0] }]);
    expect(store.getState().quizOutcome).toMatchObject({ correct: 1, total: 1 });
    expect(store.getState().progress?.lessons["max-output-tokens"]?.quiz?.correct).toBe(1);
  });
});

describe("review slice", () => {
  it("saves a grade, remembers the next due date and reloads the queue", async () => {
    const { bridge, store } = setup();
    bridge.handle("review.queue", () => ({ cards: [], dueLater: 1, nextDue: 5000 }));
    bridge.handle("review.grade", ({ cardId }) => ({ cardId, schedule: { due: 5000, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, learningSteps: 1, reps: 1, lapses: 0, state: 1, lastReview: 1, introduced: 1 } }));
    await store.getState().gradeReviewCard("temperature#1", "good");
    expect(store.getState().lastReview).toEqual({ cardId: "temperature#1", grade: "good", nextDue: 5000 });
    expect(bridge.callsTo("review.queue")).toHaveLength(1);
  });

  it("starts a mock interview with the lesson's question and grades on the active profile", async () => {
    const { bridge, store } = setup();
    const withQuestion = { ...lesson, frontMatter: { ...lesson.frontMatter, interview: { question: "How do you cap output?", keyPoints: ["max_completion_tokens"] } } } as unknown as Lesson;
    bridge.handle("lessons.get", () => withQuestion);
    bridge.handle("interview.grade", () => ({ mode: "self", keyPoints: ["max_completion_tokens"], why: "simulator" }));
    await store.getState().loadProfiles();
    await store.getState().startInterview("max-output-tokens");
    expect(store.getState().interview).toEqual({ lessonId: "max-output-tokens", question: "How do you cap output?" });
    await store.getState().gradeInterview("max-output-tokens", "Use max_completion_tokens");
    expect(bridge.callsTo("interview.grade")).toEqual([{ lessonId: "max-output-tokens", answer: "Use max_completion_tokens", profileId: simulatorTag.profileId }]);
    expect(store.getState().interviewFeedback?.mode).toBe("self");
  });
});
