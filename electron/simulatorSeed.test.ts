// Tests (Node): DOJO_SIM_RANDOM_SEED is read as a 32-bit seed, and anything else means none.
import { describe, expect, it } from "vitest";
import { simulatorSeed } from "./app";

describe("simulatorSeed", () => {
  it("reads a whole number and ignores anything else", () => {
    expect(simulatorSeed("1")).toBe(1);
    expect(simulatorSeed(" 42 ")).toBe(42);
    expect(simulatorSeed("4294967297")).toBe(1);
    expect(simulatorSeed(undefined)).toBeUndefined();
    expect(simulatorSeed("")).toBeUndefined();
    expect(simulatorSeed("-3")).toBeUndefined();
    expect(simulatorSeed("1.5")).toBeUndefined();
    expect(simulatorSeed("seed")).toBeUndefined();
  });
});
