// Renderer: the evaluations slice: datasets, the runs of the chosen dataset, the run on screen
// with its live progress, and the comparison of two runs.
import type { Dataset, EvalCase, EvalProgress, EvalRun, EvalRunSummary, EvalSettings, EvalVariant } from "../../shared/evals";
import { MAX_SAVED_VARIANTS } from "../../shared/evals";
import type { Assertion } from "../../shared/assertions";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

export interface DatasetListItem {
  id: string;
  name: string;
  caseCount: number;
  columns: string[];
  updatedAt: number;
}

/** What to run, as chosen in the run setup: kept while the user is in other views. */
export interface EvalRunSetup {
  /** Run the playground's request as it is when the run starts. */
  usePlayground: boolean;
  /** Saved experiment versions added, in order (labels are unique). */
  saved: EvalVariant[];
  settings: EvalSettings;
}

/** Unsaved edits of a dataset (its table and assertions text), kept while the user is elsewhere. */
export interface DatasetEdit {
  datasetId: string;
  /** The saved version the edits started from: a newer save starts afresh. */
  updatedAt: number;
  draft: { name: string; columns: string[]; cases: EvalCase[] };
  assertionsText: string;
}

export interface EvalsState {
  datasets: DatasetListItem[];
  dataset: Dataset | null;
  runs: EvalRunSummary[];
  /** The id of the run on screen (set before its first read, so its progress is followed). */
  runId: string | null;
  /** The run on screen, refreshed while it goes. */
  run: EvalRun | null;
  progress: EvalProgress | null;
  /** A second run of the same dataset to compare with the one on screen. */
  compareWith: EvalRun | null;
  error: string | null;
  setup: EvalRunSetup;
  /** The saved setup (settings file) was applied, or something was chosen before it could be. */
  setupRestored: boolean;
  edit: DatasetEdit | null;
}

export interface EvalsSlice {
  evals: EvalsState;
  loadDatasets(): Promise<void>;
  openDataset(id: string): Promise<void>;
  importDataset(name: string, fileName: string, text: string, assertions: Assertion[]): Promise<void>;
  saveDataset(dataset: Pick<Dataset, "name" | "columns" | "cases" | "assertions"> & { id?: string }): Promise<void>;
  startEval(variants: EvalVariant[], settings: EvalSettings): Promise<void>;
  cancelEval(): Promise<void>;
  resumeEval(): Promise<void>;
  openEvalRun(id: string): Promise<void>;
  compareEvalRun(id: string | null): Promise<void>;
  /** Opens a run with its dataset (a deep link may name a run of a dataset not open). */
  openEvalRunWithDataset(id: string): Promise<void>;
  /** Back to the dataset without a run shown. */
  closeEvalRun(): void;
  /** A saved experiment version as a prompt version to evaluate. */
  experimentVariant(id: string, version: number): Promise<EvalVariant | null>;
  /** Changes the run setup (whether the playground runs, the settings). */
  setEvalSetup(change: Partial<Pick<EvalRunSetup, "usePlayground" | "settings">>): void;
  /** Adds a saved version to the run setup; one with the same label, or past the limit, is not added. */
  addEvalVariant(variant: EvalVariant): void;
  removeEvalVariant(label: string): void;
  /** Keeps (or with null, drops) the unsaved edits of the open dataset. */
  setDatasetEdit(edit: DatasetEdit | null): void;
}

const initial: EvalsState = {
  datasets: [],
  dataset: null,
  runs: [],
  runId: null,
  run: null,
  progress: null,
  compareWith: null,
  error: null,
  setup: { usePlayground: true, saved: [], settings: { concurrency: 4, cache: false, mode: "direct" } },
  setupRestored: false,
  edit: null,
};

/** Least ms between two refreshes of the run on screen while progress events arrive. */
const REFRESH_MS = 250;

