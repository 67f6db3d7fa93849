// Both processes: the inspector's channels: the full record of a recent run (exact request with the
// key masked, response headers, timed chunks), and a short list of the recent runs to pick from.
import { z } from "zod";
import { EmptyInput, ProviderTag } from "../schemas";
import { RunRecord } from "../runRecord";

/** One line of the recent-runs list: enough to pick a run without loading its chunks. */
export const RunSummary = z.object({
  runId: z.uuid(),
  startedAt: z.number().int().nonnegative(),
  model: z.string(),
  provider: ProviderTag,
  /** How the run ended: normally, stopped by the user, or failed. */
  outcome: z.enum(["done", "stopped", "failed"]),
  requestId: z.string().nullable(),
  totalMs: z.number().nonnegative(),
  chunkCount: z.number().int().nonnegative(),
});
export type RunSummary = z.infer<typeof RunSummary>;

/** The inspector's channels. */
export const inspectorChannels = {
  /** The full record of one recent run, or null when it is unknown or no longer kept. */
  "runs.get": { input: z.object({ runId: z.uuid() }).strict(), output: RunRecord.nullable() },
  /** The runs kept in memory, newest first. */
  "runs.recent": { input: EmptyInput, output: z.object({ runs: z.array(RunSummary) }) },
} as const;
