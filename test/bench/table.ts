// Benchmarks (Node): the figures a bench reports, and how they are printed.

/** One bench's output: a titled table plus notes on how to read it. */
export interface BenchTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  notes?: string[];
}

/** The value at quantile `q` (0..1) of `values`, nearest-rank; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** A number with a sensible precision for a table cell. */
export function fmt(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "-";
}

/** Renders a table with aligned columns, numbers right-aligned. */
export function formatTable(table: BenchTable): string {
  const cells = [table.columns, ...table.rows.map((r) => r.map(String))];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const out = [`## ${table.title}`, "", line(table.columns), widths.map((w) => "-".repeat(w)).join("  ")];
  out.push(...cells.slice(1).map(line));
  for (const note of table.notes ?? []) out.push(`  ${note}`);
  return out.join("\n");
}