/** The evaluations slice. */
export function createEvalsSlice(deps: StoreDeps): SliceCreator<EvalsSlice> {
  return (set, get) => {
    const patch = (change: Partial<EvalsState>) => set((s) => ({ evals: { ...s.evals, ...change } }));
    const attempt = async <T>(what: string, call: () => Promise<T>): Promise<T | null> => {
      patch({ error: null });
      try {
        return await call();
      } catch (err) {
        patch({ error: `${what}: ${toAppError(err).message}` });
        return null;
      }
    };
    /** Keeps the run setup and the open dataset in the settings file, for the next reload or start. */
    const saveSetup = async () => {
      const { setup, dataset } = get().evals;
      patch({ setupRestored: true });
      // Saving over preferences not read yet would put their defaults back (welcome seen, theme).
      if (!get().uiPrefs) await get().loadUiPrefs();
      await get().updateUiPrefs({ evals: { datasetId: dataset?.id ?? null, ...setup } });
    };
    const loadRuns = async () => {
      const id = get().evals.dataset?.id;
      const result = await attempt("The runs could not be listed", () => deps.bridge.call("evals.list", id ? { datasetId: id } : {}));
      if (!result) return;
      patch({ runs: result.runs });
      // A damaged run file was moved aside on the main side: the user hears of it (once).
      for (const problem of result.problems ?? []) get().addNotice(problem.reason, "warning");
    };
    const refreshRun = async (id: string) => {
      const run = await attempt("The run could not be read", () => deps.bridge.call("evals.get", { evalRunId: id }));
      if (run && get().evals.runId === id) patch({ run });
    };

    // Progress of the run on screen: the bar follows every event; the table is re-read at most
    // every REFRESH_MS, and once more when the run ends.
    let lastRefresh = 0;
    let pending: ReturnType<typeof setTimeout> | null = null;
    deps.bridge.on("evals.progress", (progress) => {
      if (get().evals.runId !== progress.evalRunId) return;
      patch({ progress });
      const ended = progress.status !== "running";
      const now = Date.now();
      if (ended || now - lastRefresh >= REFRESH_MS) {
        lastRefresh = now;
        void refreshRun(progress.evalRunId).then(() => (ended ? loadRuns() : undefined));
      } else if (!pending) {
        pending = setTimeout(() => {
          pending = null;
          lastRefresh = Date.now();
          void refreshRun(progress.evalRunId);
        }, REFRESH_MS);
      }
    });

    return {
      evals: initial,

      loadDatasets: async () => {
        const result = await attempt("The datasets could not be listed", () => deps.bridge.call("evals.datasets.list", {}));
        if (!result) return;
        patch({ datasets: result.datasets });
        for (const problem of result.problems ?? []) get().addNotice(problem.reason, "warning");
        // The first listing brings back the setup and dataset left last time (a dataset since
        // deleted is not reopened); a choice made meanwhile, or a deep link's dataset, wins.
        if (get().evals.setupRestored) return;
        if (!get().uiPrefs) await get().loadUiPrefs();
        const saved = get().uiPrefs?.evals;
        if (get().evals.setupRestored || !saved) return;
        const { datasetId, ...setup } = saved;
        patch({ setup, setupRestored: true });
        if (datasetId && !get().evals.dataset && result.datasets.some((d) => d.id === datasetId)) await get().openDataset(datasetId);
      },

      openDataset: async (id) => {
        const dataset = await attempt("The dataset could not be opened", () => deps.bridge.call("evals.datasets.get", { id }));
        if (!dataset) return;
        patch({ dataset, runId: null, run: null, progress: null, compareWith: null });
        if (get().evals.setupRestored) void saveSetup();
        await loadRuns();
      },

      importDataset: async (name, fileName, text, assertions) => {
        const dataset = await attempt("Import refused", () => deps.bridge.call("evals.datasets.import", { name, fileName, text, assertions }));
        if (!dataset) return;
        await get().loadDatasets();
        await get().openDataset(dataset.id);
      },

      saveDataset: async (draft) => {
        const dataset = await attempt("Not saved", () => deps.bridge.call("evals.datasets.save", draft));
        if (!dataset) return;
        patch({ dataset });
        await get().loadDatasets();
      },

      startEval: async (variants, settings) => {
        const dataset = get().evals.dataset;
        if (!dataset) return;
        const started = await attempt("The evaluation did not start", () => deps.bridge.call("evals.start", { datasetId: dataset.id, variants, settings }));
        if (!started) return;
        patch({ runId: started.evalRunId, run: null, progress: null, compareWith: null });
        await refreshRun(started.evalRunId);
        await loadRuns();
      },

      cancelEval: async () => {
        const run = get().evals.run;
        if (run) await attempt("Not cancelled", () => deps.bridge.call("evals.cancel", { evalRunId: run.id }));
      },

      resumeEval: async () => {
        const run = get().evals.run;
        if (!run) return;
        if (await attempt("Not resumed", () => deps.bridge.call("evals.resume", { evalRunId: run.id }))) await refreshRun(run.id);
      },

      openEvalRun: async (id) => {
        const run = await attempt("The run could not be read", () => deps.bridge.call("evals.get", { evalRunId: id }));
        if (run) patch({ runId: run.id, run, progress: null, compareWith: get().evals.compareWith?.id === id ? null : get().evals.compareWith });
      },

      experimentVariant: async (id, version) => {
        const file = await attempt("The experiment could not be read", () => deps.bridge.call("experiments.get", { id }));
        const chosen = file?.versions.find((v) => v.version === version);
        if (!file || !chosen) return null;
        return { label: `${file.name} v${version}`, profileId: chosen.state.profileId, request: chosen.state.request, experiment: { id, version } };
      },

      setEvalSetup: (change) => {
        patch({ setup: { ...get().evals.setup, ...change } });
        void saveSetup();
      },

      // Read from the store at the moment of adding: two quick adds both land (a component's copy would lose one).
      addEvalVariant: (variant) => {
        const { setup } = get().evals;
        if (setup.saved.length >= MAX_SAVED_VARIANTS || setup.saved.some((v) => v.label === variant.label)) return;
        patch({ setup: { ...setup, saved: [...setup.saved, variant] } });
        void saveSetup();
      },

      removeEvalVariant: (label) => {
        const { setup } = get().evals;
        patch({ setup: { ...setup, saved: setup.saved.filter((v) => v.label !== label) } });
        void saveSetup();
      },

      setDatasetEdit: (edit) => patch({ edit }),

      openEvalRunWithDataset: async (id) => {
        await get().openEvalRun(id);
        const datasetId = get().evals.run?.id === id ? get().evals.run?.datasetId : undefined;
        if (!datasetId || get().evals.dataset?.id === datasetId) return;
        // Opening the dataset clears the run shown, so the run is opened again after it.
        await get().openDataset(datasetId);
        await get().openEvalRun(id);
      },

      closeEvalRun: () => patch({ runId: null, run: null, progress: null, compareWith: null }),

      compareEvalRun: async (id) => {
        if (!id) return patch({ compareWith: null });
        const other = await attempt("The run could not be read", () => deps.bridge.call("evals.get", { evalRunId: id }));
        if (other) patch({ compareWith: other });
      },
    };
  };
}
