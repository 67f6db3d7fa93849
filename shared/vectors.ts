// Both processes: vector maths for embeddings: cosine, normalised dot products, top-k with a heap,
// a blocked similarity matrix and a 2-D PCA projection. Vectors are rows of one Float32Array.
// Hot loops use four accumulators (unrolled by 4): it lets V8 keep several multiply-adds in flight;
// the matrix uses a WebAssembly SIMD kernel (simdKernel.ts) where it can.
import { prepareSimdRows, simdScanner, type SimdRows } from "./simdKernel";

/** A row index with its score, as search and neighbour results return it. */
export interface Scored {
  index: number;
  score: number;
}

/** The dot product of `dims` values of `a` from `aOffset` and of `b` from `bOffset`. */
export function dotAt(a: Float32Array, aOffset: number, b: Float32Array, bOffset: number, dims: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  const end4 = dims - (dims % 4);
  for (; k < end4; k += 4) {
    s0 += a[aOffset + k]! * b[bOffset + k]!;
    s1 += a[aOffset + k + 1]! * b[bOffset + k + 1]!;
    s2 += a[aOffset + k + 2]! * b[bOffset + k + 2]!;
    s3 += a[aOffset + k + 3]! * b[bOffset + k + 3]!;
  }
  for (; k < dims; k++) s0 += a[aOffset + k]! * b[bOffset + k]!;
  return s0 + s1 + s2 + s3;
}

/** The dot product of two vectors of the same length. */
export function dot(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`dot: lengths differ (${a.length} and ${b.length})`);
  return dotAt(a, 0, b, 0, a.length);
}

/** Cosine similarity in [-1, 1]; 0 when either vector is all zeros (it has no direction). */
export function cosine(a: Float32Array, b: Float32Array): number {
  const denominator = Math.sqrt(dot(a, a) * dot(b, b));
  return denominator === 0 ? 0 : dot(a, b) / denominator;
}

/**
 * Scales each row of `data` (rows of `dims` values) to length 1, in place, so a dot product of two
 * rows is their cosine. A zero row stays zero. Returns the original lengths.
 */
export function normalizeRows(data: Float32Array, dims: number): Float64Array {
  const count = rowCount(data, dims);
  const norms = new Float64Array(count);
  for (let r = 0; r < count; r++) {
    const offset = r * dims;
    const norm = Math.sqrt(dotAt(data, offset, data, offset, dims));
    norms[r] = norm;
    if (norm === 0) continue;
    const scale = 1 / norm;
    for (let k = 0; k < dims; k++) data[offset + k]! *= scale;
  }
  return norms;
}

/** How many rows of `dims` values `data` holds; throws when it is not a whole number. */
export function rowCount(data: Float32Array, dims: number): number {
  if (!Number.isInteger(dims) || dims < 1) throw new Error(`vectors: dims must be a positive integer, not ${dims}`);
  if (data.length % dims !== 0) throw new Error(`vectors: ${data.length} values are not whole rows of ${dims}`);
  return data.length / dims;
}

/**
 * Keeps the k best scores seen, in a min-heap: O(n log k) for n pushes, and no array of all n
 * scores. Ties keep the lower index (earlier text first), so results are deterministic.
 */
export class TopK {
  private readonly indices: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(readonly k: number) {
    if (!Number.isInteger(k) || k < 0) throw new Error(`TopK: k must be a non-negative integer, not ${k}`);
    this.indices = new Int32Array(k);
    this.scores = new Float64Array(k);
  }

  /** True when (scoreA, indexA) ranks below (scoreB, indexB). */
  private below(i: number, j: number): boolean {
    const a = this.scores[i]!;
    const b = this.scores[j]!;
    return a < b || (a === b && this.indices[i]! > this.indices[j]!);
  }

  private swap(i: number, j: number): void {
    const score = this.scores[i]!;
    const index = this.indices[i]!;
    this.scores[i] = this.scores[j]!;
    this.indices[i] = this.indices[j]!;
    this.scores[j] = score;
    this.indices[j] = index;
  }

