// Main process: run history: every settled run appended to a JSON Lines file (fsync'd), listed
// with filters and opened whole by streaming the file back.
import { join } from "node:path";
import { describeZodError } from "../../../shared/errors";
import { HistoryEntry, type HistoryFilter, type HistorySummary } from "../../../shared/contracts/history";
import type { RunRecord } from "../../../shared/runRecord";
import { summarizeRun } from "../runLog";
import { openJsonlFile, type DamagedLine } from "./jsonlFile";

/** The history file's name inside the data folder. */
export const HISTORY_FILE = join("history", "runs.jsonl");

/** Newest runs listed when no limit is given. */
const DEFAULT_LIMIT = 200;

export interface RunHistory {
  readonly path: string;
  /** Appends a settled run; returns once it is on disk. */
  record(record: RunRecord, extra: { source: HistoryEntry["source"]; costUsd: number | null }): void;
  /** The same without blocking: resolves once on disk; concurrent runs share one fsync. */
  recordAsync(record: RunRecord, extra: { source: HistoryEntry["source"]; costUsd: number | null }): Promise<void>;
  /** Matching runs, newest first, and the damaged lines skipped on the way. */
  list(filter?: HistoryFilter): Promise<{ runs: HistorySummary[]; damaged: DamagedLine[] }>;
  /** One run whole, or null. */
  get(runId: string): Promise<HistoryEntry | null>;
  close(): void;
}

function parseEntry(raw: unknown): HistoryEntry {
  const parsed = HistoryEntry.safeParse(raw);
  if (!parsed.success) throw new Error(`not a run record: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/** The list line of an entry. */
export function summarizeEntry(entry: HistoryEntry): HistorySummary {
  const { record } = entry;
  const answer = record.result?.choices[0];
  const text = record.error ? `Error: ${record.error.message}` : answer?.content || (answer?.toolCalls.length ? `tool calls: ${answer.toolCalls.map((c) => c.name).join(", ")}` : "");
  return {
    ...summarizeRun(record),
    chunkCount: record.droppedChunks,
    source: entry.source,
    costUsd: entry.costUsd,
    ttftMs: record.metrics.ttftMs,
    attempts: record.metrics.attempts,
    experiment: record.experiment ?? null,
    preview: text.replace(/\s+/g, " ").slice(0, 160),
  };
}

function matches(entry: HistoryEntry, summary: HistorySummary, filter: HistoryFilter): boolean {
  if (filter.experimentId && entry.record.experiment?.id !== filter.experimentId) return false;
  if (filter.outcome && summary.outcome !== filter.outcome) return false;
  if (filter.source && entry.source !== filter.source) return false;
  const q = filter.query?.trim().toLowerCase();
  if (q) {
    const haystack = [summary.model, summary.preview, ...entry.record.request.messages.map((m) => m.content ?? "")].join("\n").toLowerCase();
    if (!haystack.includes(q)) return false;
  }
  return true;
}

/** The line kept for a run: the timed chunks stay with the in-memory inspector; the file counts them. */
function toEntry(record: RunRecord, extra: { source: HistoryEntry["source"]; costUsd: number | null }): HistoryEntry {
  const kept: RunRecord = { ...record, chunks: [], droppedChunks: record.droppedChunks + record.chunks.length };
  return { entryVersion: 1, source: extra.source, costUsd: extra.costUsd, record: kept };
}

/** Opens the history kept under `dataDir`. */
export function createRunHistory(dataDir: string): RunHistory {
  const file = openJsonlFile(join(dataDir, HISTORY_FILE));
  return {
    path: file.path,
    record: (record, extra) => file.append(toEntry(record, extra)),
    recordAsync: (record, extra) => file.appendDurable(toEntry(record, extra)),
    async list(filter = {}) {
      const limit = filter.limit ?? DEFAULT_LIMIT;
      // The file is in time order: keep only the last `limit` matches while streaming.
      const newest: HistorySummary[] = [];
      const { damaged } = await file.read(parseEntry, (entry) => {
        const summary = summarizeEntry(entry);
        if (!matches(entry, summary, filter)) return;
        newest.push(summary);
        if (newest.length > limit) newest.shift();
      });
      return { runs: newest.reverse(), damaged };
    },
    async get(runId) {
      let found: HistoryEntry | null = null;
      // A run is recorded once; keep reading anyway so a later copy (a re-import) wins.
      await file.read(parseEntry, (entry) => {
        if (entry.record.runId === runId) found = entry;
      });
      return found;
    },
    close: () => file.close(),
  };
}
