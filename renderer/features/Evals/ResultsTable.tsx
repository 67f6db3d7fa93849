// Renderer: the results: pass rate, latency and cost per prompt version, then every case by
// version with failures first; a cell shows its checks and opens its run in the inspector.
import { PricesAsOf } from "../Tokens/PricesAsOf";
import { useMemo, useState } from "react";
import type { EvalCell, EvalRun } from "../../../shared/evals";
import { resultRows, variantFigures } from "../../../shared/evalResults";
import { useAppStore } from "../../store/appStore";
import { costText, msText } from "../History/figures";

/** Most rows drawn; the rest are summarised (failures come first, so they are always shown). */
const SHOWN_ROWS = 300;

function CellButton({ cell, onSelect }: { cell: EvalCell | null; onSelect: (cell: EvalCell) => void }) {
  if (!cell) return <span className="hint">pending</span>;
  const firstFailure = cell.checks.find((c) => !c.pass)?.reason ?? cell.error;
  return (
    <button type="button" className={`eval-cell eval-cell-${cell.status}`} data-testid="eval-cell" data-status={cell.status} onClick={() => onSelect(cell)}>
      {cell.status === "pass" ? "pass" : cell.status === "fail" ? "FAIL" : "error"}
      {cell.cached ? <span className="tag"> cached</span> : null}
      {firstFailure ? <span className="eval-reason">{firstFailure}</span> : null}
    </button>
  );
}

/** The figures and the table of one run. */
export function ResultsTable({ run }: { run: EvalRun }) {
  const dataset = useAppStore((s) => s.evals.dataset);
  const openHistoryRun = useAppStore((s) => s.openHistoryRun);
  const [selected, setSelected] = useState<EvalCell | null>(null);
  const figures = useMemo(() => variantFigures(run), [run]);
  const caseIds = useMemo(() => dataset?.cases.map((c) => c.id) ?? [...new Set(run.cells.map((c) => c.caseId))], [dataset, run.cells]);
  const rows = useMemo(() => resultRows(run, caseIds), [run, caseIds]);

  return (
    <section className="evals-panel" data-testid="eval-results">
      <h2>Results</h2>
      <table className="evals-table" data-testid="eval-figures-table">
        <thead>
          <tr>
            <th>Prompt version</th>
            <th>Pass rate</th>
            <th>Median latency</th>
            <th>
              Cost <PricesAsOf />
            </th>
            <th>Cached</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.variant}>
              <td>{f.label}</td>
              <td data-testid="eval-pass-rate">
                {f.passRate === null ? "–" : `${Math.round(f.passRate * 100)}%`} ({f.passed}/{f.total})
              </td>
              <td>{msText(f.medianLatencyMs)}</td>
              <td>{costText(f.costUsd)}</td>
              <td>{f.cached}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ overflowX: "auto" }}>
        <table className="evals-table" data-testid="eval-table">
          <thead>
            <tr>
              <th>Case</th>
              {run.variants.map((v) => (
                <th key={v.label}>{v.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN_ROWS).map((row) => (
              <tr key={row.caseId} data-testid="eval-row" data-case={row.caseId}>
                <td className="mono">{row.caseId}</td>
                {row.cells.map((cell, v) => (
                  <td key={v}>
                    <CellButton cell={cell} onSelect={setSelected} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN_ROWS ? <p className="hint">{rows.length - SHOWN_ROWS} more cases, all passing or pending, are not drawn.</p> : null}
      {selected ? (
        <div className="evals-panel" data-testid="eval-cell-detail">
          <h2>
            {selected.caseId} · {run.variants[selected.variant]?.label}
          </h2>
          <ul>
            {selected.checks.map((c, i) => (
              <li key={i} className={c.pass ? undefined : "field-error"}>
                {c.pass ? "✓" : "✗"} {c.description}: {c.reason}
              </li>
            ))}
          </ul>
          {selected.error ? <p className="field-error">{selected.error}</p> : null}
          <pre className="answer-text">{selected.output}</pre>
          <p className="hint">
            <span data-testid="eval-cell-latency">answered in {msText(selected.latencyMs)}</span>
            {selected.attempts !== undefined && selected.attempts > 1 ? ` (${msText(selected.totalMs ?? null)} in all, over ${selected.attempts} attempts and their waits)` : ""} · {costText(selected.costUsd)}
            {selected.cached ? " · answered from the cache" : ""}
          </p>
          {selected.runId ? (
            <button type="button" className="button-quiet" data-testid="eval-open-run" onClick={() => selected.runId && void openHistoryRun(selected.runId)}>
              Open its run in the inspector
            </button>
          ) : (
            <p className="hint">This answer has no recorded run to open (a batch collected before batch answers were recorded).</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
