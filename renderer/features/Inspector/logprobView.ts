// Renderer: turns logprobs into what the token view shows: each token's probability, a colour
// band, and the alternatives the model weighed at that position.
import type { TokenLogprob } from "./assembleResponse";

/** One token as shown. */
export interface TokenCell {
  token: string;
  /** Probability from 0 to 1 (exp of the log probability). */
  probability: number;
  band: ProbabilityBand;
  alternatives: { token: string; probability: number }[];
}

/** Colour bands, from confident to unlikely. */
export type ProbabilityBand = "high" | "medium" | "low" | "very-low";

/** The band of a probability: >= 90%, >= 50%, >= 10%, below. */
export function probabilityBand(p: number): ProbabilityBand {
  if (p >= 0.9) return "high";
  if (p >= 0.5) return "medium";
  if (p >= 0.1) return "low";
  return "very-low";
}

/** The cells of one choice's logprobs, alternatives likeliest first. */
export function tokenCells(logprobs: readonly TokenLogprob[]): TokenCell[] {
  return logprobs.map((lp) => {
    const probability = Math.exp(lp.logprob);
    return {
      token: lp.token,
      probability,
      band: probabilityBand(probability),
      alternatives: (lp.top_logprobs ?? [])
        .map((alt) => ({ token: alt.token, probability: Math.exp(alt.logprob) }))
        .sort((a, b) => b.probability - a.probability),
    };
  });
}

/** A probability as a percentage with sensible precision ("99.2%", "0.03%"). */
export function formatProbability(p: number): string {
  const percent = p * 100;
  if (percent >= 10) return `${percent.toFixed(1)}%`;
  if (percent >= 0.1) return `${percent.toFixed(2)}%`;
  return percent === 0 ? "0%" : `${percent.toPrecision(1)}%`;
}

/** The hover text of a cell: the token, its probability and the alternatives. */
export function cellTitle(cell: TokenCell): string {
  const lines = [`${JSON.stringify(cell.token)}: ${formatProbability(cell.probability)}`];
  if (cell.alternatives.length) {
    lines.push("Alternatives:");
    for (const alt of cell.alternatives) lines.push(`  ${JSON.stringify(alt.token)}  ${formatProbability(alt.probability)}`);
  }
  return lines.join("\n");
}
