// Main process (simulator): per-token log probabilities in the spec's ChatCompletionTokenLogprob shape.
import { createRng, hashString } from "./random";

/** One alternative at a token position. */
export interface TopLogprob {
  token: string;
  logprob: number;
  bytes: number[] | null;
}

/** One token of the output with its log probability and the most likely alternatives. */
export interface TokenLogprob extends TopLogprob {
  top_logprobs: TopLogprob[];
}

function bytesOf(token: string): number[] {
  return [...Buffer.from(token, "utf8")];
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Log probabilities for output token pieces. They are made up but consistent: the chosen token is
 * always the most likely entry of its own top list, a higher temperature flattens the values, and
 * alternatives are other pieces of the same text (the simulator has no vocabulary distribution).
 * The top list is a proper distribution: the alternatives share what the chosen token leaves
 * (1 - p), each at most half of what is still unclaimed and less likely than the one before, so
 * the probabilities of a position's top list never add up to more than 1.
 */
export function tokenLogprobs(pieces: readonly string[], topCount: number, temperature: number, alternatives: readonly string[]): TokenLogprob[] {
  const pool = [...new Set(alternatives)];
  return pieces.map((token, position) => {
    const rng = createRng(hashString(token, position));
    const spread = 0.05 + Math.max(temperature, 0.1) * 0.6;
    // Never exactly 0 (a certainty), so the alternatives always have some probability left to share.
    const logprob = Math.min(round(-rng() * spread), -1e-6);
    const top: TopLogprob[] = [];
    if (topCount > 0) top.push({ token, logprob, bytes: bytesOf(token) });
    let unclaimed = 1 - Math.exp(logprob);
    let previous = Math.exp(logprob);
    for (let i = 0; top.length < topCount && i < pool.length * 2; i++) {
      const candidate = pool[Math.floor(rng() * pool.length)];
      if (candidate === undefined || top.some((t) => t.token === candidate)) continue;
      // Rounded down (toward less likely), so rounding can never push the sum above 1.
      const p = Math.min(unclaimed * (0.2 + rng() * 0.3), previous * (0.3 + rng() * 0.5));
      const lp = Math.floor(Math.log(Math.max(p, 1e-12)) * 1e6) / 1e6;
      unclaimed -= Math.exp(lp);
      previous = Math.exp(lp);
      top.push({ token: candidate, logprob: lp, bytes: bytesOf(candidate) });
    }
    return { token, logprob, bytes: bytesOf(token), top_logprobs: top };
  });
}
