// Tests (Node): simulated embeddings are unit length, deterministic, and closer for shared words.
import { describe, expect, it } from "vitest";
import { embedText, toBase64 } from "./embeddingVector";
import { embeddingsResponse } from "./embeddings";

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);

describe("embedText", () => {
  it("has unit length at any width, also for text without words", () => {
    for (const [text, dims] of [["hello world", 1536], ["a", 8], ["!!!", 64]] as const) {
      const vector = embedText(text, dims);
      expect(vector).toHaveLength(dims);
      expect(dot(vector, vector)).toBeCloseTo(1, 5);
    }
  });

  it("is deterministic", () => {
    expect(Array.from(embedText("same text", 32))).toEqual(Array.from(embedText("same text", 32)));
  });

  it("scores texts that share words above unrelated ones", () => {
    const base = embedText("how do I reset my password", 1536);
    const near = embedText("password reset instructions", 1536);
    const far = embedText("the best pizza in naples", 1536);
    expect(dot(base, near)).toBeGreaterThan(dot(base, far) + 0.2);
  });

  it("is deterministic across many texts and repeated calls, with lexicon words and unknown names alike", () => {
    const texts = ["Annual leave carried forward", "ACME-42 zorblat invoices", "kittens sleeping", "the"];
    const first = texts.map((t) => Array.from(embedText(t, 64)));
    const again = texts.map((t) => Array.from(embedText(t, 64)));
    expect(again).toEqual(first);
  });

  it("honours dimensions in the response: every vector has that many unit-length numbers", () => {
    const body = embeddingsResponse({ model: "sim-embedding-1", input: ["paid time off", "cat"], dimensions: 256 });
    const data = body.data as { embedding: number[] }[];
    for (const { embedding } of data) {
      expect(embedding).toHaveLength(256);
      expect(embedding.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 5);
    }
    const base64 = embeddingsResponse({ model: "sim-embedding-1", input: "cat", dimensions: 8, encoding_format: "base64" });
    const bytes = Buffer.from((base64.data as { embedding: string }[])[0]?.embedding ?? "", "base64");
    expect(bytes).toHaveLength(32);
    expect(Array.from({ length: 8 }, (_, i) => bytes.readFloatLE(i * 4))).toEqual(Array.from(embedText("cat", 8)));
  });

  it("encodes base64 as little-endian float32", () => {
    const vector = embedText("bytes", 4);
    const bytes = Buffer.from(toBase64(vector), "base64");
    expect(bytes).toHaveLength(16);
    expect(bytes.readFloatLE(4)).toBe(vector[1]);
  });
});
