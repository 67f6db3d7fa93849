// Renderer: the details of one results cell, in a side panel next to the grid: its checks, the
// answer, latency and cost, and a link to its run; closed with Escape or its ✕.
import { useEffect } from "react";
import type { EvalCell } from "../../../shared/evals";
import { costText, msText } from "../History/figures";

/** The side panel of `cell`; `onClose` is called on Escape too. */
export function CellDetailPanel({ cell, label, onClose, onOpenRun }: { cell: EvalCell; label: string; onClose: () => void; onOpenRun: (runId: string) => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      e.preventDefault();
      onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <aside className="eval-side-panel" data-testid="eval-cell-detail" aria-label={`Details of ${cell.caseId} · ${label}`}>
      <div className="row">
        <h3 className="eval-side-title" title={`${cell.caseId} · ${label}`}>
          {cell.caseId} · {label}
        </h3>
        <span className="spacer" />
        <button type="button" className="button-quiet" data-testid="eval-cell-detail-close" aria-label="Close the details (Escape)" title="Close (Escape)" onClick={onClose}>
          ✕
        </button>
      </div>
      <p className={`eval-status-badge eval-status-${cell.status}`}>{cell.status === "pass" ? "✓ passed" : cell.status === "fail" ? "✗ failed" : "! error"}</p>
      <ul className="eval-checks">
        {cell.checks.map((c, i) => (
          <li key={i} className={c.pass ? undefined : "field-error"}>
            {c.pass ? "✓" : "✗"} {c.description}: {c.reason}
          </li>
        ))}
      </ul>
      {cell.error ? <p className="field-error">{cell.error}</p> : null}
      <pre className="answer-text eval-side-output">{cell.output}</pre>
      <p className="hint">
        <span data-testid="eval-cell-latency">answered in {msText(cell.latencyMs)}</span>
        {cell.attempts !== undefined && cell.attempts > 1 ? ` (${msText(cell.totalMs ?? null)} in all, over ${cell.attempts} attempts and their waits)` : ""} · {costText(cell.costUsd)}
        {cell.cached ? " · answered from the cache" : ""}
      </p>
      {cell.runId ? (
        <button type="button" className="button-quiet" data-testid="eval-open-run" onClick={() => cell.runId && onOpenRun(cell.runId)}>
          Open its run in the inspector
        </button>
      ) : (
        <p className="hint">This answer has no recorded run to open (a batch collected before batch answers were recorded).</p>
      )}
    </aside>
  );
}
