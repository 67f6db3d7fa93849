import { describe, expect, it } from "vitest";
import { validateAgainstSchema } from "../validateOutput";

describe("JSON Schema patterns on the linear-time engine", () => {
  it("checks `pattern` and `patternProperties` as before for ordinary patterns", () => {
    const schema = { type: "object", properties: { code: { type: "string", pattern: "^[A-Z]{3}-\\d{2}$" } }, patternProperties: { "^x-": { type: "number" } } };
    expect(validateAgainstSchema('{"code":"ABC-12","x-rate":2}', schema).ok).toBe(true);
    const bad = validateAgainstSchema('{"code":"abc-12","x-rate":"2"}', schema);
    expect(bad.errors.map((e) => e.message)).toEqual(["$.code should match the pattern ^[A-Z]{3}-\\d{2}$.", '$["x-rate"] should be a number, not a string.']);
  });

  it("answers at once for the audit's (a+)+ schema on 30 a's and a \"!\" (V8 took over 40 s), and on far longer texts", () => {
    const schema = { type: "string", pattern: "^(a+)+$" };
    expect(validateAgainstSchema(JSON.stringify(`${"a".repeat(30)}!`), schema).errors[0]?.message).toBe("$ should match the pattern ^(a+)+$.");
    expect(validateAgainstSchema(JSON.stringify(`${"a".repeat(100_000)}!`), schema).ok).toBe(false);
    expect(validateAgainstSchema(JSON.stringify("a".repeat(100_000)), schema).ok).toBe(true);
  });

  it("says which pattern it cannot run and why, as a schema that cannot be used", () => {
    const result = validateAgainstSchema('"ab"', { type: "string", pattern: "a(?=b)" });
    expect(result.ok).toBe(false);
    expect(result.errors[0]?.message).toBe(
      "The schema itself cannot be used: the pattern \"a(?=b)\" uses a lookahead ((?= or (?!), which the app's linear-time regex engine cannot run; rewrite the pattern without it",
    );
  });

  it("reads patterns as ECMAScript with the u flag, as JSON Schema says", () => {
    expect(validateAgainstSchema('"😀"', { type: "string", pattern: "^.$" }).ok).toBe(true);
    expect(validateAgainstSchema('"é"', { type: "string", pattern: "^\\p{L}$" }).ok).toBe(true);
  });
});
