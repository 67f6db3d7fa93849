// Tests (Node): the hand-assembled WebAssembly SIMD kernel compiles and computes dot products.
import { describe, expect, it } from "vitest";
import { prepareSimdRows, simdModule, simdModuleBytes } from "./simdKernel";

describe("simd kernel", () => {
  it("is a valid module (Node 20 has WebAssembly SIMD)", () => {
    expect(WebAssembly.validate(simdModuleBytes())).toBe(true);
    expect(simdModule()).not.toBeNull();
  });

  it("computes four dot products of one row with the next four", () => {
    const dims = 12;
    const data = Float32Array.from({ length: 7 * dims }, (_, i) => Math.sin(i * 0.37));
    const rows = prepareSimdRows(data, dims);
    const out = new Float32Array(4);
    rows?.dot4(1, 3, out);
    for (let c = 0; c < 4; c++) {
      let expected = 0;
      for (let k = 0; k < dims; k++) expected += data[dims + k]! * data[(3 + c) * dims + k]!;
      expect(out[c]).toBeCloseTo(expected, 5);
    }
  });

  it("declines widths that are not a multiple of 4 (the caller falls back to plain JS)", () => {
    expect(prepareSimdRows(new Float32Array(10), 5)).toBeNull();
  });
});
