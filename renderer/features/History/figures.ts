// Renderer: the figures of a recorded run as short text for the history and results tables.
import { formatDollars } from "../Tokens/costText";

/** The cost of a run, or "unknown" when no price applies (never a guess). */
export function costText(usd: number | null): string {
  return usd === null ? "unknown" : formatDollars(usd);
}

/** "850 ms", "2.4 s". */
export function msText(ms: number | null): string {
  if (ms === null) return "–";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
