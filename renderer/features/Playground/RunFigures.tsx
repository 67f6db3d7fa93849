// Renderer: the figures of the last run: timing, tokens, finish reason, request id, provider.
import { useShallow } from "zustand/react/shallow";
import { useAppStore } from "../../store/appStore";
import { selectRunFigures } from "../../store/selectors";

/** Shown once a run has ended (done, stopped or failed with figures). */
export function RunFigures() {
  const figures = useAppStore(useShallow(selectRunFigures));
  if (!figures) return null;
  const items: [string, string, string][] = [
    ["Time to first token", figures.ttft, "metric-ttft"],
    ["Total time", figures.total, "metric-total"],
    ["Tokens per second", figures.tokensPerSecond, "metric-tps"],
    ["Usage (tokens)", figures.usage, "metric-usage"],
    ["Finish reason", figures.finishReasons, "metric-finish"],
    ["Request id", figures.requestId, "metric-request-id"],
    ["Answered by", figures.provider, "metric-provider"],
    ["Attempts", figures.attempts, "metric-attempts"],
  ];
  return (
    <section className="run-figures" aria-label="Run figures">
      <dl className="facts">
        {items.map(([term, value, testId]) => (
          <div key={testId}>
            <dt>{term}</dt>
            <dd className="mono" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {figures.finishHint ? <p className="hint">{figures.finishHint}</p> : null}
    </section>
  );
}
