// Benchmarks (Node): how long the simulator's concept-space embeddings take for 2,000 texts (one
// full /v1/embeddings request, the Embeddings lab's largest), cold and warm.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { conceptLexicon, isConceptLexiconLoaded } from "../../electron/simulator/conceptLexicon";
import { embedText } from "../../electron/simulator/embeddingVector";
import { embeddingsResponse } from "../../electron/simulator/embeddings";
import { sentences } from "../../electron/simulator/words";
import { fmt, quantile, type BenchTable } from "./table";

const TEXTS = 2000;
const REPEATS = 5;

/** 2,000 distinct real sentences: the lessons' prose, one text per sentence (varied words, 5 to 60 words). */
export function lessonSentences(count: number): string[] {
  const out = new Set<string>();
  for (const name of readdirSync("lessons").filter((n) => n.endsWith(".md")).sort()) {
    for (const s of sentences(readFileSync(join("lessons", name), "utf8"))) {
      const words = s.split(" ").length;
      if (words >= 5 && words <= 60) out.add(s);
    }
  }
  const list = [...out];
  if (list.length < count) throw new Error(`only ${list.length} lesson sentences, ${count} wanted`);
  return list.slice(0, count);
}

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** Times the lexicon's first unpack, a cold pass over 2,000 texts, then warm passes and the full response. */
export async function embedBench(): Promise<BenchTable> {
  const texts = lessonSentences(TEXTS);
  const words = texts.reduce((sum, t) => sum + t.split(" ").length, 0);
  const wasLoaded = isConceptLexiconLoaded();
  const unpack = time(() => conceptLexicon());
  const cold = time(() => texts.forEach((t) => embedText(t, 1536)));
  const warm = Array.from({ length: REPEATS }, () => time(() => texts.forEach((t) => embedText(t, 1536))));
  const response = Array.from({ length: REPEATS }, () => time(() => embeddingsResponse({ model: "sim-embedding-1", input: texts })));
  return {
    title: `Simulated embeddings: ${TEXTS} texts (${words} words), 1536 dimensions`,
    columns: ["case", "ms p50", "ms max"],
    rows: [
      [wasLoaded ? "lexicon unpack (already loaded by an earlier bench)" : "lexicon unpack (first use in the process)", fmt(unpack), fmt(unpack)],
      ["2,000 texts, first pass (word caches empty)", fmt(cold), fmt(cold)],
      [`2,000 texts, next ${REPEATS} passes`, fmt(quantile(warm, 0.5)), fmt(Math.max(...warm))],
      [`one /v1/embeddings body with 2,000 inputs (${REPEATS} runs)`, fmt(quantile(response, 0.5)), fmt(Math.max(...response))],
    ],
    notes: ["Target: 2,000 texts in under 1 s (issue 13). The response row adds token counting and the JSON-ready arrays."],
  };
}
