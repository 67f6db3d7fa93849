// Tests (renderer): the word-level diff of two answers.
import { describe, expect, it } from "vitest";
import { splitWords, wordDiff, type DiffPart } from "./wordDiff";

const side = (parts: DiffPart[], which: "before" | "after") =>
  parts.filter((p) => p.kind === "same" || p.kind === (which === "before" ? "removed" : "added")).map((p) => p.text).join("");

describe("wordDiff", () => {
  it("keeps words and spaces so the parts rebuild both texts", () => {
    expect(splitWords(" a  b\nc ")).toEqual([" ", "a", "  ", "b", "\n", "c", " "]);
  });

  it("reports identical texts as one shared part", () => {
    expect(wordDiff("the same words", "the same words")).toEqual([{ kind: "same", text: "the same words" }]);
  });

  it("marks a replaced word as removed then added, between shared text", () => {
    expect(wordDiff("the quick brown fox", "the slow brown fox")).toEqual([
      { kind: "same", text: "the " },
      { kind: "removed", text: "quick" },
      { kind: "added", text: "slow" },
      { kind: "same", text: " brown fox" },
    ]);
  });

  it("finds insertions and deletions in the middle of longer texts", () => {
    const before = "Temperature changes randomness. Lower values repeat. Higher values vary more.";
    const after = "Temperature changes how random sampling is. Lower values repeat. Higher values vary.";
    const parts = wordDiff(before, after);
    expect(side(parts, "before")).toBe(before);
    expect(side(parts, "after")).toBe(after);
    expect(parts.filter((p) => p.kind === "same").map((p) => p.text).join("")).toContain("Lower values repeat.");
    expect(parts.find((p) => p.kind === "removed")?.text).toContain("randomness.");
  });

  it("handles an empty side", () => {
    expect(wordDiff("", "new text")).toEqual([{ kind: "added", text: "new text" }]);
    expect(wordDiff("old text", "")).toEqual([{ kind: "removed", text: "old text" }]);
    expect(wordDiff("", "")).toEqual([]);
  });

  it("gives a minimal script: one changed word among many costs one removal and one addition", () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const changed = [...words];
    changed[150] = "CHANGED";
    const parts = wordDiff(words.join(" "), changed.join(" "));
    expect(parts.filter((p) => p.kind !== "same")).toEqual([
      { kind: "removed", text: "w150" },
      { kind: "added", text: "CHANGED" },
    ]);
  });

  it("still rebuilds both sides of two long unrelated texts (beyond the edit limit)", () => {
    const a = Array.from({ length: 2_000 }, (_, i) => `a${i}`).join(" ");
    const b = Array.from({ length: 2_000 }, (_, i) => `b${i}`).join(" ");
    const parts = wordDiff(a, b);
    expect(side(parts, "before")).toBe(a);
    expect(side(parts, "after")).toBe(b);
  });
});

describe("wordDiff on random edits", () => {
  it("always rebuilds both texts and never reports more edits than were made", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const words = Array.from({ length: 5 + rand(40) }, () => `w${rand(8)}`);
      const edited = [...words];
      const edits = rand(6);
      for (let e = 0; e < edits; e++) {
        const at = rand(edited.length + 1);
        if (rand(2) === 0 && edited.length > 0) edited.splice(Math.min(at, edited.length - 1), 1);
        else edited.splice(at, 0, `new${rand(5)}`);
      }
      const before = words.join(" ");
      const after = edited.join(" ");
      const parts = wordDiff(before, after);
      expect(side(parts, "before")).toBe(before);
      expect(side(parts, "after")).toBe(after);
      const changedWords = parts.filter((p) => p.kind !== "same").flatMap((p) => p.text.split(/\s+/).filter(Boolean));
      expect(changedWords.length).toBeLessThanOrEqual(edits * 2);
    }
  });
});
