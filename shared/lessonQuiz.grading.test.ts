// The grading table: every short question of the fifty lessons is tried against answers that must
// fail (negations and contradictions of its own key points, one item where several are named, the
// question echoed back, off-topic keywords) and answers that must pass (the sample, its key points
// in few words, and hand-written paraphrases from shared/lessonQuiz.grading.table.ts).
import { describe, expect, it } from "vitest";
import { loadLessons } from "../electron/services/lessons";
import type { QuizQuestion } from "./lesson";
import { GRADING_TABLE } from "./lessonQuiz.grading.table";
import { gradeQuestion } from "./lessonQuiz";
import { gradeShortAnswer, wholeWords } from "./shortAnswer";
import { compileSafePattern } from "./regex/safePattern";

type Short = Extract<QuizQuestion, { kind: "short" }>;
const loaded = loadLessons(`${import.meta.dirname}/../lessons`);
const shorts: { key: string; q: Short }[] = loaded.lessons.flatMap((l) =>
  l.frontMatter.quiz.flatMap((q, i) => (q.kind === "short" ? [{ key: `${l.frontMatter.id}#${i}`, q }] : [])),
);

/** Answers that sound like something but answer no question here. */
const OFF_TOPIC = ["yes", "no", "none", "text", "it depends", "I don't know", "raise the temperature", "use a bigger model", "the API"];
const NEGATIONS = [(p: string) => `never ${p}`, (p: string) => `definitely not ${p}`, (p: string) => `it isn't ${p}`, (p: string) => `don't ${p}`, (p: string) => `${p} is wrong`];

/** The sample with "never " put before every occurrence of every key point: each is now denied. */
function negateEverywhere(q: Short): string {
  const starts = new Set<number>();
  for (const source of q.accept) for (const m of compileSafePattern(wholeWords(source), "i").matches(q.sample)) starts.add(m.start);
  let text = q.sample;
  for (const start of [...starts].sort((a, b) => b - a)) text = `${text.slice(0, start)}never ${text.slice(start)}`;
  return text;
}

const passes = (q: Short, answer: string) => gradeShortAnswer(q, answer).correct;
const counts = { questions: 0, cases: 0 };
const check = (q: Short, answer: string, want: boolean) => {
  counts.cases++;
  return { answer, got: passes(q, answer), want };
};

describe("the grading table", () => {
  it("has every lesson and a hand-written row for every short question (and no row for a question that is gone)", () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.lessons.length).toBe(50);
    const keys = shorts.map((s) => s.key);
    expect(keys.filter((k) => !GRADING_TABLE[k])).toEqual([]);
    expect(Object.keys(GRADING_TABLE).filter((k) => !keys.includes(k))).toEqual([]);
  });

  describe.each(shorts)("$key", ({ key, q }) => {
    it("passes the sample and right answers in other words; fails the hand-written wrong answers, the echoed question and off-topic keywords", () => {
      const row = GRADING_TABLE[key]!;
      expect(row.right.length).toBeGreaterThan(0);
      expect(row.wrong.length).toBeGreaterThan(0);
      const results = [
        check(q, q.sample, true),
        ...row.right.map((a) => check(q, a, true)),
        ...row.wrong.map((a) => check(q, a, false)),
        check(q, q.question, false),
        ...OFF_TOPIC.filter((a) => !row.right.includes(a)).map((a) => check(q, a, false)),
      ];
      expect(results.filter((r) => r.got !== r.want)).toEqual([]);
      counts.questions++;
    });

    it("fails every negation of its own key points, and the sample with all of them denied", () => {
      const sample = gradeShortAnswer(q, q.sample);
      const need = q.need ?? 1;
      expect(sample.made.length).toBeGreaterThanOrEqual(need);
      if (GRADING_TABLE[key]?.negationNamesThePoint) return;
      const results = [check(q, negateEverywhere(q), false)];
      if (need === 1) {
        for (const { text } of sample.made) {
          results.push(check(q, text, true)); // the point alone makes it: the negations below fail for the negation
          for (const negate of NEGATIONS) results.push(check(q, negate(text), false));
        }
      } else {
        const points = sample.made.slice(0, need).map((m) => m.text);
        results.push(check(q, points.join("; "), true));
        points.forEach((_, j) => {
          // One item short of the count asked for.
          results.push(check(q, points.filter((_, k) => k !== j).join("; "), false));
          // Every item named, one of them denied.
          for (const negate of NEGATIONS.slice(0, 2)) results.push(check(q, points.map((p, k) => (k === j ? negate(p) : p)).join("; "), false));
        });
      }
      expect(results.filter((r) => r.got !== r.want)).toEqual([]);
    });
  });

  it("grades through gradeQuestion with a feedback sentence, never a field name", () => {
    const { q } = shorts.find((s) => s.key === "tool-calling#2")!;
    const wrong = gradeQuestion(q, "It is never a string, never parse it");
    expect(wrong.correct).toBe(false);
    expect(wrong.feedback).toMatch(/^Your answer says .*never a string.*denies a key point/);
    const partial = gradeQuestion(q, "as a JSON string");
    expect(partial.feedback).toBe("The question asks for two distinct points; your answer makes one.");
    console.info(`grading table: ${shorts.length} short questions, ${counts.cases} cases`);
  });
});
