// Renderer: a run's error, precise: headline per kind, then every field the AppError carries.
import { useAppStore } from "../../store/appStore";
import { errorHeadline, formatSeconds } from "./errorHeadline";

/** Shown when the last run failed. The request is untouched, so it can be fixed and run again. */
export function RunErrorPanel() {
  const error = useAppStore((s) => s.run.error);
  const setView = useAppStore((s) => s.setView);
  if (!error) return null;
  const headline = errorHeadline(error);
  const rows: [string, string][] = [["kind", error.kind]];
  if (error.status !== null) rows.push(["HTTP status", String(error.status)]);
  if (error.param !== null) rows.push(["parameter", error.param]);
  if (error.code !== null) rows.push(["code", error.code]);
  if (error.retryAfterSeconds !== null) rows.push(["retry-after", formatSeconds(error.retryAfterSeconds)]);
  if (error.requestId !== null) rows.push(["request id", error.requestId]);
  return (
    <div className="run-error" role="alert" data-testid="run-error" data-kind={error.kind}>
      <h3>{headline.title}</h3>
      <p>{headline.advice}</p>
      <p className="mono error-message">{error.message}</p>
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
      {headline.linkToSettings ? (
        <button type="button" className="button-link" onClick={() => setView("settings")}>
          Open Settings
        </button>
      ) : null}
      <p className="hint">Your request is unchanged; fix it and run again.</p>
    </div>
  );
}
