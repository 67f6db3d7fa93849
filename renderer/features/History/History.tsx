// Renderer: the run history: every recorded run, filtered by experiment, outcome, source and
// words; a run opens in the inspector or goes back into the playground.
import { PricesAsOf } from "../Tokens/PricesAsOf";
import { useEffect, useState } from "react";
import type { HistoryFilter } from "../../../shared/contracts/history";
import { useAppStore } from "../../store/appStore";
import { costText, msText } from "./figures";
import "./history.css";

/** The history view. */
export function History() {
  const { runs, damaged, loading, error, filter } = useAppStore((s) => s.history);
  const loadHistory = useAppStore((s) => s.loadHistory);
  const openHistoryRun = useAppStore((s) => s.openHistoryRun);
  const restoreHistoryRun = useAppStore((s) => s.restoreHistoryRun);
  const experiments = useAppStore((s) => s.experiments.list);
  const loadExperiments = useAppStore((s) => s.loadExperiments);
  const [draft, setDraft] = useState<HistoryFilter>(filter);

  useEffect(() => {
    void loadHistory();
    void loadExperiments();
  }, [loadHistory, loadExperiments]);

  const apply = (change: Partial<HistoryFilter>) => {
    const next = Object.fromEntries(Object.entries({ ...draft, ...change }).filter(([, v]) => v !== undefined && v !== "")) as HistoryFilter;
    setDraft(next);
    void loadHistory(next);
  };

  return (
    <div className="history">
      <h1>History</h1>
      <p className="hint">Every run, kept on disk as it happened: the exact request (key masked), the answer or error, usage, cost, timing, retries and the experiment version it came from.</p>
      <form
        className="history-filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply({});
        }}
      >
        <label className="field">
          Words
          <input type="search" data-testid="history-query" value={draft.query ?? ""} onChange={(e) => setDraft({ ...draft, query: e.target.value })} />
        </label>
        <label className="field">
          Experiment
          <select data-testid="history-experiment" value={draft.experimentId ?? ""} onChange={(e) => apply({ experimentId: e.target.value || undefined })}>
            <option value="">all runs</option>
            {experiments.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Outcome
          <select value={draft.outcome ?? ""} onChange={(e) => apply({ outcome: (e.target.value || undefined) as HistoryFilter["outcome"] })}>
            <option value="">any</option>
            <option value="done">finished</option>
            <option value="stopped">stopped</option>
            <option value="failed">failed</option>
          </select>
        </label>
        <label className="field">
          Source
          <select value={draft.source ?? ""} onChange={(e) => apply({ source: (e.target.value || undefined) as HistoryFilter["source"] })}>
            <option value="">any</option>
            <option value="playground">playground</option>
            <option value="eval">evaluations</option>
          </select>
        </label>
        <button type="submit" className="button-quiet" disabled={loading}>
          Search
        </button>
      </form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {damaged.length ? (
        <p className="field-error" data-testid="history-damaged">
          {damaged.length} damaged line{damaged.length === 1 ? " was" : "s were"} skipped in the history file (every other run is shown):{" "}
          {damaged.slice(0, 3).map((d) => `line ${d.line}: ${d.reason}`).join("; ")}
        </p>
      ) : null}
      <table className="history-table" data-testid="history-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Model</th>
            <th>Experiment</th>
            <th>Outcome</th>
            <th>Time (first token)</th>
            <th>
              Cost <PricesAsOf />
            </th>
            <th>Tries</th>
            <th>Answer</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.runId} data-testid="history-row">
              <td>{new Date(r.startedAt).toLocaleString()}</td>
              <td>
                {r.model}
                <div className="hint">{r.provider.kind === "simulator" ? "simulator" : r.provider.profileName}</div>
              </td>
              <td>{r.experiment ? `${experiments.find((x) => x.id === r.experiment?.id)?.name ?? r.experiment.id} v${r.experiment.version}` : r.source === "eval" ? "evaluation" : "–"}</td>
              <td className={`outcome-${r.outcome}`}>{r.outcome}</td>
              <td>
                {msText(r.totalMs)} ({msText(r.ttftMs)})
              </td>
              <td>{costText(r.costUsd)}</td>
              <td>{r.attempts}</td>
              <td className="history-preview" title={r.preview}>
                {r.preview}
              </td>
              <td className="row">
                <button type="button" className="button-quiet" onClick={() => void openHistoryRun(r.runId)}>
                  Inspect
                </button>
                <button type="button" className="button-quiet" data-testid="history-to-playground" onClick={() => void restoreHistoryRun(r.runId)}>
                  To playground
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.length === 0 && !loading ? <p className="hint">No runs recorded{Object.keys(filter).length ? " match these filters" : " yet"}.</p> : null}
    </div>
  );
}
