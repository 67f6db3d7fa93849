// Renderer: the results: pass rate, latency and cost per prompt version, then a compact grid of
// every case by version, failures first, that fits the window; a cell's checks open in a side panel.
import { PricesAsOf } from "../Tokens/PricesAsOf";
import { useCallback, useMemo, useState } from "react";
import { cellKey, type EvalCell, type EvalRun } from "../../../shared/evals";
import { resultRows, variantFigures } from "../../../shared/evalResults";
import { useAppStore } from "../../store/appStore";
import { costText, msText } from "../History/figures";
import { CellDetailPanel } from "./CellDetailPanel";

/** Most rows drawn; the rest are summarised (failures come first, so they are always shown). */
const SHOWN_ROWS = 300;

/** What a cell says in one line: its first failure, its error, or the start of its answer. */
function cellLine(cell: EvalCell): string {
  return cell.checks.find((c) => !c.pass)?.reason ?? cell.error ?? cell.output.replace(/\s+/g, " ").trim();
}

const STATUS_MARK = { pass: "✓", fail: "✗", error: "!" } as const;

function CellButton({ cell, label, selected, onSelect }: { cell: EvalCell | null; label: string; selected: boolean; onSelect: (cell: EvalCell) => void }) {
  if (!cell) return <span className="hint">pending</span>;
  const line = cellLine(cell);
  return (
    <button
      type="button"
      className={`eval-cell eval-cell-${cell.status}`}
      data-testid="eval-cell"
      data-status={cell.status}
      aria-pressed={selected}
      aria-label={`${cell.caseId} · ${label}: ${cell.status}${line ? `. ${line}` : ""}`}
      title={line}
      onClick={() => onSelect(cell)}
    >
      <span className="eval-cell-mark" aria-hidden="true">
        {STATUS_MARK[cell.status]}
      </span>
      <span className="eval-cell-text">
        {cell.cached ? <span className="tag">cached </span> : null}
        {line}
      </span>
    </button>
  );
}

/** The figures and the grid (prompt version × case) of one run, a cell's details beside it. */
export function ResultsTable({ run }: { run: EvalRun }) {
  const dataset = useAppStore((s) => s.evals.dataset);
  const openHistoryRun = useAppStore((s) => s.openHistoryRun);
  // The cell shown by its key, so the panel follows the cell as the run is re-read.
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const figures = useMemo(() => variantFigures(run), [run]);
  const caseIds = useMemo(() => dataset?.cases.map((c) => c.id) ?? [...new Set(run.cells.map((c) => c.caseId))], [dataset, run.cells]);
  const rows = useMemo(() => resultRows(run, caseIds), [run, caseIds]);
  const selected = useMemo(() => (selectedKey === null ? null : (run.cells.find((c) => cellKey(c.caseId, c.variant) === selectedKey) ?? null)), [run.cells, selectedKey]);
  const close = useCallback(() => setSelectedKey(null), []);
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
      <div className={selected ? "eval-grid-area eval-grid-area-open" : "eval-grid-area"}>
        <div className="eval-grid-wrap">
          <table className="evals-table eval-grid" data-testid="eval-table">
            <colgroup>
              <col className="eval-grid-case" />
              {run.variants.map((v) => (
                <col key={v.label} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th>Case</th>
                {run.variants.map((v) => (
                  <th key={v.label} title={v.label}>
                    {v.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN_ROWS).map((row) => (
                <tr key={row.caseId} data-testid="eval-row" data-case={row.caseId}>
                  <td className="mono" title={row.caseId}>
                    {row.caseId}
                  </td>
                  {row.cells.map((cell, v) => (
                    <td key={v}>
                      <CellButton cell={cell} label={run.variants[v]?.label ?? ""} selected={cell !== null && cellKey(cell.caseId, cell.variant) === selectedKey} onSelect={(c) => setSelectedKey(cellKey(c.caseId, c.variant))} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > SHOWN_ROWS ? <p className="hint">{rows.length - SHOWN_ROWS} more cases, all passing or pending, are not drawn.</p> : null}
        </div>
        {selected ? <CellDetailPanel cell={selected} label={run.variants[selected.variant]?.label ?? ""} onClose={close} onOpenRun={(id) => void openHistoryRun(id)} /> : null}
      </div>
    </section>
  );
}
