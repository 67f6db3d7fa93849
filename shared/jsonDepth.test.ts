// Unit tests: the JSON nesting limit, on values (with cycles and shared references) and on texts.
import { describe, expect, it } from "vitest";
import { exceedsJsonDepth, jsonTextDepth, JsonTooDeepError, parseJsonWithin } from "./jsonDepth";

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

describe("exceedsJsonDepth", () => {
  it("counts each object or array as a level, scalars as none", () => {
    expect(exceedsJsonDepth("text", 0)).toBe(false);
    expect(exceedsJsonDepth([], 0)).toBe(true);
    expect(exceedsJsonDepth(nested(100), 100)).toBe(false);
    expect(exceedsJsonDepth(nested(101), 100)).toBe(true);
    expect(exceedsJsonDepth(nested(10_000))).toBe(true);
  });

  it("treats a cycle as too deep", () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(exceedsJsonDepth(loop)).toBe(true);
  });

  it("walks shared references without blowing up (2^60 paths)", () => {
    let value: unknown = 1;
    for (let i = 0; i < 60; i += 1) value = [value, value];
    expect(exceedsJsonDepth(value, 100)).toBe(false);
    expect(exceedsJsonDepth(value, 59)).toBe(true);
  });
});

describe("jsonTextDepth and parseJsonWithin", () => {
  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(jsonTextDepth('{"a":"[[[{{\\"[[["}')).toBe(1);
    expect(jsonTextDepth('[[1],[[2]]]')).toBe(3);
  });

  it("refuses an over-deep text before parsing and parses the rest", () => {
    expect(() => parseJsonWithin("[".repeat(10_000) + "]".repeat(10_000))).toThrow(JsonTooDeepError);
    expect(parseJsonWithin('{"a":[1,{"b":2}]}')).toEqual({ a: [1, { b: 2 }] });
    expect(() => parseJsonWithin("{nope")).toThrow(SyntaxError);
  });
});
