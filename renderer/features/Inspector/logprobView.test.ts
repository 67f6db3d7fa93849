// Tests (renderer): what the logprobs token view shows.
import { describe, expect, it } from "vitest";
import { cellTitle, formatProbability, probabilityBand, tokenCells } from "./logprobView";

describe("logprob view", () => {
  it("turns log probabilities into probabilities and bands", () => {
    const cells = tokenCells([
      { token: "The", logprob: 0, top_logprobs: [] },
      { token: " sky", logprob: Math.log(0.6), top_logprobs: [] },
      { token: " is", logprob: Math.log(0.2), top_logprobs: [] },
      { token: " green", logprob: Math.log(0.01), top_logprobs: [] },
    ]);
    expect(cells.map((c) => c.band)).toEqual(["high", "medium", "low", "very-low"]);
    expect(cells[1]!.probability).toBeCloseTo(0.6, 10);
  });

  it("puts the likeliest alternative first and names them on hover", () => {
    const [cell] = tokenCells([
      { token: " blue", logprob: Math.log(0.5), top_logprobs: [{ token: " grey", logprob: Math.log(0.1) }, { token: " blue", logprob: Math.log(0.5) }] },
    ]);
    expect(cell!.alternatives.map((a) => a.token)).toEqual([" blue", " grey"]);
    expect(cellTitle(cell!)).toBe('" blue": 50.0%\nAlternatives:\n  " blue"  50.0%\n  " grey"  10.0%');
  });

  it("formats small and large probabilities readably", () => {
    expect(formatProbability(0.992)).toBe("99.2%");
    expect(formatProbability(0.0123)).toBe("1.23%");
    expect(formatProbability(0.0003)).toBe("0.03%");
    expect(formatProbability(0)).toBe("0%");
    expect(probabilityBand(0.9)).toBe("high");
  });
});
