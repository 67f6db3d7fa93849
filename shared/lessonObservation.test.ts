// Tests of what lesson exercises are graded on: grounding facts of a chat run, and embeddings
// results measured by probes (closer pairs, semantic and keyword top-k, queries from searches).
import { describe, expect, it } from "vitest";
import type { EmbeddingProbe } from "./lesson";
import { observeEmbeddings, observeRunRecord, requestFacts, type EmbeddingsSnapshot } from "./lessonObservation";
import { buildGroundedMessages, buildPlainMessages } from "./rag";
import type { RunRecord } from "./runRecord";

const texts = ["Annual leave is 25 days.", "Unused leave may be carried forward.", "Laptops are replaced every three years."];
// Hand-made 3-D directions (not unit length, to show the observation normalises them).
const set: EmbeddingsSnapshot = {
  jobId: "set",
  model: "m",
  dimensions: 3,
  providerKind: "simulator",
  texts,
  vectors: Float32Array.from([2, 0, 0, 1, 1, 0, 0, 0, 3]),
};
const search = (query: string, vector: number[], patch: Partial<EmbeddingsSnapshot> = {}): EmbeddingsSnapshot => ({
  ...set,
  jobId: `search ${query}`,
  texts: [query],
  vectors: Float32Array.from(vector),
  ...patch,
});
const probe = (p: Record<string, unknown>) => p as EmbeddingProbe;

describe("observeEmbeddings", () => {
  it("reports the set's model, width, size and provider as facts", () => {
    const { observation } = observeEmbeddings(set, []);
    expect(observation.facts).toEqual({ model: "m", dimensions: 3, textCount: 3, provider: "simulator" });
    expect(set.vectors[0]).toBe(2); // the kept result is not normalised in place
  });

  it("compares an anchor's similarity to two texts, and says which text is missing", () => {
    const closer = probe({ kind: "closer", name: "leaveNear", anchor: texts[0], nearer: texts[1], farther: texts[2] });
    const reversed = probe({ kind: "closer", name: "laptopNear", anchor: texts[0], nearer: texts[2], farther: texts[1] });
    const missing = probe({ kind: "closer", name: "gone", anchor: texts[0], nearer: "Not embedded.", farther: texts[2] });
    const { observation, notes } = observeEmbeddings(set, [closer, reversed, missing]);
    expect(observation.facts).toMatchObject({ leaveNear: true, laptopNear: false, gone: null });
    expect(notes.leaveNear).toMatch(/is 0\.707, to .* 0\.000/);
    expect(notes.gone).toMatch(/not among the embedded texts: "Not embedded\."/);
  });

  it("ranks by meaning for a query that is one of the texts (left out of its own ranking) or was searched in the same space", () => {
    const inSet = probe({ kind: "semantic-top", name: "own", query: texts[0], expect: texts[1], k: 1 });
    const searched = probe({ kind: "semantic-top", name: "searched", query: "Can I  CARRY leave over?", expect: texts[1], k: 1 });
    const wrongTop = probe({ kind: "semantic-top", name: "wrongTop", query: "Can I carry leave over?", expect: texts[2], k: 2 });
    const query = search("can i carry leave over?", [0.2, 1, 0]);
    const { observation, notes } = observeEmbeddings(set, [inSet, searched, wrongTop], [query]);
    expect(observation.facts).toMatchObject({ own: true, searched: true, wrongTop: false });
    expect(notes.searched).toContain('"Unused leave may be carried forward."');
  });

  it("does not use a search from another model or width, and says the query is missing", () => {
    const p = probe({ kind: "semantic-top", name: "q", query: "carry over", expect: texts[1], k: 1 });
    const otherModel = search("carry over", [0, 1, 0], { model: "other" });
    const { observation, notes } = observeEmbeddings(set, [p], [otherModel]);
    expect(observation.facts?.q).toBeNull();
    expect(notes.q).toMatch(/neither embedded nor searched/);
  });

  it("ranks by keywords (BM25) over the same texts, where a paraphrase finds nothing", () => {
    const words = probe({ kind: "keyword-top", name: "words", query: "carried forward leave", expect: texts[1], k: 1 });
    const paraphrase = probe({ kind: "keyword-top", name: "paraphrase", query: "paid time off", expect: texts[0], k: 3 });
    const { observation, notes } = observeEmbeddings(set, [words, paraphrase]);
    expect(observation.facts).toMatchObject({ words: true, paraphrase: false });
    expect(notes.paraphrase).toBe('no text matched "paid time off"');
  });
});

describe("grounding facts", () => {
  const passages = [{ text: "Either party may terminate with 30 days' notice.", source: "msa.pdf" }, { text: "Invoices are due in 45 days." }];

  it("recognise a grounded prompt, its passages and a NOT FOUND rule", () => {
    expect(requestFacts({ model: "m", messages: buildGroundedMessages("How much notice?", passages) })).toMatchObject({ groundedPrompt: true, passages: 2, notFoundRule: true });
    expect(requestFacts({ model: "m", messages: buildPlainMessages("How much notice?") })).toMatchObject({ groundedPrompt: false, passages: 0, notFoundRule: false });
  });

  it("count an answer's citations and check they point at sent passages", () => {
    const record = (content: string) =>
      ({
        request: { model: "m", messages: buildGroundedMessages("How much notice?", passages) },
        chunks: [],
        error: null,
        result: { choices: [{ index: 0, content, finishReason: "stop", toolCalls: [] }], usage: null, metrics: { totalMs: 1, attempts: 1 } },
      }) as unknown as RunRecord;
    expect(observeRunRecord(record("30 days' notice [1]."), null).facts).toMatchObject({ citations: 1, citationsValid: true, saysNotFound: false });
    expect(observeRunRecord(record("30 days [1], or 90 days [4]."), null).facts).toMatchObject({ citations: 2, citationsValid: false });
    expect(observeRunRecord(record("NOT FOUND"), null).facts).toMatchObject({ citations: 0, citationsValid: true, saysNotFound: true });
  });
});
