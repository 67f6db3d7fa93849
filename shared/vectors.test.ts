// Tests (Node): the vector maths against small cases worked out by hand.
import { describe, expect, it } from "vitest";
import { toSimdRows } from "./simdKernel";
import { cosine, dot, normalizeRows, pca2d, searchTopK, similarityMatrix, TopK } from "./vectors";

const f = (...values: number[]) => Float32Array.from(values);

describe("dot and cosine", () => {
  it("match hand-computed values", () => {
    expect(dot(f(1, 2, 3), f(4, 5, 6))).toBe(32);
    expect(cosine(f(1, 0), f(1, 1))).toBeCloseTo(Math.SQRT1_2, 6);
    expect(cosine(f(1, 2, 3, 4, 5), f(-1, -2, -3, -4, -5))).toBeCloseTo(-1, 6);
    expect(cosine(f(1, 0, 0), f(0, 3, 0))).toBe(0);
  });

  it("gives 0 for a zero vector instead of NaN, and refuses different lengths", () => {
    expect(cosine(f(0, 0), f(1, 1))).toBe(0);
    expect(() => dot(f(1), f(1, 2))).toThrow(/lengths differ/);
  });
});

describe("normalizeRows", () => {
  it("scales each row to length 1 in place and returns the old lengths", () => {
    const data = f(3, 4, 0, 0, 0, 2);
    const norms = normalizeRows(data, 2);
    expect(Array.from(norms)).toEqual([5, 0, 2]);
    expect(Array.from(data)).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6), 0, 0, 0, 1]);
  });

  it("refuses data that is not whole rows", () => {
    expect(() => normalizeRows(f(1, 2, 3), 2)).toThrow(/whole rows/);
  });
});

describe("TopK", () => {
  it("keeps the k best, best first, ties going to the lower index", () => {
    const heap = new TopK(3);
    [0.1, 0.9, 0.5, 0.9, 0.3, 0.7].forEach((score, index) => heap.push(index, score));
    expect(heap.result()).toEqual([
      { index: 1, score: 0.9 },
      { index: 3, score: 0.9 },
      { index: 5, score: 0.7 },
    ]);
  });

  it("agrees with a full sort on many random scores", () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const scores = Array.from({ length: 500 }, () => Math.round(next() * 50) / 50);
    const heap = new TopK(10);
    scores.forEach((s, i) => heap.push(i, s));
    const sorted = scores.map((score, index) => ({ index, score })).sort((a, b) => b.score - a.score || a.index - b.index);
    expect(heap.result()).toEqual(sorted.slice(0, 10));
  });
});

describe("searchTopK", () => {
  it("ranks rows by dot product with the query and can skip a row", () => {
    const rows = f(1, 0, 0.6, 0.8, 0, 1, -1, 0);
    expect(searchTopK(rows, 2, f(1, 0), 2)).toEqual([
      { index: 0, score: 1 },
      { index: 1, score: expect.closeTo(0.6, 6) },
    ]);
    expect(searchTopK(rows, 2, f(1, 0), 1, 0)[0]?.index).toBe(1);
    expect(searchTopK(rows, 2, f(1, 0), 10)).toHaveLength(4);
  });

  it("gives the same ranking for rows held in SIMD kernel memory, skipping the excluded row", () => {
    const dims = 24;
    const data = Float32Array.from({ length: 101 * dims }, (_, i) => Math.sin(i * 0.7) + Math.cos(i * 0.013));
    normalizeRows(data, dims);
    const resident = toSimdRows(data, dims);
    expect(resident).not.toBe(data);
    const query = data.slice(17 * dims, 18 * dims);
    for (const exclude of [-1, 17, 100]) {
      const plain = searchTopK(data, dims, query, 7, exclude);
      const simd = searchTopK(resident, dims, query, 7, exclude);
      expect(simd.map((h) => h.index)).toEqual(plain.map((h) => h.index));
      simd.forEach((h, i) => expect(h.score).toBeCloseTo(plain[i]!.score, 5));
      expect(simd.some((h) => h.index === exclude)).toBe(false);
    }
  });
});

describe("similarityMatrix", () => {
  it("fills a symmetric matrix equal to the pairwise dot products, reporting finished rows", () => {
    const dims = 5;
    const count = 11; // not a multiple of the block or of 4, to reach every remainder loop
    const data = Float32Array.from({ length: count * dims }, (_, i) => Math.sin(i * 1.7));
    const done: [number, number][] = [];
    const m = similarityMatrix(data, dims, { block: 4, onRows: (a, b) => done.push([a, b]) });
    for (let i = 0; i < count; i++) {
      for (let j = 0; j < count; j++) {
        expect(m[i * count + j]).toBeCloseTo(dot(data.subarray(i * dims, (i + 1) * dims), data.subarray(j * dims, (j + 1) * dims)), 5);
      }
    }
    expect(done).toEqual([[0, 4], [4, 8], [8, 11]]);
  });

  it("gives the same matrix with the SIMD kernel and with plain JS", () => {
    const dims = 16;
    const data = Float32Array.from({ length: 13 * dims }, (_, i) => Math.cos(i * 0.11));
    const simd = similarityMatrix(data, dims, { block: 8 });
    const plain = similarityMatrix(data, dims, { block: 8, simd: false });
    simd.forEach((v, i) => expect(v).toBeCloseTo(plain[i]!, 4));
    expect(simd[1 * 13 + 5]).toBeCloseTo(dot(data.subarray(dims, 2 * dims), data.subarray(5 * dims, 6 * dims)), 4);
  });

  it("gives cosines of normalised rows: 1 on the diagonal", () => {
    const data = f(3, 4, 1, 0);
    normalizeRows(data, 2);
    expect(Array.from(similarityMatrix(data, 2))).toEqual([expect.closeTo(1, 6), expect.closeTo(0.6, 6), expect.closeTo(0.6, 6), expect.closeTo(1, 6)]);
  });
});

describe("pca2d", () => {
  it("finds the line points lie on: all the variance on the first axis, along (1, 2)/sqrt(5)", () => {
    // Points t * (1, 2) for t = -2..2: centred already, the first axis is (1, 2)/sqrt(5).
    const data = f(-2, -4, -1, -2, 0, 0, 1, 2, 2, 4);
    const { points, explained } = pca2d(data, 2);
    expect(explained[0]).toBeCloseTo(1, 6);
    expect(explained[1]).toBeCloseTo(0, 6);
    const xs = [0, 1, 2, 3, 4].map((i) => points[2 * i]!);
    xs.forEach((x, i) => expect(x).toBeCloseTo((i - 2) * Math.sqrt(5), 4));
  });

  it("separates two clusters along the first axis, with the second axis orthogonal", () => {
    // Cluster A near (5, 0, 0), cluster B near (-5, 0, 0), small spread along y.
    const data = f(5, 1, 0, 5, -1, 0, -5, 1, 0, -5, -1, 0);
    const { points, explained } = pca2d(data, 3);
    expect(Math.sign(points[0]!)).toBe(Math.sign(points[2]!));
    expect(Math.sign(points[0]!)).not.toBe(Math.sign(points[4]!));
    expect(Math.abs(points[0]!)).toBeCloseTo(5, 4);
    expect(Math.abs(points[1]!)).toBeCloseTo(1, 4);
    // Variance: 4 * 25 along x, 4 * 1 along y, of 104 in all.
    expect(explained[0]).toBeCloseTo(100 / 104, 5);
    expect(explained[1]).toBeCloseTo(4 / 104, 5);
  });
});
