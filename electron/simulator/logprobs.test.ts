// Tests (Node): the simulated log probabilities form a proper distribution at every position.
import { describe, expect, it } from "vitest";
import { tokenLogprobs } from "./logprobs";
import { splitTokens } from "./tokens";

const text = "Temperature controls randomness in sampling: higher values flatten the distribution of the next token.";

describe("tokenLogprobs", () => {
  it.each([0, 0.7, 1, 2])("keeps the top list's probabilities at or below 1 in total, the chosen token first (temperature %s)", (temperature) => {
    const pieces = splitTokens(text);
    const positions = tokenLogprobs(pieces, 20, temperature, pieces);
    expect(positions).toHaveLength(pieces.length);
    for (const position of positions) {
      expect(position.top_logprobs.length).toBeGreaterThan(1);
      const total = position.top_logprobs.reduce((sum, t) => sum + Math.exp(t.logprob), 0);
      expect(total).toBeLessThanOrEqual(1);
      expect(position.top_logprobs[0]?.token).toBe(position.token);
      const values = position.top_logprobs.map((t) => t.logprob);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      expect(new Set(position.top_logprobs.map((t) => t.token)).size).toBe(position.top_logprobs.length);
    }
  });

  it("is deterministic for the same text", () => {
    const pieces = splitTokens(text);
    expect(tokenLogprobs(pieces, 3, 1, pieces)).toEqual(tokenLogprobs(pieces, 3, 1, pieces));
  });
});
