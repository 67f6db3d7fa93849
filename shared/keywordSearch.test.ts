// Tests (Node): BM25 keyword search ranks by shared terms, rarer terms weigh more.
import { describe, expect, it } from "vitest";
import { BM25_B, BM25_K1, createKeywordIndex, stem, terms } from "./keywordSearch";

describe("terms", () => {
  it("lower-cases, drops function words and strips plural and -ing endings", () => {
    expect(terms("The Embeddings of running dogs")).toEqual(["embedding", "run", "dog"]);
    expect(["classes", "batteries", "status", "boxes"].map(stem)).toEqual(["classe", "battery", "status", "boxe"]);
  });
});

describe("createKeywordIndex", () => {
  const texts = ["cats purr softly", "dogs bark loudly", "cats and dogs play", "the weather is sunny"];
  const index = createKeywordIndex(texts);

  it("computes the BM25 idf by hand: ln(1 + (N - n + 0.5) / (n + 0.5))", () => {
    expect(index.idf("cat")).toBeCloseTo(Math.log(1 + 2.5 / 2.5), 10);
    expect(index.idf("sunny")).toBeCloseTo(Math.log(1 + 3.5 / 1.5), 10);
    expect(index.idf("zebra")).toBe(0);
  });

  it("scores one matching term by the BM25 formula", () => {
    // "weather is sunny" -> terms [weather, sunny]; average length (3 + 3 + 3 + 2) / 4 = 2.75.
    const [hit] = index.search("sunny", 5);
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * 2) / 2.75);
    expect(hit).toEqual({ index: 3, score: expect.closeTo((index.idf("sunny") * (BM25_K1 + 1)) / (1 + norm), 10), matched: ["sunny"] });
  });

  it("ranks texts sharing more query terms first and leaves out texts sharing none", () => {
    const hits = index.search("cats and dogs", 10);
    expect(hits[0]?.index).toBe(2);
    expect(hits.map((h) => h.index).sort()).toEqual([0, 1, 2]);
    expect(index.search("quantum", 10)).toEqual([]);
  });
});