  /** Offers one candidate. */
  push(index: number, score: number): void {
    if (this.k === 0 || Number.isNaN(score)) return;
    if (this.size < this.k) {
      let at = this.size++;
      this.indices[at] = index;
      this.scores[at] = score;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.below(at, parent)) break;
        this.swap(at, parent);
        at = parent;
      }
      return;
    }
    // Full: replace the worst (the root) only if the candidate beats it.
    const worst = this.scores[0]!;
    if (score < worst || (score === worst && index > this.indices[0]!)) return;
    this.indices[0] = index;
    this.scores[0] = score;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let smallest = at;
      if (left < this.size && this.below(left, smallest)) smallest = left;
      if (right < this.size && this.below(right, smallest)) smallest = right;
      if (smallest === at) break;
      this.swap(at, smallest);
      at = smallest;
    }
  }

  /** The kept candidates, best first. */
  result(): Scored[] {
    const out: Scored[] = [];
    for (let i = 0; i < this.size; i++) out.push({ index: this.indices[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.index - b.index);
  }
}

/**
 * The k rows of `data` (rows of `dims` values) with the highest dot product with `query`. With
 * normalised rows and query this is cosine similarity. `exclude` skips one row (a text's own).
 * Rows from toSimdRows are scored by the WebAssembly SIMD kernel (float32 sums), others in plain JS.
 */
export function searchTopK(data: Float32Array, dims: number, query: Float32Array, k: number, exclude = -1): Scored[] {
  if (query.length !== dims) throw new Error(`searchTopK: the query has ${query.length} values, the rows ${dims}`);
  const count = rowCount(data, dims);
  const heap = new TopK(Math.min(k, count));
  // Rows that live in kernel memory (allocateSimdRows / toSimdRows) are scanned by the SIMD kernel
  // in place; copying them in per search would cost more than the scan itself.
  const scan = simdScanner(data, dims);
  if (scan) {
    scan(query, (r, score) => {
      if (r !== exclude) heap.push(r, score);
    });
    return heap.result();
  }
  for (let r = 0; r < count; r++) {
    if (r === exclude) continue;
    heap.push(r, dotAt(data, r * dims, query, 0, dims));
  }
  return heap.result();
}

/** Options of the blocked similarity matrix. */
export interface MatrixOptions {
  /** Rows per block: a block's rows and columns stay in cache while they are multiplied. */
  block?: number;
  /**
   * Called after each block row is complete with its first and last-plus-one rows: rows
   * [fromRow, toRow) of the matrix are final, and so are the same columns (it is symmetric).
   */
  onRows?: (fromRow: number, toRow: number) => void;
  /** Use the WebAssembly SIMD kernel where it is available (default true); false forces plain JS. */
  simd?: boolean;
}

/**
 * All pairwise dot products of the rows of `data` (cosines when the rows are normalised), as a
 * count x count row-major matrix. Computes each pair once (the matrix is symmetric), block by block,
 * four columns at a time, so each value of a row is loaded once for four products.
 */
export function similarityMatrix(data: Float32Array, dims: number, options: MatrixOptions = {}): Float32Array {
  const count = rowCount(data, dims);
  const block = Math.max(4, options.block ?? 64);
  const out = new Float32Array(count * count);
  const fill = matrixFiller(data, dims, { simd: options.simd });
  for (let i0 = 0; i0 < count; i0 += block) {
    const i1 = Math.min(count, i0 + block);
    fill(out, i0, i1, block);
    options.onRows?.(i0, i1);
  }
  return out;
}

/**
 * Prepares `data` for filling a count x count matrix one block row at a time (for callers that
 * yield between block rows). After fill(out, i0, i1), rows [i0, i1) of `out` are final, given
 * that every earlier block row was filled. Uses the SIMD kernel when it can (dims a multiple of 4).
 */
export function matrixFiller(data: Float32Array, dims: number, options: { simd?: boolean } = {}): (out: Float32Array, i0: number, i1: number, block?: number) => void {
  const count = rowCount(data, dims);
  const kernel = options.simd === false ? null : prepareSimdRows(data, dims);
  return (out, i0, i1, block = 64) => {
    if (out.length !== count * count) throw new Error(`matrixFiller: the output must hold ${count} x ${count} values`);
    for (let j0 = i0; j0 < count; j0 += block) fillBlock(data, dims, out, count, i0, Math.min(i1, count), j0, Math.min(count, j0 + block), kernel);
  };
}

/** Fills out[i][j] and out[j][i] for i in [i0, i1), j in [max(j0, i), j1). */
function fillBlock(data: Float32Array, dims: number, out: Float32Array, count: number, i0: number, i1: number, j0: number, j1: number, kernel: SimdRows | null): void {
  const four = new Float32Array(4);
  for (let i = i0; i < i1; i++) {
    const a = i * dims;
    let j = Math.max(j0, i);
    for (; j + 3 < j1; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      if (kernel) {
        kernel.dot4(i, j, four);
        s0 = four[0]!;
        s1 = four[1]!;
        s2 = four[2]!;
        s3 = four[3]!;
      } else {
        const b0 = j * dims;
        const b1 = b0 + dims;
        const b2 = b1 + dims;
        const b3 = b2 + dims;
        for (let k = 0; k < dims; k++) {
          const x = data[a + k]!;
          s0 += x * data[b0 + k]!;
          s1 += x * data[b1 + k]!;
          s2 += x * data[b2 + k]!;
          s3 += x * data[b3 + k]!;
        }
      }
      out[i * count + j] = s0;
      out[j * count + i] = s0;
      out[i * count + j + 1] = s1;
      out[(j + 1) * count + i] = s1;
      out[i * count + j + 2] = s2;
      out[(j + 2) * count + i] = s2;
      out[i * count + j + 3] = s3;
      out[(j + 3) * count + i] = s3;
    }
    for (; j < j1; j++) {
      const s = dotAt(data, a, data, j * dims, dims);
      out[i * count + j] = s;
      out[j * count + i] = s;
    }
  }
}

/** A 2-D projection: x, y per row, and the share of the total variance each axis explains. */
export interface Projection {
  /** Interleaved coordinates: x0, y0, x1, y1... */
  points: Float64Array;
  /** Variance along each axis over the total variance, each in [0, 1]. */
  explained: [number, number];
}

/**
 * Projects the rows onto their first two principal components, found by power iteration on the
 * covariance (never formed: each step is X^T (X v), O(count x dims)); the second is kept orthogonal
 * to the first. Deterministic: a fixed start vector, and each axis's sign set so its largest
 * component is positive.
 */
export function pca2d(data: Float32Array, dims: number, options: { iterations?: number; tolerance?: number } = {}): Projection {
  const count = rowCount(data, dims);
  const iterations = options.iterations ?? 100;
  const tolerance = options.tolerance ?? 1e-9;
  const mean = new Float64Array(dims);
  for (let r = 0; r < count; r++) for (let k = 0; k < dims; k++) mean[k]! += data[r * dims + k]! / count;
  let totalVariance = 0;
  for (let r = 0; r < count; r++) {
    for (let k = 0; k < dims; k++) {
      const d = data[r * dims + k]! - mean[k]!;
      totalVariance += d * d;
    }
  }
  const projections = new Float64Array(count);
  const axes: Float64Array[] = [];
  const variances: number[] = [];
  for (let axis = 0; axis < 2; axis++) {
    let v = startVector(dims, axis);
    let lambda = 0;
    for (let step = 0; step < iterations; step++) {
      // w = X_c^T (X_c v): the centred data times v, then back.
      for (let r = 0; r < count; r++) projections[r] = centredDot(data, r * dims, mean, v, dims);
      const w = new Float64Array(dims);
      for (let r = 0; r < count; r++) {
        const p = projections[r]!;
        if (p === 0) continue;
        for (let k = 0; k < dims; k++) w[k]! += p * (data[r * dims + k]! - mean[k]!);
      }
      for (const previous of axes) orthogonalise(w, previous);
      const norm = Math.sqrt(dotF64(w, w));
      if (norm === 0) break;
      for (let k = 0; k < dims; k++) w[k]! /= norm;
      const change = 1 - Math.abs(dotF64(w, v));
      v = w;
      lambda = norm;
      if (change < tolerance) break;
    }
    fixSign(v);
    axes.push(v);
    variances.push(lambda);
  }
  const points = new Float64Array(count * 2);
  for (let r = 0; r < count; r++) {
    points[2 * r] = centredDot(data, r * dims, mean, axes[0]!, dims);
    points[2 * r + 1] = centredDot(data, r * dims, mean, axes[1]!, dims);
  }
  const share = (value: number) => (totalVariance > 0 ? Math.min(1, value / totalVariance) : 0);
  return { points, explained: [share(variances[0] ?? 0), share(variances[1] ?? 0)] };
}

function centredDot(data: Float32Array, offset: number, mean: Float64Array, v: Float64Array, dims: number): number {
  let s = 0;
  for (let k = 0; k < dims; k++) s += (data[offset + k]! - mean[k]!) * v[k]!;
  return s;
}

function dotF64(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

function orthogonalise(w: Float64Array, axis: Float64Array): void {
  const along = dotF64(w, axis);
  for (let k = 0; k < w.length; k++) w[k]! -= along * axis[k]!;
}

/** A fixed, non-degenerate start vector (a plain all-ones vector can be orthogonal to the answer). */
function startVector(dims: number, axis: number): Float64Array {
  const v = new Float64Array(dims);
  for (let k = 0; k < dims; k++) v[k] = 1 + ((k * 7919 + axis * 104729) % 97) / 97;
  const norm = Math.sqrt(dotF64(v, v));
  for (let k = 0; k < dims; k++) v[k]! /= norm;
  return v;
}

function fixSign(v: Float64Array): void {
  let largest = 0;
  for (let k = 0; k < v.length; k++) if (Math.abs(v[k]!) > Math.abs(v[largest]!)) largest = k;
  if (v[largest]! < 0) for (let k = 0; k < v.length; k++) v[k]! *= -1;
}
