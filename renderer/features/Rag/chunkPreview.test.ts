// Tests (renderer logic): the RAG lab's chunk preview marks the characters a chunk repeats from the one before.
import { describe, expect, it } from "vitest";
import { chunkDocuments } from "../../../shared/chunking";
import { overlapWithPrevious } from "./RagDocuments";

const DOCUMENT = [
  "Bread dough must rise for two hours in a warm place. Bake the loaf at 220 degrees for thirty minutes.",
  "The office opens at nine in the morning and closes at five. Visitors sign in at the front desk.",
].join("\n\n");

describe("overlapWithPrevious", () => {
  it("is the length of the text a chunk shares with the end of the one before", () => {
    const chunks = chunkDocuments([{ name: "Pasted text", text: DOCUMENT }], { size: 60, overlap: 20 });
    expect(chunks.length).toBeGreaterThan(2);
    expect(overlapWithPrevious(chunks[0]!, undefined)).toBe(0);
    for (let i = 1; i < chunks.length; i++) {
      const repeated = overlapWithPrevious(chunks[i]!, chunks[i - 1]);
      expect(repeated).toBeLessThanOrEqual(20);
      expect(chunks[i - 1]!.text.endsWith(chunks[i]!.text.slice(0, repeated))).toBe(true);
    }
    expect(chunks.slice(1).some((c, i) => overlapWithPrevious(c, chunks[i]) > 0)).toBe(true);
  });

  it("is 0 across documents and with no overlap", () => {
    const two = chunkDocuments(
      [
        { name: "a.txt", text: "First document, one short sentence." },
        { name: "b.txt", text: "Second document, another sentence." },
      ],
      { size: 200, overlap: 20 },
    );
    expect(overlapWithPrevious(two[1]!, two[0])).toBe(0);
    const none = chunkDocuments([{ name: "Pasted text", text: DOCUMENT }], { size: 60, overlap: 0 });
    expect(none.slice(1).map((c, i) => overlapWithPrevious(c, none[i]))).toEqual(none.slice(1).map(() => 0));
  });
});
