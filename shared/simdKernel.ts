// Both processes: a WebAssembly SIMD kernel for the similarity matrix: four dot products of one row
// with four others, four lanes at a time. Plain JS does one multiply-add per step; this does 16.
// The module is written out byte by byte below (no toolchain): one function, `dot4`, and a memory.

/** LEB128 of an unsigned integer, as the wasm binary format encodes sizes and indices. */
function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];

// Opcodes (WebAssembly core 2.0 and its fixed-width SIMD proposal).
const GET = 0x20, SET = 0x21, I32_ADD = 0x6a, I32_GE_U = 0x4f, BR_IF = 0x0d, BR = 0x0c, BLOCK = 0x02, LOOP = 0x03, END = 0x0b, VOID = 0x40;
const I32_CONST = 0x41, F32_ADD = 0x92, F32_STORE = 0x38, SIMD = 0xfd;
const V128_LOAD = [SIMD, 0x00, 2, 0]; // align 2^2, offset 0
const F32X4_ADD = [SIMD, ...uleb(0xe4)];
const F32X4_MUL = [SIMD, ...uleb(0xe6)];
const lane = (n: number) => [SIMD, 0x1f, n]; // f32x4.extract_lane
const I32 = 0x7f, V128 = 0x7b;

// dot4(a, b, stride, bytes, out): out[c] = sum over k < bytes/4 of A[k] * B_c[k], where A starts at
// byte a and B_c at byte b + c * stride; bytes must be a multiple of 16.
// Locals: 0 a, 1 b, 2 stride, 3 bytes, 4 out | 5 k, 6 b1, 7 b2, 8 b3 | 9-12 acc0-3, 13 x.
function dot4Body(): number[] {
  const accumulate = (acc: number, base: number) => [GET, acc, GET, 13, GET, base, GET, 5, I32_ADD, ...V128_LOAD, ...F32X4_MUL, ...F32X4_ADD, SET, acc];
  const horizontal = (acc: number) => [GET, acc, ...lane(0), GET, acc, ...lane(1), F32_ADD, GET, acc, ...lane(2), F32_ADD, GET, acc, ...lane(3), F32_ADD];
  const store = (acc: number, offset: number) => [GET, 4, ...horizontal(acc), F32_STORE, 2, ...uleb(offset)];
  const code = [
    ...[GET, 1, GET, 2, I32_ADD, SET, 6],
    ...[GET, 6, GET, 2, I32_ADD, SET, 7],
    ...[GET, 7, GET, 2, I32_ADD, SET, 8],
    BLOCK, VOID, LOOP, VOID,
    ...[GET, 5, GET, 3, I32_GE_U, BR_IF, 1],
    ...[GET, 0, GET, 5, I32_ADD, ...V128_LOAD, SET, 13],
    ...accumulate(9, 1),
    ...accumulate(10, 6),
    ...accumulate(11, 7),
    ...accumulate(12, 8),
    ...[GET, 5, I32_CONST, 16, I32_ADD, SET, 5],
    BR, 0, END, END,
    ...store(9, 0),
    ...store(10, 4),
    ...store(11, 8),
    ...store(12, 12),
    END,
  ];
  const locals = vector([[4, I32], [5, V128]]);
  return [...uleb(locals.length + code.length), ...locals, ...code];
}

