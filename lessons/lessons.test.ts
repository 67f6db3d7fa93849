// Content check: every lesson file is valid against the shared schema, in topic order, each topic
// taught once; topics not yet taught are listed (and fail the test once all fifty are due).
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadLessons } from "../electron/services/lessons";
import { lessonCards } from "../shared/lesson";
import { TOPICS } from "../shared/lessonTopics";

const dir = import.meta.dirname;
const loaded = loadLessons(dir);

/**
 * Topics whose feature does not exist yet, so their lesson is written later (issue 7, part 2).
 * Remove numbers as lessons land; once this is empty, every topic must have a lesson.
 */
const NOT_YET_WRITTEN = new Set<number>([]);

describe("the lessons folder", () => {
  it("holds only valid lessons (every file named NN-slug.md parses and passes the schema)", () => {
    expect(loaded.problems).toEqual([]);
    const files = readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md");
    expect(loaded.lessons.length).toBe(files.length);
  });

  it("teaches each topic at most once, in topic order", () => {
    const numbers = loaded.lessons.map((l) => l.frontMatter.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const ids = loaded.lessons.map((l) => l.frontMatter.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("covers every topic except those listed as not yet written, and lists the missing ones", () => {
    const taught = new Set(loaded.lessons.map((l) => l.frontMatter.number));
    const missing = TOPICS.filter((t) => !taught.has(t.number)).map((t) => t.number);
    // The list of missing topics must match exactly: a lesson that lands must leave the list.
    expect(missing).toEqual([...NOT_YET_WRITTEN].sort((a, b) => a - b));
    if (missing.length) console.info(`Topics without a lesson yet: ${missing.join(", ")}`);
  });

  it("gives every lesson unique review card ids and a quiz of three or more questions", () => {
    const cardIds = loaded.lessons.flatMap((l) => lessonCards(l.frontMatter).map((c) => c.cardId));
    expect(new Set(cardIds).size).toBe(cardIds.length);
    for (const lesson of loaded.lessons) expect(lesson.frontMatter.quiz.length).toBeGreaterThanOrEqual(3);
  });
});
