// Tests: the JSON diff names each changed path with its before and after values.
import { describe, expect, it } from "vitest";
import { diffJson } from "./jsonDiff";

describe("diffJson", () => {
  it("finds nothing between equal values", () => {
    expect(diffJson({ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] })).toEqual([]);
  });

  it("reports changed, added and removed leaves by path", () => {
    const before = { request: { temperature: 1, messages: [{ role: "user", content: "Hi" }] }, notes: "old" };
    const after = { request: { temperature: 0.2, messages: [{ role: "user", content: "Hi" }, { role: "user", content: "More" }], seed: 7 } };
    expect(diffJson(before, after)).toEqual([
      { path: "request.temperature", kind: "changed", before: 1, after: 0.2 },
      { path: "request.messages[1]", kind: "added", after: { role: "user", content: "More" } },
      { path: "request.seed", kind: "added", after: 7 },
      { path: "notes", kind: "removed", before: "old" },
    ]);
  });

  it("treats a change of type as one change and quotes odd keys", () => {
    expect(diffJson({ "a b": [1] }, { "a b": { x: 1 } })).toEqual([{ path: '["a b"]', kind: "changed", before: [1], after: { x: 1 } }]);
  });
});
