// Renderer: the runs of the open dataset, and the diff of the run on screen with another one.
import { useShallow } from "zustand/react/shallow";
import { useMemo } from "react";
import { diffEvalRuns } from "../../../shared/evalResults";
import { useAppStore } from "../../store/appStore";

/** Earlier runs and what changed between two of them. */
export function RunHistoryPanel() {
  const { runs, run, compareWith } = useAppStore(useShallow((s) => ({ runs: s.evals.runs, run: s.evals.run, compareWith: s.evals.compareWith })));
  const openEvalRun = useAppStore((s) => s.openEvalRun);
  const compareEvalRun = useAppStore((s) => s.compareEvalRun);
  const diff = useMemo(() => (run && compareWith ? diffEvalRuns(compareWith, run) : null), [run, compareWith]);
  if (runs.length === 0) return null;
  return (
    <section className="evals-panel" data-testid="eval-runs">
      <h2>Runs of this dataset</h2>
      <ul className="evals-list">
        {runs.map((r) => (
          <li key={r.id}>
            <button type="button" aria-current={run?.id === r.id ? "true" : undefined} onClick={() => void openEvalRun(r.id)}>
              {new Date(r.createdAt).toLocaleString()} · {r.variantLabels.join(", ")} · {r.passed}/{r.total} passed · {r.status}
              {r.mode === "batch" ? " · batch" : ""}
            </button>
          </li>
        ))}
      </ul>
      {run ? (
        <label className="field">
          Compare the run on screen with
          <select value={compareWith?.id ?? ""} onChange={(e) => void compareEvalRun(e.target.value || null)} data-testid="eval-compare">
            <option value="">no other run</option>
            {runs
              .filter((r) => r.id !== run.id)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {new Date(r.createdAt).toLocaleString()} ({r.passed}/{r.total})
                </option>
              ))}
          </select>
        </label>
      ) : null}
      {diff ? (
        <div data-testid="eval-diff">
          <p>
            {diff.newlyFailed.length} newly failing, {diff.newlyPassed.length} newly passing, {diff.unchanged} unchanged (versions matched by name).
          </p>
          <ul>
            {diff.newlyFailed.map((c) => (
              <li key={`f${c.label}${c.caseId}`} className="field-error">
                {c.caseId} · {c.label}: {c.before} → {c.after}
              </li>
            ))}
            {diff.newlyPassed.map((c) => (
              <li key={`p${c.label}${c.caseId}`}>
                {c.caseId} · {c.label}: {c.before} → {c.after}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
