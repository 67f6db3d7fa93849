// Tests: the one rule for the playground's next simulated failure: the draft's choice wins, else
// the lab's behaviour while it lasts, else none.
import { describe, expect, it } from "vitest";
import { failureInForce, remainingText } from "./failureInForce";

describe("failureInForce", () => {
  it("takes the draft's failure first, noting a lab failure it overrides", () => {
    expect(failureInForce("stall", { failure: "rate_limit", remaining: 2 })).toEqual({ source: "playground", failure: "stall", labWaiting: "rate_limit" });
    expect(failureInForce("stall", null)).toEqual({ source: "playground", failure: "stall", labWaiting: null });
  });

  it("else the lab's failure with what is left of it, else none", () => {
    expect(failureInForce("none", { failure: "rate_limit", remaining: 2 })).toEqual({ source: "lab", failure: "rate_limit", remaining: 2 });
    expect(failureInForce("none", { failure: "unavailable", remaining: null })).toEqual({ source: "lab", failure: "unavailable", remaining: null });
    expect(failureInForce("none", { failure: "none", remaining: null })).toEqual({ source: "none", failure: "none" });
    expect(failureInForce("none", null)).toEqual({ source: "none", failure: "none" });
  });

  it("words what is left", () => {
    expect(remainingText(1)).toBe("the next 1 request");
    expect(remainingText(3)).toBe("the next 3 requests");
    expect(remainingText(null)).toBe("every request until cleared");
  });
});
