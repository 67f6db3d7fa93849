// Renderer: the inspector slice: the recent runs the main side keeps, and the full records loaded
// for inspection (a small cache, since a long stream's record holds every chunk).
import type { RunSummary } from "../../shared/contracts/inspector";
import type { RunRecord } from "../../shared/runRecord";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

/** Full records kept in the renderer at once; older ones are loaded again when needed. */
export const RECORD_CACHE_SIZE = 8;

export interface InspectorState {
  recent: RunSummary[];
  /** The run the inspector shows, or null for "the latest". */
  selectedRunId: string | null;
  /** Loaded records by run id, most recently loaded last. */
  records: Record<string, RunRecord>;
  loading: boolean;
  error: string | null;
}

export interface InspectorSlice {
  inspector: InspectorState;
  /** Reads the list of recent runs; with nothing selected, the newest becomes the one shown. */
  loadRecentRuns(): Promise<void>;
  /** Shows one run, loading its record when it is not cached. */
  inspectRun(runId: string): Promise<void>;
  /** The record of a run (cached or loaded), or null when the main side no longer has it. */
  fetchRunRecord(runId: string): Promise<RunRecord | null>;
}

const initial: InspectorState = { recent: [], selectedRunId: null, records: {}, loading: false, error: null };

/** Keeps the newest `RECORD_CACHE_SIZE` records, adding `record` as the newest. */
export function cacheRecord(records: Record<string, RunRecord>, record: RunRecord): Record<string, RunRecord> {
  const entries = Object.entries(records).filter(([id]) => id !== record.runId);
  entries.push([record.runId, record]);
  return Object.fromEntries(entries.slice(-RECORD_CACHE_SIZE));
}

/** The inspector slice. */
export function createInspectorSlice(deps: StoreDeps): SliceCreator<InspectorSlice> {
  return (set, get) => {
    const patch = (change: Partial<InspectorState>) => set((s) => ({ inspector: { ...s.inspector, ...change } }));

    const fetchRunRecord = async (runId: string): Promise<RunRecord | null> => {
      const cached = get().inspector.records[runId];
      if (cached) return cached;
      const record = await deps.bridge.call("runs.get", { runId });
      if (record) set((s) => ({ inspector: { ...s.inspector, records: cacheRecord(s.inspector.records, record) } }));
      return record;
    };

    return {
      inspector: initial,
      fetchRunRecord,

      loadRecentRuns: async () => {
        patch({ loading: true, error: null });
        try {
          const { runs } = await deps.bridge.call("runs.recent", {});
          patch({ recent: runs, loading: false });
          const shown = get().inspector.selectedRunId ?? runs[0]?.runId;
          if (shown) await get().inspectRun(shown);
        } catch (err) {
          patch({ loading: false, error: `The recent runs could not be read: ${toAppError(err).message}` });
        }
      },

      inspectRun: async (runId) => {
        patch({ selectedRunId: runId, error: null });
        try {
          const record = await fetchRunRecord(runId);
          if (!record && get().inspector.selectedRunId === runId) {
            patch({ error: "This run is no longer kept (the inspector keeps the last 50 runs of this session)." });
          }
        } catch (err) {
          patch({ error: `The run could not be read: ${toAppError(err).message}` });
        }
      },
    };
  };
}
