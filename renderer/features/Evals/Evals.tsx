// Renderer: the evaluations view: datasets, the prompt versions to run over them, live progress,
// the results table and the comparison of runs.
import { useShallow } from "zustand/react/shallow";
import { useEffect } from "react";
import { useAppStore } from "../../store/appStore";
import { DatasetEditor } from "./DatasetEditor";
import { DatasetPanel } from "./DatasetPanel";
import { ResultsTable } from "./ResultsTable";
import { RunHistoryPanel } from "./RunHistoryPanel";
import { RunProgress } from "./RunProgress";
import { RunSetup } from "./RunSetup";
import "./evals.css";

/** The whole view. */
export function Evals() {
  const { dataset, run, error } = useAppStore(useShallow((s) => ({ dataset: s.evals.dataset, run: s.evals.run, error: s.evals.error })));
  const loadDatasets = useAppStore((s) => s.loadDatasets);
  useEffect(() => {
    void loadDatasets();
  }, [loadDatasets]);
  return (
    <div className="evals">
      <h1>Evaluations</h1>
      <p className="hint">Run prompt versions over a table of cases and check every answer with assertions. Cells open their run; failures come first.</p>
      {error ? (
        <p className="field-error" role="alert" data-testid="evals-error">
          {error}
        </p>
      ) : null}
      <div className="evals-columns">
        <DatasetPanel />
        <div>
          {dataset ? (
            <>
              <DatasetEditor key={`${dataset.id}:${dataset.updatedAt}`} dataset={dataset} />
              <RunSetup />
              <RunProgress />
              {/* Keyed by run: another run starts with no cell open. */}
              {run ? <ResultsTable key={run.id} run={run} /> : null}
              <RunHistoryPanel />
            </>
          ) : (
            <p className="hint">Import or choose a dataset.</p>
          )}
        </div>
      </div>
    </div>
  );
}
