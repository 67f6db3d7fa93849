// Benchmarks (Node): reading a dataset file as large as the contract allows (MAX_IMPORT_CHARS) on the
// main side, where the import runs: every channel waits while it parses.
import { MAX_IMPORT_CHARS } from "../../shared/contracts/importLimits";
import { parseCsv } from "../../shared/csv";
import { casesFromFile } from "../../shared/datasetImport";
import { fmt, quantile, type BenchTable } from "./table";

const REPEATS = 3;

/** A CSV of about `chars` characters: an id, a question with a quoted comma, an expected answer. */
function csvOf(chars: number): string {
  const rows = ["id,question,expected"];
  let size = rows[0]!.length;
  for (let i = 0; size < chars - 200; i++) {
    const row = `c${i},"What is the capital of country ${i}, in one word? ${"Context sentence. ".repeat(8)}",Capital ${i}`;
    rows.push(row);
    size += row.length + 1;
  }
  return rows.join("\n");
}

/** Times the CSV reader alone and the whole file-to-cases step on a file of the largest size an import takes. */
export async function datasetImportBench(): Promise<BenchTable> {
  const text = csvOf(MAX_IMPORT_CHARS);
  const time = (run: () => unknown) => {
    const ms: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const started = performance.now();
      run();
      ms.push(performance.now() - started);
    }
    return ms;
  };
  const csv = time(() => parseCsv(text));
  const cases = time(() => casesFromFile("big.csv", text));
  const count = casesFromFile("big.csv", text).cases.length;
  return {
    title: `Dataset import: a ${(text.length / 1e6).toFixed(1)} M-character CSV (${count.toLocaleString("en")} cases), the largest an import takes`,
    columns: ["step", "ms p50", "ms max"],
    rows: [
      ["parseCsv (fields sliced from the text)", fmt(quantile(csv, 0.5), 0), fmt(Math.max(...csv), 0)],
      ["casesFromFile (CSV to cases)", fmt(quantile(cases, 0.5), 0), fmt(Math.max(...cases), 0)],
    ],
    notes: [`${REPEATS} runs each. The reader it replaced built fields a character at a time: about 3 s for a 6 MB file, so a full-size import held the main side for over 10 s.`],
  };
}
