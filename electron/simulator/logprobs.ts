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
 */
export function tokenLogprobs(pieces: readonly string[], topCount: number, temperature: number, alternatives: readonly string[]): TokenLogprob[] {
  const pool = [...new Set(alternatives)];
  return pieces.map((token, position) => {
    const rng = createRng(hashString(token, position));
    const spread = 0.05 + Math.max(temperature, 0.1) * 0.6;
    const logprob = round(-rng() * spread);
    const top: TopLogprob[] = [];
    if (topCount > 0) top.push({ token, logprob, bytes: bytesOf(token) });
    let next = logprob;
    for (let i = 0; top.length < topCount && i < pool.length * 2; i++) {
      const candidate = pool[Math.floor(rng() * pool.length)];
      if (candidate === undefined || top.some((t) => t.token === candidate)) continue;
      next = round(next - 0.5 - rng() * 2.5);
      top.push({ token: candidate, logprob: next, bytes: bytesOf(candidate) });
    }
    return { token, logprob, bytes: bytesOf(token), top_logprobs: top };
  });
}
