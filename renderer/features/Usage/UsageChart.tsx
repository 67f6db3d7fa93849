// Renderer: one small SVG line chart of a usage metric over time, one line per model or feature.
import { formatUsd } from "../../../shared/formatUsd";
import { METRICS, type Metric, type Series } from "./usageSeries";

const WIDTH = 360;
const HEIGHT = 140;
const PAD = { left: 44, right: 8, top: 8, bottom: 22 };
/** Distinct colours for the lines, in order, from the theme (styles.css); they repeat past eight groups. */
const COLOURS = Array.from({ length: 8 }, (_, i) => `var(--series-${i + 1})`);

/** A value as the axis shows it. */
export function axisText(metric: Metric, value: number): string {
  if (metric === "cost") return formatUsd(value);
  if (metric === "latency") return `${Math.round(value)} ms`;
  return value >= 10_000 ? `${Math.round(value / 1000)}k` : String(Math.round(value * 10) / 10);
}

/** The chart; `starts` are the buckets' start times. */
export function UsageChart({ metric, series, starts, bucketMs }: { metric: Metric; series: Series[]; starts: number[]; bucketMs: number }) {
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(0, ...values);
  const top = max > 0 ? max : 1;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (starts.length > 1 ? (i / (starts.length - 1)) * innerW : innerW / 2);
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  const timeText = (t: number) => (bucketMs < 24 * 3600_000 ? new Date(t).toLocaleString([], { weekday: "short", hour: "2-digit", minute: "2-digit" }) : new Date(t).toLocaleDateString([], { month: "short", day: "numeric" }));
  const { label } = METRICS[metric];
  const summary = `${label}: highest ${axisText(metric, max)} per ${bucketMs < 24 * 3600_000 ? "hour" : "day"}, ${series.length} group${series.length === 1 ? "" : "s"}`;
  return (
    <figure className="usage-chart" data-testid={`usage-chart-${metric}`} data-max={max}>
      <figcaption>{label}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        <title>{summary}</title>
        <line x1={PAD.left} y1={PAD.top + innerH} x2={WIDTH - PAD.right} y2={PAD.top + innerH} className="axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + innerH} className="axis" />
        <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="axis-label">
          {axisText(metric, max)}
        </text>
        <text x={PAD.left - 4} y={PAD.top + innerH} textAnchor="end" className="axis-label">
          0
        </text>
        {starts.length ? (
          <>
            <text x={PAD.left} y={HEIGHT - 6} className="axis-label">
              {timeText(starts[0] ?? 0)}
            </text>
            <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" className="axis-label">
              {timeText(starts.at(-1) ?? 0)}
            </text>
          </>
        ) : null}
        {series.map((s, k) => {
          // A null (nothing to average) breaks the line, rather than drawing a false zero.
          const parts: string[][] = [[]];
          s.values.forEach((v, i) => {
            if (v === null) parts.push([]);
            else parts.at(-1)?.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
          });
          const colour = COLOURS[k % COLOURS.length];
          return (
            <g key={s.key} data-series={s.key}>
              {parts.filter((p) => p.length > 1).map((p, j) => (
                <polyline key={j} points={p.join(" ")} fill="none" style={{ stroke: colour }} strokeWidth={1.5} />
              ))}
              {parts.filter((p) => p.length === 1).map((p, j) => {
                const [cx, cy] = (p[0] ?? "0,0").split(",");
                return <circle key={`d${j}`} cx={cx} cy={cy} r={2.5} style={{ fill: colour }} />;
              })}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend">
        {series.map((s, k) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: COLOURS[k % COLOURS.length] }} /> {s.key}
          </li>
        ))}
      </ul>
    </figure>
  );
}
