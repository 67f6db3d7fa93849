// Renderer: variance: the playground's request run N times at one or several temperatures, with
// how many distinct answers came back and, with a json_schema, how many passed it.
import { useMemo, useState } from "react";
import { useAppStore } from "../../store/appStore";
import { MAX_VARIANCE_RUNS } from "../../store/compareSlice";
import { parseTemperatures, schemaOf, summarizeVariance } from "./variance";

/** The variance form, its progress and its figures. */
export function VariancePanel() {
  const variance = useAppStore((s) => s.variance);
  const startVariance = useAppStore((s) => s.startVariance);
  const cancelVariance = useAppStore((s) => s.cancelVariance);
  const [temperaturesText, setTemperaturesText] = useState("0, 1.5");
  const [runs, setRuns] = useState(5);
  const parsed = parseTemperatures(temperaturesText);
  const running = variance.status === "running";
  const schema = variance.request ? schemaOf(variance.request) : null;
  const figures = useMemo(() => summarizeVariance(variance.temperatures, variance.outcomes, schema), [variance.temperatures, variance.outcomes, schema]);
  return (
    <section className="variance" aria-label="Variance" data-testid="variance" data-status={variance.status}>
      <h2>Variance</h2>
      <p className="hint">
        Runs the playground&apos;s request several times at each temperature and counts how many different answers come back. With a json_schema response format,
        it also counts the answers that pass the schema.
      </p>
      <div className="row">
        <label className="variant-field">
          Temperatures
          <input value={temperaturesText} data-testid="variance-temperatures" onChange={(e) => setTemperaturesText(e.target.value)} />
        </label>
        <label className="variant-field">
          Runs per temperature
          <input
            type="number"
            min={1}
            max={MAX_VARIANCE_RUNS}
            value={runs}
            data-testid="variance-runs"
            onChange={(e) => setRuns(Math.max(1, Math.min(MAX_VARIANCE_RUNS, Number(e.target.value) || 1)))}
          />
        </label>
        <button
          type="button"
          className="button-primary"
          data-testid="variance-run"
          disabled={running || !parsed.ok}
          onClick={() => parsed.ok && void startVariance(parsed.temperatures, runs)}
        >
          Run variance
        </button>
        <button type="button" data-testid="variance-cancel" disabled={!running} onClick={() => void cancelVariance()}>
          Cancel
        </button>
      </div>
      {!parsed.ok ? <small className="field-error">{parsed.error}</small> : null}
      {variance.error ? <p className="field-error">{variance.error}</p> : null}
      {variance.total > 0 ? (
        <>
          <progress max={variance.total} value={variance.outcomes.length} aria-label="Runs finished" />
          <p data-testid="variance-progress">
            {variance.outcomes.length} of {variance.total} runs finished{variance.status === "cancelled" ? " (cancelled)" : ""}
          </p>
          <table className="variance-table" data-testid="variance-table">
            <thead>
              <tr>
                <th>Temperature</th>
                <th>Answers</th>
                <th>Distinct</th>
                {schema ? <th>Passed the schema</th> : null}
                <th>Failed</th>
                <th>Most frequent answer</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <tr key={f.temperature} data-testid="variance-row" data-temperature={f.temperature} data-distinct={f.distinct}>
                  <td className="mono">{f.temperature}</td>
                  <td className="mono">{f.answered}</td>
                  <td className="mono" data-testid="variance-distinct">
                    {f.distinct}
                  </td>
                  {schema ? <td className="mono">{f.schemaPassed} of {f.answered}</td> : null}
                  <td className="mono">{f.failed}</td>
                  <td className="variance-answer">{f.groups[0] ? `${f.groups[0].count}x: ${f.groups[0].answer}` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
