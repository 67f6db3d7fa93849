// Tests of due-date wording.
import { describe, expect, it } from "vitest";
import { dueText } from "./dueText";

describe("dueText", () => {
  it("uses minutes, hours, then days", () => {
    expect(dueText(1000, 0)).toBe("now");
    expect(dueText(10 * 60_000, 0)).toBe("in 10 min");
    expect(dueText(5 * 3600_000, 0)).toBe("in 5 h");
    expect(dueText(24 * 3600_000, 0)).toBe("in 1 day");
    expect(dueText(3.4 * 24 * 3600_000, 0)).toBe("in 3 days");
  });
});
