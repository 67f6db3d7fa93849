// Both processes: float32 vectors as base64 text, the compact way thousands of embeddings cross the
// process boundary (4 bytes a value instead of about 20 as JSON numbers). Little-endian, as OpenAI's
// `encoding_format: "base64"` sends them.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Every platform this app runs on is little-endian; a big-endian one would need byte swaps here. */
const LITTLE_ENDIAN = new Uint8Array(new Float32Array([1]).buffer)[3] === 0x3f;

/** The base64 length of `bytes` bytes, with padding. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** Encodes float32 values as base64 of their little-endian bytes. */
export function encodeFloat32Base64(values: Float32Array): string {
  if (!LITTLE_ENDIAN) throw new Error("vectorCodec: big-endian platforms are not supported");
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const parts: string[] = [];
  // Built in slices: one string per 48 KiB keeps String.fromCharCode's argument list small.
  const SLICE = 3 * 16384;
  for (let from = 0; from < bytes.length; from += SLICE) {
    const to = Math.min(bytes.length, from + SLICE);
    const codes: number[] = [];
    for (let i = from; i < to; i += 3) {
      const b0 = bytes[i]!;
      const b1 = i + 1 < to ? bytes[i + 1]! : 0;
      const b2 = i + 2 < to ? bytes[i + 2]! : 0;
      codes.push(
        ALPHABET.charCodeAt(b0 >> 2),
        ALPHABET.charCodeAt(((b0 & 3) << 4) | (b1 >> 4)),
        i + 1 < to ? ALPHABET.charCodeAt(((b1 & 15) << 2) | (b2 >> 6)) : 61,
        i + 2 < to ? ALPHABET.charCodeAt(b2 & 63) : 61,
      );
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

/**
 * Decodes base64 of little-endian float32 values. Throws on characters outside the alphabet and
 * on a byte count that is not a whole number of floats.
 */
export function decodeFloat32Base64(text: string): Float32Array {
  if (!LITTLE_ENDIAN) throw new Error("vectorCodec: big-endian platforms are not supported");
  if (text.length % 4 !== 0) throw new Error("vectorCodec: base64 length must be a multiple of 4");
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const byteCount = (text.length / 4) * 3 - padding;
  if (byteCount % 4 !== 0) throw new Error(`vectorCodec: ${byteCount} bytes are not whole float32 values`);
  const bytes = new Uint8Array(byteCount);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    const c0 = LOOKUP[text.charCodeAt(i)] ?? -1;
    const c1 = LOOKUP[text.charCodeAt(i + 1)] ?? -1;
    const c2 = text[i + 2] === "=" ? 0 : (LOOKUP[text.charCodeAt(i + 2)] ?? -1);
    const c3 = text[i + 3] === "=" ? 0 : (LOOKUP[text.charCodeAt(i + 3)] ?? -1);
    if ((c0 | c1 | c2 | c3) < 0) throw new Error(`vectorCodec: invalid base64 near position ${i}`);
    const triple = (c0 << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (out < byteCount) bytes[out++] = triple >> 16;
    if (out < byteCount) bytes[out++] = (triple >> 8) & 255;
    if (out < byteCount) bytes[out++] = triple & 255;
  }
  return new Float32Array(bytes.buffer);
}
