// Both processes: evaluations: datasets of cases, the prompt versions run over them, and the
// results table (cells) with its progress, shared by the runner, the contract and the Evals view.
import { z } from "zod";
import { Assertions } from "./assertions";
import { ChatRequest } from "./chatRequest";
import { ExperimentRef } from "./experiments";
import { Profile } from "./schemas";

export const DATASET_FORMAT = "prompt-dojo.dataset";
export const DATASET_FORMAT_VERSION = 1;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "ids use lower-case letters, digits and -");

/** One case: its column values (filling `{{variables}}`) and assertions of its own. */
export const EvalCase = z.object({
  id: z.string().min(1).max(80),
  vars: z.record(z.string(), z.string()),
  assertions: Assertions.default([]),
});
export type EvalCase = z.infer<typeof EvalCase>;

/** A table of cases with the assertions every case is checked against. */
export const Dataset = z.object({
  format: z.literal(DATASET_FORMAT),
  formatVersion: z.literal(DATASET_FORMAT_VERSION),
  id: Id,
  name: z.string().trim().min(1, "a dataset needs a name").max(120),
  columns: z.array(z.string().min(1).max(80)).max(100),
  cases: z.array(EvalCase).max(100_000),
  assertions: Assertions.default([]),
  updatedAt: z.number().int().nonnegative(),
});
export type Dataset = z.infer<typeof Dataset>;

/** One prompt version being evaluated: a label, the request template and where it runs. */
/** Most saved versions in one run (with the playground, the contract's eight). */
export const MAX_SAVED_VARIANTS = 7;

export const EvalVariant = z.object({
  label: z.string().trim().min(1).max(120),
  profileId: Profile.shape.id,
  request: ChatRequest,
  experiment: ExperimentRef.optional(),
});
export type EvalVariant = z.infer<typeof EvalVariant>;

export const EvalSettings = z.object({
  /** Requests in flight at most (the runner lowers it on 429 and raises it back). */
  concurrency: z.number().int().min(1).max(64).default(4),
  /** Answer identical requests from the cache (marked cached, costing nothing). */
  cache: z.boolean().default(false),
  /** Call the API per case, or send the dataset through the Batch API. */
  mode: z.enum(["direct", "batch"]).default("direct"),
});
export type EvalSettings = z.infer<typeof EvalSettings>;

/** One assertion's outcome as stored (the assertion described, not repeated whole). */
export const CellCheck = z.object({ description: z.string(), pass: z.boolean(), reason: z.string() });

/** One case run by one variant: a cell of the results table. */
export const EvalCell = z.object({
  caseId: z.string(),
  variant: z.number().int().nonnegative(),
  /** The run in history this cell opens; null for a cached answer never sent. */
  runId: z.uuid().nullable(),
  status: z.enum(["pass", "fail", "error"]),
  checks: z.array(CellCheck),
  output: z.string(),
  /**
   * Ms the answering attempt took, from its sending to the whole answer: what a latency check
   * measures. Earlier attempts and the back-off waits between them are not in it (see `totalMs`).
   */
  latencyMs: z.number().nonnegative().nullable(),
  /** Ms from the first attempt's sending to the answer, retries and waits included (absent in older runs). */
  totalMs: z.number().nonnegative().nullable().optional(),
  /** HTTP attempts this cell took, over every retry (1 = none; absent in older runs). */
  attempts: z.number().int().nonnegative().optional(),
  costUsd: z.number().nonnegative().nullable(),
  cached: z.boolean(),
  error: z.string().nullable(),
});
export type EvalCell = z.infer<typeof EvalCell>;

export const EvalStatus = z.enum(["running", "cancelled", "done", "failed"]);

/** A batch job behind a run in batch mode. */
export const BatchState = z.object({
  batchId: z.string(),
  inputFileId: z.string(),
  status: z.string(),
  outputFileId: z.string().nullable(),
  errorFileId: z.string().nullable(),
  completed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type BatchState = z.infer<typeof BatchState>;

/** The retries of a run so far: each counted when its wait begins, the waits summed over requests. */
export const RetryCounts = z.object({
  /** Attempts sent again after a failed one (a 429, a dropped connection, a 5xx, a timeout). */
  retries: z.number().int().nonnegative(),
  /** How many of those followed a 429. */
  rateLimited: z.number().int().nonnegative(),
  /** Ms of back-off and retry-after waits, summed over the requests that waited. */
  waitedMs: z.number().nonnegative(),
});
export type RetryCounts = z.infer<typeof RetryCounts>;

/** No retry yet. */
export const NO_RETRIES: RetryCounts = { retries: 0, rateLimited: 0, waitedMs: 0 };

/** A whole evaluation run: what ran, how, and every cell so far. */
export const EvalRun = z.object({
  id: z.uuid(),
  datasetId: Id,
  datasetName: z.string(),
  createdAt: z.number().int().nonnegative(),
  variants: z.array(EvalVariant).min(1).max(8),
  settings: EvalSettings,
  status: EvalStatus,
  /** Why the run failed as a whole, when it did. */
  error: z.string().nullable(),
  caseCount: z.number().int().nonnegative(),
  cells: z.array(EvalCell),
  batch: BatchState.nullable(),
  /** Wall time spent running, ms (summed over resumes). */
  elapsedMs: z.number().nonnegative(),
  /** Retries, 429s and waits so far (summed over resumes; absent in older runs). */
  retryCounts: RetryCounts.optional(),
});
export type EvalRun = z.infer<typeof EvalRun>;

/** One line of the list of evaluation runs. */
export const EvalRunSummary = EvalRun.pick({ id: true, datasetId: true, datasetName: true, createdAt: true, status: true, caseCount: true }).extend({
  variantLabels: z.array(z.string()),
  passed: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  mode: EvalSettings.shape.mode,
});
export type EvalRunSummary = z.infer<typeof EvalRunSummary>;

/** Sent while a run goes: the figures of the progress bar. */
export const EvalProgress = z.object({
  evalRunId: z.uuid(),
  status: EvalStatus,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  spendUsd: z.number().nonnegative(),
  elapsedMs: z.number().nonnegative(),
  /** Estimated ms left at the current pace; null before the first result. */
  etaMs: z.number().nonnegative().nullable(),
  /** Requests allowed in flight right now (lowered after a 429). */
  concurrency: z.number().int().nonnegative(),
  /** Retries so far, how many after a 429, and the waits they took (from the main process, live). */
  retries: RetryCounts.shape.retries,
  rateLimited: RetryCounts.shape.rateLimited,
  waitedMs: RetryCounts.shape.waitedMs,
  batch: BatchState.nullable(),
});
export type EvalProgress = z.infer<typeof EvalProgress>;

/** The key of a cell: which case, which variant. */
export const cellKey = (caseId: string, variant: number) => `${variant}:${caseId}`;
