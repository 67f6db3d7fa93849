// Both processes: evaluation channels: datasets (import, edit), runs (start, cancel, resume, read)
// and the progress event.
import { z } from "zod";
import { Assertions } from "../assertions";
import { Dataset, EvalCase, EvalProgress, EvalRun, EvalRunSummary, EvalSettings, EvalVariant } from "../evals";
import { EmptyInput, OkOutput } from "../schemas";
import { MAX_IMPORT_CHARS } from "./importLimits";

const DatasetId = Dataset.shape.id;
const RunId = z.object({ evalRunId: z.uuid() }).strict();

/** One line of the dataset list. */
export const DatasetSummary = z.object({
  id: DatasetId,
  name: z.string(),
  caseCount: z.number().int().nonnegative(),
  columns: z.array(z.string()),
  updatedAt: z.number().int().nonnegative(),
});

/** The evaluation channels. */
/** A file left out of a list, and why (a damaged one was moved aside; a newer one is left alone). Absent: none. */
const SkippedFile = z.object({ file: z.string(), reason: z.string() });

export const evalsChannels = {
  /** The datasets, and the files that could not be listed. */
  "evals.datasets.list": { input: EmptyInput, output: z.object({ datasets: z.array(DatasetSummary), problems: z.array(SkippedFile).optional() }) },
  "evals.datasets.get": { input: z.object({ id: DatasetId }).strict(), output: Dataset },
  /** Creates (no id) or replaces a dataset edited in the app. */
  "evals.datasets.save": {
    input: z
      .object({
        id: DatasetId.optional(),
        name: Dataset.shape.name,
        columns: Dataset.shape.columns,
        cases: z.array(EvalCase).max(100_000),
        assertions: Assertions,
      })
      .strict(),
    output: Dataset,
  },
  /** A new dataset from a CSV or JSON Lines file's text. */
  "evals.datasets.import": {
    input: z.object({ name: Dataset.shape.name, fileName: z.string().max(300), text: z.string().max(MAX_IMPORT_CHARS), assertions: Assertions.optional() }).strict(),
    output: Dataset,
  },
  "evals.datasets.delete": { input: z.object({ id: DatasetId }).strict(), output: OkOutput },
  /** Starts running prompt versions over a dataset; progress follows as `evals.progress` events. */
  "evals.start": {
    input: z.object({ datasetId: DatasetId, variants: z.array(EvalVariant).min(1).max(8), settings: EvalSettings }).strict(),
    output: z.object({ evalRunId: z.uuid() }),
  },
  "evals.cancel": { input: RunId, output: z.object({ cancelled: z.boolean() }) },
  /** Runs the cells a cancelled or interrupted run is missing. */
  "evals.resume": { input: RunId, output: z.object({ evalRunId: z.uuid() }) },
  "evals.get": { input: RunId, output: EvalRun },
  /** Saved runs (of one dataset, or all), and the run files that could not be read. */
  "evals.list": { input: z.object({ datasetId: DatasetId.optional() }).strict(), output: z.object({ runs: z.array(EvalRunSummary), problems: z.array(SkippedFile).optional() }) },
} as const;

/** The evaluation events. */
export const evalsEvents = {
  /** A running evaluation's progress (at most about ten a second, and one when it ends). */
  "evals.progress": EvalProgress,
} as const;
