// Tests: version diff lines read as sentences about messages and parameters.
import { describe, expect, it } from "vitest";
import { changeText, pathText, valueText } from "./changeText";

describe("change text", () => {
  it("names messages by their number and parameters by name", () => {
    expect(pathText("request.messages[1].content")).toBe("message 2 › content");
    expect(pathText("request.temperature")).toBe("temperature");
    expect(pathText("notes")).toBe("notes");
  });
  it("says what changed, was added or removed", () => {
    expect(changeText({ path: "request.temperature", kind: "changed", before: 1, after: 0.2 })).toBe("temperature: 1 → 0.2");
    expect(changeText({ path: "request.seed", kind: "added", after: 7 })).toBe("seed: added 7");
    expect(changeText({ path: "tags[0]", kind: "removed", before: "faq" })).toBe("tags[0]: removed (was faq)");
  });
  it("cuts long values", () => {
    expect(valueText("x".repeat(300), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
