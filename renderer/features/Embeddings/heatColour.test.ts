// Tests (Node): the heat map's colour scale.
import { describe, expect, it } from "vitest";
import { heatColour } from "./heatColour";

describe("heatColour", () => {
  it("maps 0, 0.5 and 1 to the scale's stops and clamps the rest", () => {
    expect(heatColour(0)).toEqual([247, 251, 255]);
    expect(heatColour(0.5)).toEqual([107, 174, 214]);
    expect(heatColour(1)).toEqual([8, 48, 107]);
    expect(heatColour(-0.3)).toEqual(heatColour(0));
    expect(heatColour(1.2)).toEqual(heatColour(1));
    expect(heatColour(0.25)).toEqual([177, 213, 235]);
  });
});
