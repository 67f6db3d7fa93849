// Tests of the mock interview's countdown.
import { describe, expect, it } from "vitest";
import { clockText, secondsLeft } from "./MockInterview";

describe("the countdown", () => {
  it("counts whole seconds down from the chosen limit and stops at zero", () => {
    expect(secondsLeft(120, 1000, 1000)).toBe(120);
    expect(secondsLeft(120, 1000, 2999)).toBe(119);
    expect(secondsLeft(30, 0, 31_000)).toBe(0);
    expect(clockText(119)).toBe("1:59");
    expect(clockText(-3)).toBe("0:00");
  });
});
