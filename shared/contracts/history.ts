// Both processes: run history's channels: every run kept on disk, listed with filters, one opened whole.
import { z } from "zod";
import { ExperimentId, ExperimentRef } from "../experiments";
import { RunRecord } from "../runRecord";
import { RunSummary } from "./inspector";

/** Where a recorded run came from. */
export const RunSource = z.enum(["playground", "eval"]);

/**
 * One line of the history file. The record keeps everything but the streamed chunks (counted in
 * `droppedChunks`), which would make the file grow by tens of kilobytes per run.
 */
export const HistoryEntry = z.object({
  entryVersion: z.literal(1),
  source: RunSource,
  /** Dollars at the prices in use when the run ended; null when unknown. */
  costUsd: z.number().nonnegative().nullable(),
  record: RunRecord,
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** One line of the history list. */
export const HistorySummary = RunSummary.extend({
  source: RunSource,
  costUsd: z.number().nonnegative().nullable(),
  ttftMs: z.number().nonnegative().nullable(),
  attempts: z.number().int().nonnegative(),
  experiment: ExperimentRef.nullable(),
  /** The start of the answer (or the error), for scanning the list. */
  preview: z.string(),
});
export type HistorySummary = z.infer<typeof HistorySummary>;

/** What the list may be narrowed to. */
export const HistoryFilter = z
  .object({
    experimentId: ExperimentId.optional(),
    outcome: z.enum(["done", "stopped", "failed"]).optional(),
    source: RunSource.optional(),
    /** Words in the model, request or answer. */
    query: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type HistoryFilter = z.infer<typeof HistoryFilter>;

/** The history channels. */
export const historyChannels = {
  /** Recorded runs, newest first, with any damaged lines that were skipped. */
  "history.list": {
    input: HistoryFilter,
    output: z.object({
      runs: z.array(HistorySummary),
      /** Lines of the history file that could not be read: skipped, never fatal. */
      damaged: z.array(z.object({ line: z.number().int().positive(), reason: z.string() })),
    }),
  },
  /** One recorded run whole, or null when it is not in the history. */
  "history.get": { input: z.object({ runId: z.uuid() }).strict(), output: HistoryEntry.nullable() },
} as const;
