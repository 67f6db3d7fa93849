// Renderer: the usage slice: the logged requests for the charts, the budgets, and a warning banner
// whenever a run leaves a profile at 80% or more of a cap.
import type { BudgetStatus, UsageEntry } from "../../shared/contracts/usage";
import type { Budget } from "../../shared/reliability";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

export interface UsageState {
  entries: UsageEntry[];
  /** The start of the loaded window, epoch ms; null until loaded. */
  sinceMs: number | null;
  damaged: number;
  loading: boolean;
  budgets: BudgetStatus[];
  /** Whether entries carry the redacted message text (Settings); null until read. */
  textLogging: boolean | null;
  error: string | null;
}

export interface UsageSlice {
  usage: UsageState;
  /** Reads the log from `sinceMs` on. */
  loadUsage(sinceMs: number): Promise<void>;
  /** The log from `sinceMs` as CSV text, or null when the call failed. */
  exportUsageCsv(sinceMs: number): Promise<string | null>;
  loadBudgets(): Promise<void>;
  saveBudget(profileId: string, budget: Budget): Promise<boolean>;
  /** Switches logging of the redacted message text with each usage entry. */
  setUsageTextLogging(enabled: boolean): Promise<void>;
}

/** What every budget warning banner starts with. */
const BUDGET_WARNING = "Budget warning: ";

/** The usage slice. After each run that ends, budgets are read again and any warning shown. */
export function createUsageSlice(deps: StoreDeps): SliceCreator<UsageSlice> {
  return (set, get, store) => {
    const patch = (change: Partial<UsageState>) => set((s) => ({ usage: { ...s.usage, ...change } }));

    const warningText = (text: string) => `${BUDGET_WARNING}${text}`;
    const warnFromBudgets = () => {
      for (const status of get().usage.budgets) for (const text of status.warnings) get().addNotice(warningText(text), "warning");
    };
    /** Takes down budget warnings the budgets no longer give (a cap raised or removed). */
    const clearStaleWarnings = () => {
      const current = new Set(get().usage.budgets.flatMap((status) => status.warnings.map(warningText)));
      for (const notice of get().notices) if (notice.text.startsWith(BUDGET_WARNING) && !current.has(notice.text)) get().dismissNotice(notice.id);
    };

    store.subscribe((state, previous) => {
      const ended = (s: typeof state.run.status) => s === "done" || s === "failed" || s === "stopped";
      if (ended(state.run.status) && !ended(previous.run.status)) void get().loadBudgets().then(warnFromBudgets);
    });

    return {
      usage: { entries: [], sinceMs: null, damaged: 0, loading: false, budgets: [], textLogging: null, error: null },
      loadUsage: async (sinceMs) => {
        patch({ loading: true, error: null });
        try {
          const out = await deps.bridge.call("usage.list", { sinceMs });
          patch({ entries: out.entries, damaged: out.damaged, textLogging: out.textLogging, sinceMs, loading: false });
        } catch (err) {
          patch({ loading: false, error: `The usage log could not be read: ${toAppError(err).message}` });
        }
      },
      exportUsageCsv: async (sinceMs) => {
        try {
          return (await deps.bridge.call("usage.exportCsv", { sinceMs })).csv;
        } catch (err) {
          patch({ error: `The CSV could not be made: ${toAppError(err).message}` });
          return null;
        }
      },
      loadBudgets: async () => {
        try {
          patch({ budgets: (await deps.bridge.call("budgets.get", {})).budgets });
          clearStaleWarnings();
        } catch (err) {
          patch({ error: `Budgets could not be read: ${toAppError(err).message}` });
        }
      },
      setUsageTextLogging: async (enabled) => {
        try {
          patch({ textLogging: (await deps.bridge.call("usage.setTextLogging", { enabled })).textLogging, error: null });
        } catch (err) {
          patch({ error: `The text logging switch was not saved: ${toAppError(err).message}` });
        }
      },
      saveBudget: async (profileId, budget) => {
        try {
          const status = await deps.bridge.call("budgets.save", { profileId, budget });
          patch({ budgets: get().usage.budgets.map((b) => (b.profileId === profileId ? status : b)), error: null });
          clearStaleWarnings();
          return true;
        } catch (err) {
          patch({ error: `The budget was not saved: ${toAppError(err).message}` });
          return false;
        }
      },
    };
  };
}
