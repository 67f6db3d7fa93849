// Tests (Node): the hand-assembled WebAssembly SIMD kernel compiles and computes dot products.
import { describe, expect, it } from "vitest";
import { allocateSimdRows, prepareSimdRows, simdModule, simdModuleBytes, simdScanner, toSimdRows } from "./simdKernel";

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

  describe("rows kept in kernel memory", () => {
    const plainDot = (data: Float32Array, dims: number, row: number, query: Float32Array) => {
      let s = 0;
      for (let k = 0; k < dims; k++) s += data[row * dims + k]! * query[k]!;
      return s;
    };
    const scores = (data: Float32Array, dims: number, query: Float32Array) => {
      const scan = simdScanner(data, dims);
      expect(scan).not.toBeNull();
      const seen: [number, number][] = [];
      scan!(query, (row, score) => seen.push([row, score]));
      return seen;
    };

    // 15 rows: one call of eight, one of four, three in JS; 16 wide takes the eight-row kernel, 12 wide dot4 only.
    for (const dims of [16, 12]) {
      it(`scores every row once, in order, like a plain loop (${dims} values per row)`, () => {
        const data = Float32Array.from({ length: 15 * dims }, (_, i) => Math.cos(i * 0.11));
        const rows = toSimdRows(data, dims);
        expect(rows).not.toBe(data);
        expect(Array.from(rows)).toEqual(Array.from(data));
        const query = Float32Array.from({ length: dims }, (_, k) => Math.sin(k + 1));
        const seen = scores(rows, dims, query);
        expect(seen.map(([row]) => row)).toEqual(Array.from({ length: 15 }, (_, r) => r));
        for (const [row, score] of seen) expect(score).toBeCloseTo(plainDot(data, dims, row, query), 5);
      });
    }

    it("reads the rows in place: a change to them shows in the next scan", () => {
      const rows = allocateSimdRows(9, 8)!;
      expect(rows.length).toBe(72);
      expect(Array.from(rows).every((v) => v === 0)).toBe(true);
      const query = new Float32Array(8).fill(1);
      rows[5 * 8 + 3] = 2;
      expect(scores(rows, 8, query)[5]?.[1]).toBe(2);
      rows[5 * 8 + 3] = -1;
      expect(scores(rows, 8, query)[5]?.[1]).toBe(-1);
    });

    it("scans a whole-row view of the rows, numbering from its first row", () => {
      const data = Float32Array.from({ length: 20 * 8 }, (_, i) => (i % 13) - 6);
      const rows = toSimdRows(data, 8);
      const view = rows.subarray(8 * 8, 18 * 8);
      const query = Float32Array.from({ length: 8 }, (_, k) => k - 3);
      const seen = scores(view, 8, query);
      expect(seen).toHaveLength(10);
      for (const [row, score] of seen) expect(score).toBeCloseTo(plainDot(data, 8, row + 8, query), 5);
    });

    it("declines rows it does not hold (a plain array, another width, a view not on a row boundary)", () => {
      expect(simdScanner(new Float32Array(64), 8)).toBeNull();
      const rows = allocateSimdRows(4, 8)!;
      expect(simdScanner(rows, 16)).toBeNull();
      expect(simdScanner(rows.subarray(4, 12), 8)).toBeNull();
      expect(toSimdRows(new Float32Array(10), 5)).toHaveLength(10);
      expect(allocateSimdRows(3, 5)).toBeNull();
    });

    it("refuses a query of the wrong length", () => {
      expect(() => simdScanner(allocateSimdRows(4, 8)!, 8)!(new Float32Array(4), () => {})).toThrow(/query has 4 values/);
    });
  });
});
