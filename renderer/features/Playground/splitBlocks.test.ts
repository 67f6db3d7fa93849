import { describe, expect, it } from "vitest";
import { splitBlocks } from "./splitBlocks";

describe("splitBlocks", () => {
  it("splits paragraphs at blank lines and drops the blank lines", () => {
    expect(splitBlocks("One.\nStill one.\n\nTwo.\n\n\nThree.")).toEqual(["One.\nStill one.", "Two.", "Three."]);
  });

  it("gives nothing for empty or blank text", () => {
    expect(splitBlocks("")).toEqual([]);
    expect(splitBlocks("\n\n  \n")).toEqual([]);
  });

  it("keeps a fenced code block with blank lines together", () => {
    const text = "Intro.\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\nAfter.";
    expect(splitBlocks(text)).toEqual(["Intro.", "```ts\nconst a = 1;\n\nconst b = 2;\n```", "After."]);
  });

  it("runs an unclosed fence to the end (the code block still streaming)", () => {
    expect(splitBlocks("Intro.\n\n~~~\nline\n\nmore")).toEqual(["Intro.", "~~~\nline\n\nmore"]);
  });

  it("does not close a fence on a shorter or different marker", () => {
    expect(splitBlocks("````\n```\n\n~~~\n````\nafter")).toEqual(["````\n```\n\n~~~\n````\nafter"]);
  });

  it("never changes an earlier block while text is appended, one character at a time", () => {
    const full =
      "First paragraph of an answer.\n\nSecond one, with a list:\n- a\n- b\n\n```py\nprint(1)\n\nprint(2)\n```\n\nLast words.";
    let previous: string[] = [];
    for (let end = 1; end <= full.length; end++) {
      const blocks = splitBlocks(full.slice(0, end));
      // Every block before the previous last one is identical, string for string.
      for (let i = 0; i < previous.length - 1; i++) expect(blocks[i]).toBe(previous[i]);
      expect(blocks.length).toBeGreaterThanOrEqual(previous.length - 1);
      previous = blocks;
    }
    expect(previous).toHaveLength(4);
  });
});