// dotRows(a, b, stride, bytes, out) for `rows` rows: out[c] = A . B_c for c < rows, like dot4 but
// `rows` rows per call and `unroll` steps of 16 bytes per loop turn (bytes a multiple of 16 x unroll):
// one load of A serves `rows` products, and fewer loop turns per byte leave more time for the loads.
// Locals: 0 a, 1 b, 2 stride, 3 bytes, 4 out | 5 k, 6.. b1..b(rows-1) | acc0..acc(rows-1), x.
function dotRowsBody(rows: number, unroll: number): number[] {
  const base = (c: number) => (c === 0 ? 1 : 5 + c);
  const acc = (c: number) => 5 + rows + c;
  const x = 5 + 2 * rows;
  const load = (offset: number) => [SIMD, 0x00, 2, ...uleb(offset)];
  const code: number[] = [];
  for (let c = 1; c < rows; c++) code.push(GET, base(c - 1), GET, 2, I32_ADD, SET, base(c));
  code.push(BLOCK, VOID, LOOP, VOID, GET, 5, GET, 3, I32_GE_U, BR_IF, 1);
  for (let u = 0; u < unroll; u++) {
    code.push(GET, 0, GET, 5, I32_ADD, ...load(16 * u), SET, x);
    for (let c = 0; c < rows; c++) code.push(GET, acc(c), GET, x, GET, base(c), GET, 5, I32_ADD, ...load(16 * u), ...F32X4_MUL, ...F32X4_ADD, SET, acc(c));
  }
  code.push(GET, 5, I32_CONST, ...sleb(16 * unroll), I32_ADD, SET, 5, BR, 0, END, END);
  for (let c = 0; c < rows; c++) {
    const a = acc(c);
    code.push(GET, 4, GET, a, ...lane(0), GET, a, ...lane(1), F32_ADD, GET, a, ...lane(2), F32_ADD, GET, a, ...lane(3), F32_ADD, F32_STORE, 2, ...uleb(4 * c));
  }
  code.push(END);
  const locals = vector([[...uleb(rows), I32], [...uleb(rows + 1), V128]]);
  return [...uleb(locals.length + code.length), ...locals, ...code];
}

/** Signed LEB128 (i32.const takes its immediate signed). */
function sleb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && !(byte & 0x40)) || (value === -1 && byte & 0x40)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

/** Rows per dotRows call, and 16-byte steps per loop turn (so the row width must be a multiple of 4 x this). */
export const SCAN_ROWS = 8;
export const SCAN_UNROLL = 2;

/** The module's bytes. */
export function simdModuleBytes(): Uint8Array<ArrayBuffer> {
  const name = (text: string) => [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector([[0x60, ...vector([[I32], [I32], [I32], [I32], [I32]]), 0]])),
    ...section(3, vector([[0], [0]])),
    ...section(5, vector([[0x00, 1]])),
    ...section(7, vector([[...name("dot4"), 0x00, 0], [...name("dotRows"), 0x00, 1], [...name("memory"), 0x02, 0]])),
    ...section(10, vector([dot4Body(), dotRowsBody(SCAN_ROWS, SCAN_UNROLL)])),
  ]);
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is not available (the JS path is used). */
export function simdModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === "object" ? new WebAssembly.Module(simdModuleBytes()) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Rows copied into a kernel instance's memory, ready for four-at-a-time dot products. */
export interface SimdRows {
  /** Writes the dot products of row i with rows j..j+3 into `out[0..3]`. */
  dot4(i: number, j: number, out: Float32Array): void;
}

/**
 * Copies `data` (rows of `dims` values; dims a multiple of 4) into a fresh instance, or returns
 * null when SIMD is unavailable or dims is not a multiple of 4.
 */
export function prepareSimdRows(data: Float32Array, dims: number): SimdRows | null {
  const module = simdModule();
  if (!module || dims % 4 !== 0) return null;
  const instance = new WebAssembly.Instance(module, {});
  const memory = instance.exports.memory as WebAssembly.Memory;
  const dot4 = instance.exports.dot4 as (a: number, b: number, stride: number, bytes: number, out: number) => void;
  const needed = data.byteLength + 16;
  const pages = Math.ceil(needed / 65536) - memory.buffer.byteLength / 65536;
  if (pages > 0) memory.grow(pages);
  new Float32Array(memory.buffer, 0, data.length).set(data);
  const results = new Float32Array(memory.buffer, data.byteLength, 4);
  const rowBytes = dims * 4;
  return {
    dot4(i, j, out) {
      dot4(i * rowBytes, j * rowBytes, rowBytes, rowBytes, data.byteLength);
      out[0] = results[0]!;
      out[1] = results[1]!;
      out[2] = results[2]!;
      out[3] = results[3]!;
    },
  };
}

/** A kernel instance whose memory holds rows in place, with room after them for a query and SCAN_ROWS results. */
interface Resident {
  dot4: (a: number, b: number, stride: number, bytes: number, out: number) => void;
  dotRows: (a: number, b: number, stride: number, bytes: number, out: number) => void;
  memory: WebAssembly.Memory;
  /** Byte offset of the query slot (the rows end here). */
  queryAt: number;
  /** Byte offset of the four results. */
  resultsAt: number;
  /** Row width the instance was sized for. */
  dims: number;
}

