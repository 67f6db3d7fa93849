// Renderer: the usage monitor: charts over time of requests, tokens, cost, latency and errors by
// model or feature, the top costs, CSV export, and the budgets.
import { useEffect, useMemo, useState } from "react";
import { formatUsd } from "../../../shared/formatUsd";
import { useAppStore } from "../../store/appStore";
import { downloadText } from "../Experiments/downloadText";
import { BudgetPanel } from "./BudgetPanel";
import { UsageChart } from "./UsageChart";
import { bucketStarts, buildSeries, RANGES, topCosts, totalsBy, type GroupBy, type Metric, type RangeName } from "./usageSeries";
import "./usage.css";

const CHARTED: Metric[] = ["requests", "tokens", "cost", "latency", "errors"];

/** The view. */
export function Usage() {
  const { entries, damaged, loading, error } = useAppStore((s) => s.usage);
  const loadUsage = useAppStore((s) => s.loadUsage);
  const loadBudgets = useAppStore((s) => s.loadBudgets);
  const exportUsageCsv = useAppStore((s) => s.exportUsageCsv);
  const [range, setRange] = useState<RangeName>("24h");
  const [groupBy, setGroupBy] = useState<GroupBy>("model");
  // The window ends when it was loaded; Refresh moves it.
  const [now, setNow] = useState(() => Date.now());
  const since = now - RANGES[range].ms;
  useEffect(() => {
    void loadUsage(since);
    void loadBudgets();
  }, [since, loadUsage, loadBudgets]);
  const starts = useMemo(() => bucketStarts(range, now), [range, now]);
  const inWindow = useMemo(() => entries.filter((e) => e.time >= since), [entries, since]);
  const totals = useMemo(() => totalsBy(inWindow, groupBy), [inWindow, groupBy]);
  const top = useMemo(() => topCosts(inWindow), [inWindow]);
  const exportCsv = async () => {
    const csv = await exportUsageCsv(since);
    if (csv !== null) downloadText(`prompt-dojo-usage-${new Date(now).toISOString().slice(0, 10)}.csv`, csv, "text/csv");
  };
  return (
    <div className="usage">
      <h1>Usage</h1>
      <p className="hint">Every request's metadata, logged on this machine: time, profile, model, feature, prompt version, tokens, cost, latency, attempts, status and request id. Never the key, and never the messages' text.</p>
      <div className="usage-controls">
        <label>
          Window{" "}
          <select value={range} data-testid="usage-range" onChange={(e) => setRange(e.target.value as RangeName)}>
            {Object.entries(RANGES).map(([name, r]) => (
              <option key={name} value={name}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          By{" "}
          <select value={groupBy} data-testid="usage-group" onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            <option value="model">model</option>
            <option value="feature">feature</option>
          </select>
        </label>
        <button type="button" className="button-quiet" data-testid="usage-refresh" onClick={() => setNow(Date.now())} disabled={loading}>
          Refresh
        </button>
        <button type="button" data-testid="usage-export" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {damaged ? <p className="hint">{damaged} damaged line{damaged === 1 ? " was" : "s were"} skipped.</p> : null}
      <p data-testid="usage-count">
        {inWindow.length} request{inWindow.length === 1 ? "" : "s"} logged in this window.
      </p>
      <div className="usage-charts">
        {CHARTED.map((metric) => (
          <UsageChart key={metric} metric={metric} series={buildSeries(inWindow, starts, RANGES[range].bucketMs, metric, groupBy)} starts={starts} bucketMs={RANGES[range].bucketMs} />
        ))}
      </div>
      <div className="usage-tables">
        <section>
          <h2>Totals by {groupBy}</h2>
          <table data-testid="usage-totals">
            <thead>
              <tr>
                <th>{groupBy}</th>
                <th>Requests</th>
                <th>Tokens</th>
                <th>Cost</th>
                <th>Errors</th>
              </tr>
            </thead>
            <tbody>
              {totals.map((t) => (
                <tr key={t.key}>
                  <td>{t.key}</td>
                  <td>{t.requests}</td>
                  <td>{t.tokens.toLocaleString("en-US")}</td>
                  <td title={t.unpriced ? `${t.unpriced} request(s) had no known price` : undefined}>
                    {formatUsd(t.costUsd)}
                    {t.unpriced ? "+" : ""}
                  </td>
                  <td>{t.errors}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2>Top costs</h2>
          {top.length === 0 ? <p className="hint">No priced request in this window (the simulator is free).</p> : null}
          <ol className="top-costs" data-testid="usage-top-costs">
            {top.map((e, i) => (
              <li key={`${e.time}-${i}`}>
                {formatUsd(e.costUsd ?? 0)}: {e.model} on {e.profileName}, {new Date(e.time).toLocaleString()} <span className="mono hint">{e.requestId ?? ""}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <BudgetPanel />
    </div>
  );
}
