// Benchmarks (Node): the entry `npm run bench` runs; prints each bench's table, asserts nothing.
// Usage: tsx test/bench/run.ts [name ...]   (no names = every bench)
import { pathToFileURL } from "node:url";
import { relayBench } from "./relayBench";
import { editorReadyBench } from "./editorReadyBench";
import { firstLoadBench } from "./firstLoadBench";
import { lazyChunksBench } from "./lazyChunksBench";
import { tokenCountBench } from "./tokenCountBench";
import { similarityMatrixBench, vectorSearchBench } from "./vectorBench";
import { formatTable, type BenchTable } from "./table";
import { evalMemoryBench, evalThroughputBench } from "./evalBench";
import { redactionBench } from "./redactionBench";
import { userPatternBench } from "./userPatternBench";
import { embedBench } from "./embedBench";
import { datasetImportBench } from "./datasetImportBench";
import { streamPixelBench } from "./streamPixelBench";

/** A named bench; add new ones to `benches` and they become sections of the report. */
export interface Bench {
  name: string;
  run(): Promise<BenchTable>;
}

/** Every bench, in the order they are reported. */
export const benches: Bench[] = [
  { name: "relay", run: relayBench },
  { name: "first-load", run: firstLoadBench },
  { name: "lazy-chunks", run: lazyChunksBench },
  { name: "editor-ready", run: editorReadyBench },
  { name: "token-count", run: tokenCountBench },
  { name: "vector-search", run: vectorSearchBench },
  { name: "similarity-matrix", run: similarityMatrixBench },
  { name: "eval-throughput", run: evalThroughputBench },
  { name: "eval-memory", run: evalMemoryBench },
  { name: "redaction", run: redactionBench },
  { name: "user-patterns", run: userPatternBench },
  { name: "embed-2000", run: embedBench },
  { name: "dataset-import", run: datasetImportBench },
  { name: "stream-to-pixel", run: streamPixelBench },
];

/** Runs the benches named (all when none), printing each table as it completes. */
export async function runBenches(names: readonly string[] = [], print: (text: string) => void = console.log): Promise<void> {
  const unknown = names.filter((n) => !benches.some((b) => b.name === n));
  if (unknown.length) throw new Error(`Unknown bench ${unknown.join(", ")}; known: ${benches.map((b) => b.name).join(", ")}`);
  const selected = names.length ? benches.filter((b) => names.includes(b.name)) : benches;
  print(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
  for (const bench of selected) {
    const started = performance.now();
    const table = await bench.run();
    print(formatTable(table));
    print(`  (${bench.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runBenches(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
