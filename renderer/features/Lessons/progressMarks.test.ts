// Tests of the course map's progress badges.
import { describe, expect, it } from "vitest";
import { progressMarks } from "./progressMarks";

describe("progressMarks", () => {
  it("shows nothing before any progress, then read, exercise and the best quiz", () => {
    expect(progressMarks(undefined)).toEqual([]);
    const quiz = { correct: 2, total: 4, at: 1 };
    expect(progressMarks({ read: true, exercisePassed: true, quiz: { ...quiz, correct: 1 }, bestQuiz: quiz, updatedAt: 1 })).toEqual(["read", "exercise", "quiz 2/4", "done"]);
    // Done needs no "Mark as read": the exercise passed and the quiz taken.
    expect(progressMarks({ read: false, exercisePassed: true, quiz, bestQuiz: quiz, updatedAt: 1 })).toEqual(["exercise", "quiz 2/4", "done"]);
    expect(progressMarks({ read: true, exercisePassed: false, quiz, bestQuiz: quiz, updatedAt: 1 })).toEqual(["read", "quiz 2/4"]);
    expect(progressMarks({ read: false, exercisePassed: false, quiz: null, bestQuiz: null, updatedAt: 0 })).toEqual([]);
  });
});
