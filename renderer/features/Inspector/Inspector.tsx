// Renderer: the inspector view: the recent runs of this session, and the chosen run on the wire.
import { useEffect } from "react";
import { useAppStore } from "../../store/appStore";
import { RunRecordView } from "./RunRecordView";
import "./inspector.css";

/** Recent runs on the left, the selected (or latest) run's record on the right. */
export function Inspector() {
  const { recent, selectedRunId, records, loading, error } = useAppStore((s) => s.inspector);
  const loadRecentRuns = useAppStore((s) => s.loadRecentRuns);
  const inspectRun = useAppStore((s) => s.inspectRun);
  useEffect(() => {
    void loadRecentRuns();
  }, [loadRecentRuns]);
  const record = selectedRunId ? records[selectedRunId] : undefined;
  return (
    <div className="inspector">
      <h1>Inspector</h1>
      <p className="hint">Every run of this session as it went over the wire (the last 50 are kept). Hover a field or header for what it means.</p>
      <div className="inspector-columns">
        <nav className="inspector-runs" aria-label="Recent runs">
          <button type="button" className="button-quiet" onClick={() => void loadRecentRuns()} disabled={loading}>
            Refresh
          </button>
          <ul>
            {recent.map((run) => (
              <li key={run.runId}>
                <button
                  type="button"
                  className="inspector-run"
                  data-testid="inspector-run"
                  aria-current={run.runId === selectedRunId ? "true" : undefined}
                  onClick={() => void inspectRun(run.runId)}
                >
                  <span className="mono">{new Date(run.startedAt).toLocaleTimeString()}</span> {run.model}
                  <span className={`tag outcome-${run.outcome}`}>{run.outcome}</span>
                </button>
              </li>
            ))}
          </ul>
          {recent.length === 0 && !loading ? <p className="hint">No runs yet: run a request in the playground.</p> : null}
        </nav>
        <div className="inspector-detail">
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          {record ? <RunRecordView record={record} /> : selectedRunId && !error ? <p className="hint">Loading the run...</p> : null}
        </div>
      </div>
    </div>
  );
}
