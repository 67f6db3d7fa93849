// Main process: the usage log: one JSON line per request (metadata only), appended with fsync under
// the data folder, read back as a stream; and each profile's spend today and this month, for budgets.
import { join } from "node:path";
import { UsageEntry, type Spend } from "../../../shared/contracts/usage";
import { describeZodError } from "../../../shared/errors";
import { openJsonlFile } from "../history/jsonlFile";

/** The log's file inside the data folder. */
export const USAGE_FILE = join("usage", "requests.jsonl");

/** Most entries one listing returns (the newest are kept). */
export const MAX_LISTED = 20_000;

/** Appends and reads the usage log. */
export interface UsageLog {
  readonly path: string;
  /** Appends one entry; returns once it is on disk (blocking: for one run at a time). */
  record(entry: UsageEntry): void;
  /** The same without blocking: resolves once on disk; concurrent entries share one fsync. */
  recordAsync(entry: UsageEntry): Promise<void>;
  /** Entries since `sinceMs`, oldest first, and how many damaged lines were skipped. */
  list(sinceMs: number): Promise<{ entries: UsageEntry[]; damaged: number }>;
  /** What a profile has spent since local midnight and since the 1st of the month. */
  spend(profileId: string, now?: Date): Promise<{ day: Spend; month: Spend }>;
  close(): void;
}

function parseEntry(raw: unknown): UsageEntry {
  const parsed = UsageEntry.safeParse(raw);
  if (!parsed.success) throw new Error(`not a usage entry: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/** Local midnight today and the local start of this month, in epoch ms. */
export function periodStarts(now: Date): { day: number; month: number } {
  return {
    day: new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime(),
    month: new Date(now.getFullYear(), now.getMonth(), 1).getTime(),
  };
}

/** Opens the log under `dataDir`. */
export function createUsageLog(dataDir: string): UsageLog {
  const file = openJsonlFile(join(dataDir, USAGE_FILE));
  // Entries of this month and the last, kept in memory once read, so a budget check does not
  // read the file again for every run.
  let recent: UsageEntry[] | null = null;
  let loading: Promise<UsageEntry[]> | null = null;
  // Entries appended while the file is being read may or may not be in what is read.
  let appendedWhileLoading: UsageEntry[] = [];
  const sameEntry = (a: UsageEntry, b: UsageEntry) => a.runId === b.runId && a.time === b.time && a.status === b.status;
  const loadRecent = (): Promise<UsageEntry[]> => {
    if (recent) return Promise.resolve(recent);
    loading ??= (async () => {
      const now = new Date();
      const since = new Date(now.getFullYear(), now.getMonth() - 1, 1).getTime();
      const out: UsageEntry[] = [];
      await file.read(parseEntry, (entry) => {
        if (entry.time >= since) out.push(entry);
      });
      for (const entry of appendedWhileLoading) if (!out.some((e) => sameEntry(e, entry))) out.push(entry);
      appendedWhileLoading = [];
      recent = out;
      return out;
    })();
    return loading;
  };

  const remember = (entry: UsageEntry) => {
    if (recent) recent.push(entry);
    else if (loading) appendedWhileLoading.push(entry);
  };

  return {
    path: file.path,
    record(entry) {
      file.append(entry);
      remember(entry);
    },
    recordAsync(entry) {
      const written = file.appendDurable(entry);
      // Budgets count it from now: a run being written has been spent.
      remember(entry);
      return written;
    },
    async list(sinceMs) {
      const entries: UsageEntry[] = [];
      const { damaged } = await file.read(parseEntry, (entry) => {
        if (entry.time < sinceMs) return;
        entries.push(entry);
        if (entries.length > MAX_LISTED) entries.shift();
      });
      return { entries: entries.sort((a, b) => a.time - b.time), damaged: damaged.length };
    },
    async spend(profileId, now = new Date()) {
      const starts = periodStarts(now);
      const day: Spend = { usd: 0, tokens: 0 };
      const month: Spend = { usd: 0, tokens: 0 };
      for (const entry of await loadRecent()) {
        if (entry.profileId !== profileId || entry.time < starts.month) continue;
        const tokens = entry.promptTokens + entry.completionTokens;
        month.usd += entry.costUsd ?? 0;
        month.tokens += tokens;
        if (entry.time >= starts.day) {
          day.usd += entry.costUsd ?? 0;
          day.tokens += tokens;
        }
      }
      return { day, month };
    },
    close: () => file.close(),
  };
}
