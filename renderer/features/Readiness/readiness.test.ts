// Tests of the readiness figures.
import { describe, expect, it } from "vitest";
import type { ProgressView } from "../../../shared/lessonProgress";
import { percent, topicReadiness, trackReadiness } from "./readiness";

const lessons = [
  { id: "temperature", number: 8, title: "Temperature", track: "Output control" as const, summary: "" },
  { id: "streaming", number: 10, title: "Streaming", track: "Output control" as const, summary: "" },
];
const progress: ProgressView = {
  lessons: {
    temperature: { read: true, exercisePassed: true, quiz: { correct: 2, total: 4, at: 1 }, bestQuiz: { correct: 3, total: 4, at: 0 }, updatedAt: 1 },
    streaming: { read: true, exercisePassed: false, quiz: null, bestQuiz: null, updatedAt: 1 },
  },
  cards: { temperature: { total: 3, reviewed: 2, retention: 0.9, due: 0 } },
  mocks: [
    { lessonId: "temperature", score: 0.5, mode: "self", at: 1 },
    { lessonId: "temperature", score: 1, mode: "model", at: 2 },
  ],
};

describe("topicReadiness", () => {
  it("gives every topic a row, marking done only when the exercise passed and the quiz was taken", () => {
    const rows = topicReadiness(lessons, progress);
    expect(rows).toHaveLength(50);
    const temperature = rows.find((r) => r.topic.id === "temperature")!;
    expect(temperature).toMatchObject({ available: true, done: true, quiz: 0.75, retention: 0.9, mock: 0.75, mockCount: 2 });
    expect(rows.find((r) => r.topic.id === "streaming")).toMatchObject({ available: true, done: false, quiz: null, mock: null });
    expect(rows.find((r) => r.topic.id === "rag")).toMatchObject({ available: false, done: false });
  });

  it("counts done as exercise passed and quiz taken, without Mark as read, and shows no retention for a lesson never studied", () => {
    const rows = topicReadiness(lessons, {
      ...progress,
      lessons: {
        temperature: { read: false, exercisePassed: true, quiz: { correct: 1, total: 4, at: 1 }, bestQuiz: { correct: 1, total: 4, at: 1 }, updatedAt: 1 },
        streaming: { read: false, exercisePassed: false, quiz: null, bestQuiz: null, updatedAt: 1 },
      },
      cards: { temperature: { total: 3, reviewed: 1, retention: 1, due: 0 }, streaming: { total: 3, reviewed: 3, retention: 1, due: 0 } },
    });
    expect(rows.find((r) => r.topic.id === "temperature")).toMatchObject({ done: true, studied: true, retention: 1 });
    expect(rows.find((r) => r.topic.id === "streaming")).toMatchObject({ done: false, studied: false, retention: null });
  });
});

describe("trackReadiness", () => {
  it("totals each track, averaging only the topics that have a figure", () => {
    const output = trackReadiness(topicReadiness(lessons, progress)).find((t) => t.track === "Output control")!;
    expect(output).toMatchObject({ available: 2, done: 1, quiz: 0.75, retention: 0.9, mock: 0.75 });
    expect(trackReadiness(topicReadiness([], null)).every((t) => t.quiz === null && t.done === 0)).toBe(true);
    expect(percent(0.754)).toBe("75%");
    expect(percent(null)).toBe("–");
  });
});