/** Kernel memories handed out by allocateSimdRows, by their buffer (a view's `.buffer` finds its instance). */
const residents = new WeakMap<ArrayBufferLike, Resident>();

/**
 * A zeroed Float32Array of `count` rows of `dims` values that lives inside a kernel instance's
 * memory, so searches over it need no copy (see simdScanner). Fill it in place. Null when SIMD is
 * unavailable or dims is not a multiple of 4; the caller then uses a plain Float32Array.
 */
export function allocateSimdRows(count: number, dims: number): Float32Array | null {
  const module = simdModule();
  if (!module || dims % 4 !== 0 || !Number.isInteger(count) || count < 0) return null;
  const instance = new WebAssembly.Instance(module, {});
  const memory = instance.exports.memory as WebAssembly.Memory;
  const rowBytes = dims * 4;
  const queryAt = count * rowBytes;
  const resultsAt = queryAt + rowBytes;
  const pages = Math.ceil((resultsAt + 4 * SCAN_ROWS) / 65536) - memory.buffer.byteLength / 65536;
  // Grown once, before any view is made: growing later would detach the buffer the caller holds.
  if (pages > 0) memory.grow(pages);
  const dot4 = instance.exports.dot4 as Resident["dot4"];
  const dotRows = instance.exports.dotRows as Resident["dotRows"];
  residents.set(memory.buffer, { dot4, dotRows, memory, queryAt, resultsAt, dims });
  return new Float32Array(memory.buffer, 0, count * dims);
}

/** `data` copied into kernel memory (allocateSimdRows), or `data` itself when SIMD cannot hold it. */
export function toSimdRows(data: Float32Array, dims: number): Float32Array {
  if (dims <= 0 || data.length % dims !== 0) return data;
  const rows = allocateSimdRows(data.length / dims, dims);
  if (!rows) return data;
  rows.set(data);
  return rows;
}

/**
 * Scores every row of `data` against `query` with the SIMD kernel, four rows per call, calling
 * `visit(row, score)` in row order. Only for rows from allocateSimdRows (null otherwise): they are
 * read in place. Scores are float32 sums, so they can differ from the JS path's in the 7th digit.
 */
export function simdScanner(data: Float32Array, dims: number): ((query: Float32Array, visit: (row: number, score: number) => void) => void) | null {
  const resident = residents.get(data.buffer);
  if (!resident || resident.memory.buffer !== data.buffer || dims !== resident.dims || data.length % dims !== 0) return null;
  const start = data.byteOffset;
  if (start % (dims * 4) !== 0 || start + data.byteLength > resident.queryAt) return null;
  const { dot4, dotRows, queryAt, resultsAt } = resident;
  const rowBytes = dims * 4;
  const count = data.length / dims;
  const querySlot = new Float32Array(resident.memory.buffer, queryAt, dims);
  const results = new Float32Array(resident.memory.buffer, resultsAt, SCAN_ROWS);
  // dotRows steps SCAN_UNROLL x 16 bytes per turn; other widths take dot4 only.
  const wide = dims % (4 * SCAN_UNROLL) === 0;
  return (query, visit) => {
    if (query.length !== dims) throw new Error(`simdScanner: the query has ${query.length} values, the rows ${dims}`);
    querySlot.set(query);
    let r = 0;
    if (wide) {
      for (; r + SCAN_ROWS <= count; r += SCAN_ROWS) {
        dotRows(queryAt, start + r * rowBytes, rowBytes, rowBytes, resultsAt);
        for (let c = 0; c < SCAN_ROWS; c++) visit(r + c, results[c]!);
      }
    }
    for (; r + 4 <= count; r += 4) {
      dot4(queryAt, start + r * rowBytes, rowBytes, rowBytes, resultsAt);
      for (let c = 0; c < 4; c++) visit(r + c, results[c]!);
    }
    // The last rows (fewer than four): dot4 would read past them into the query slot.
    for (; r < count; r++) {
      let s = 0;
      for (let k = 0; k < dims; k++) s += data[r * dims + k]! * query[k]!;
      visit(r, s);
    }
  };
}
