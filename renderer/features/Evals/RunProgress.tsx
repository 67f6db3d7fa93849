// Renderer: the progress bar of the run on screen: done of total, passes, spend, time left, the
// retries, 429s and waits so far, the concurrency in force (lowered after a 429), the batch status;
// cancel and resume.
import { useShallow } from "zustand/react/shallow";
import { progressOf, retryText } from "../../../shared/evalResults";
import { useAppStore } from "../../store/appStore";
import { costText, msText } from "../History/figures";

/** Progress of the run on screen. */
export function RunProgress() {
  const { run, progress } = useAppStore(useShallow((s) => ({ run: s.evals.run, progress: s.evals.progress })));
  const cancelEval = useAppStore((s) => s.cancelEval);
  const resumeEval = useAppStore((s) => s.resumeEval);
  if (!run) return null;
  const p = progress ?? progressOf(run, run.settings.concurrency);
  const status = progress?.status ?? run.status;
  const retries = retryText(p);
  return (
    <section className="evals-panel" data-testid="eval-progress" data-status={status}>
      <h2>
        {run.datasetName} · <span data-testid="eval-status">{status}</span>
      </h2>
      <progress className="eval-progress" max={Math.max(1, p.total)} value={p.done} />
      <p data-testid="eval-figures">
        {p.done} of {p.total} done · <strong data-testid="eval-passed">{p.passed} passed</strong> · {p.failed} failed · {p.errors} errors · spent {costText(p.spendUsd)}
        {retries ? (
          <>
            {" · "}
            <span data-testid="eval-retries" title="Attempts sent again after a 429, a dropped connection or a server error, and the back-off waits before them, summed over requests">
              {retries}
            </span>
          </>
        ) : null}
        {status === "running" ? ` · ${p.etaMs === null ? "estimating time left" : `about ${msText(p.etaMs)} left`} · concurrency ${p.concurrency}` : ""}
      </p>
      {p.batch ? (
        <p data-testid="eval-batch">
          Batch <span className="mono">{p.batch.batchId}</span>: <strong data-testid="eval-batch-status">{p.batch.status}</strong> ({p.batch.completed} completed, {p.batch.failed} failed of {p.batch.total})
        </p>
      ) : null}
      {run.error ? <p className="field-error">{run.error}</p> : null}
      {status === "running" ? (
        <button type="button" className="button-quiet" data-testid="eval-cancel" onClick={() => void cancelEval()}>
          Cancel
        </button>
      ) : status === "cancelled" || status === "failed" ? (
        <button type="button" className="button-quiet" data-testid="eval-resume" onClick={() => void resumeEval()}>
          Resume
        </button>
      ) : null}
    </section>
  );
}
