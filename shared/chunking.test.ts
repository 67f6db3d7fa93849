// Tests (Node): chunking by characters with overlap, at sentence or word boundaries.
import { describe, expect, it } from "vitest";
import { chunkDocuments, chunkText } from "./chunking";

const text = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} says something about topic ${i % 5}.`).join(" ");

describe("chunkText", () => {
  it("keeps every chunk within the size, covers the whole text and overlaps neighbours", () => {
    const chunks = chunkText(text, { size: 200, overlap: 50 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(200);
      expect(text.slice(c.start, c.end)).toBe(c.text);
    }
    expect(chunks[0]?.start).toBe(0);
    expect(chunks.at(-1)?.end).toBe(text.length);
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i]!.start).toBeLessThan(chunks[i - 1]!.end); // overlap
      expect(chunks[i]!.start).toBeGreaterThan(chunks[i - 1]!.start); // progress
    }
  });

  it("ends chunks at sentence ends and starts them at word starts", () => {
    for (const c of chunkText(text, { size: 200, overlap: 40 })) {
      expect(c.text.endsWith(".")).toBe(true);
      expect(text[c.start - 1] ?? " ").toMatch(/\s/);
    }
  });

  it("returns one chunk for a short text, none for blank text, and refuses overlaps that cannot progress", () => {
    expect(chunkText("  short text  ", { size: 100, overlap: 10 })).toEqual([{ index: 0, source: "Pasted text", text: "short text", start: 2, end: 12 }]);
    expect(chunkText("   \n ", { size: 100, overlap: 10 })).toEqual([]);
    expect(() => chunkText(text, { size: 100, overlap: 50 })).toThrow(/less than half/);
    expect(() => chunkText(text, { size: 10, overlap: 0 })).toThrow(/at least 20/);
  });

  it("cuts a word longer than half a chunk rather than loop", () => {
    const chunks = chunkText("x".repeat(250), { size: 100, overlap: 0 });
    expect(chunks.map((c) => c.text.length)).toEqual([100, 100, 50]);
  });
});

describe("chunkDocuments", () => {
  it("numbers chunks across documents and names their source", () => {
    const chunks = chunkDocuments([{ name: "a.md", text }, { name: "b.txt", text: "Only one chunk here." }], { size: 300, overlap: 30 });
    expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, i) => i));
    expect(chunks.at(-1)).toMatchObject({ source: "b.txt", text: "Only one chunk here." });
  });
});
