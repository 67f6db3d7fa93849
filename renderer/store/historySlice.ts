// Renderer: the run history slice: the recorded runs with filters, damaged lines reported, and a
// past run opened in the inspector or restored into the playground.
import type { HistoryFilter, HistorySummary } from "../../shared/contracts/history";
import { cacheRecord } from "./inspectorSlice";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

export interface HistoryState {
  runs: HistorySummary[];
  filter: HistoryFilter;
  /** Lines of the history file that were skipped, said plainly. */
  damaged: { line: number; reason: string }[];
  loading: boolean;
  error: string | null;
}

export interface HistorySlice {
  history: HistoryState;
  loadHistory(filter?: HistoryFilter): Promise<void>;
  /** Shows a past run in the inspector. */
  openHistoryRun(runId: string): Promise<void>;
  /** Puts a past run's request (and simulated failure) back into the playground. */
  restoreHistoryRun(runId: string): Promise<void>;
}

const initial: HistoryState = { runs: [], filter: {}, damaged: [], loading: false, error: null };

/** The history slice. */
export function createHistorySlice(deps: StoreDeps): SliceCreator<HistorySlice> {
  return (set, get) => {
    const patch = (change: Partial<HistoryState>) => set((s) => ({ history: { ...s.history, ...change } }));
    const fetchEntry = async (runId: string) => {
      try {
        const entry = await deps.bridge.call("history.get", { runId });
        if (!entry) patch({ error: "That run is not in the history file any more." });
        return entry;
      } catch (err) {
        patch({ error: `The run could not be read: ${toAppError(err).message}` });
        return null;
      }
    };
    return {
      history: initial,

      loadHistory: async (filter = get().history.filter) => {
        patch({ filter, loading: true, error: null });
        try {
          const { runs, damaged } = await deps.bridge.call("history.list", filter);
          patch({ runs, damaged, loading: false });
        } catch (err) {
          patch({ loading: false, error: `The history could not be read: ${toAppError(err).message}` });
        }
      },

      openHistoryRun: async (runId) => {
        const entry = await fetchEntry(runId);
        if (!entry) return;
        set((s) => ({ inspector: { ...s.inspector, records: cacheRecord(s.inspector.records, entry.record), selectedRunId: runId, error: null } }));
        get().setView("inspector");
      },

      restoreHistoryRun: async (runId) => {
        const entry = await fetchEntry(runId);
        if (!entry) return;
        const { record } = entry;
        if (record.provider.profileId !== get().activeId && get().profiles.some((p) => p.id === record.provider.profileId)) {
          await get().setActiveProfile(record.provider.profileId);
        }
        const when = new Date(record.startedAt).toLocaleString();
        if (!get().replaceDraft(record.request, { label: `the run of ${when} from History`, simulatorFailure: record.simulatorFailure ?? "none" })) return;
        get().setView("playground");
      },
    };
  };
}
