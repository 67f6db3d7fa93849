// Tests of lesson search over the real lessons: every word must match, titles weigh most.
import { describe, expect, it } from "vitest";
import { loadLessons } from "../electron/services/lessons";
import { join } from "node:path";
import { searchLessons, searchWords } from "./lessonSearch";

const { lessons } = loadLessons(join(import.meta.dirname, "../lessons"));

describe("searchLessons", () => {
  it("ranks the lesson whose title matches first", () => {
    expect(searchLessons(lessons, "temperature")[0]?.id).toBe("temperature");
    expect(searchLessons(lessons, "streaming")[0]?.id).toBe("streaming");
  });

  it("finds words used only in a lesson's body and returns a snippet around them", () => {
    const hits = searchLessons(lessons, "keychain");
    expect(hits.map((h) => h.id)).toContain("storing-api-keys");
    expect(hits.find((h) => h.id === "storing-api-keys")?.snippet.toLowerCase()).toContain("keychain");
  });

  it("requires every word of the query", () => {
    expect(searchLessons(lessons, "temperature zebra")).toEqual([]);
    expect(searchLessons(lessons, "  ")).toEqual([]);
  });

  it("keeps identifiers such as max_completion_tokens whole", () => {
    expect(searchWords("Set max_completion_tokens!")).toEqual(["set", "max_completion_tokens"]);
    expect(searchLessons(lessons, "max_completion_tokens")[0]?.id).toBe("max-output-tokens");
  });
});
