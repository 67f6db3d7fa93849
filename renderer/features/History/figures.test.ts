// Tests: cost and time figures read the same way everywhere in the history.
import { describe, expect, it } from "vitest";
import { costText, msText } from "./figures";

describe("history figures", () => {
  it("formats costs", () => {
    expect(costText(null)).toBe("unknown");
    expect(costText(0)).toBe("$0");
    expect(costText(0.000123)).toBe("$0.00012");
    expect(costText(0.5)).toBe("$0.50");
  });
  it("formats durations", () => {
    expect(msText(null)).toBe("–");
    expect(msText(849.6)).toBe("850 ms");
    expect(msText(2400)).toBe("2.4 s");
  });
});
