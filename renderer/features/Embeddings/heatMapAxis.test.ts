// Tests (renderer logic): which rows and columns of the heat map get a label.
import { describe, expect, it } from "vitest";
import { axisTicks } from "./HeatMap";

describe("axisTicks", () => {
  it("labels every row of a small matrix", () => {
    expect(axisTicks(5)).toEqual([0, 1, 2, 3, 4]);
    expect(axisTicks(24)).toHaveLength(24);
  });

  it("labels evenly spaced rows of a large one, starting at the first, never more than 24", () => {
    const ticks = axisTicks(2000);
    expect(ticks[0]).toBe(0);
    expect(ticks.length).toBeLessThanOrEqual(24);
    expect(new Set(ticks.slice(1).map((t, i) => t - (ticks[i] ?? 0)))).toEqual(new Set([84]));
  });

  it("has nothing to label in an empty matrix", () => {
    expect(axisTicks(0)).toEqual([]);
  });
});
