// Main process (simulator): deterministic unit-length embeddings where texts sharing words are closer.
import { hashString } from "./random";
import { isStopword, words } from "./words";

/** Adds `weight` to one hashed dimension, with a hashed sign so unrelated features cancel out on average. */
function addFeature(vector: Float64Array, feature: string, weight: number): void {
  const slot = hashString(feature, 0x9e3779b9) % vector.length;
  const sign = hashString(feature, 0x85ebca6b) & 1 ? 1 : -1;
  vector[slot] = (vector[slot] ?? 0) + sign * weight;
}

/**
 * Feature hashing of words (weight 1, stopwords 0.2), word bigrams (0.5) and character trigrams
 * of each word (0.3 shared among them, so "embedding" and "embeddings" land close), normalised to
 * length 1. Text without words falls back to its characters, so every vector has length 1.
 */
export function embedText(text: string, dimensions: number): Float32Array {
  const vector = new Float64Array(dimensions);
  const list = words(text);
  list.forEach((word, i) => {
    addFeature(vector, `w:${word}`, isStopword(word) ? 0.2 : 1);
    const next = list[i + 1];
    if (next) addFeature(vector, `b:${word} ${next}`, 0.5);
    const padded = `<${word}>`;
    const trigrams = padded.length - 2;
    for (let j = 0; j < trigrams; j++) addFeature(vector, `c:${padded.slice(j, j + 3)}`, 0.3 / Math.sqrt(trigrams));
  });
  if (!list.length) for (const char of text.trim() || " ") addFeature(vector, `x:${char}`, 1);
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  return Float32Array.from(vector, (v) => v / norm);
}

/** A vector as base64 of little-endian float32 values, as the real service sends `encoding_format: "base64"`. */
export function toBase64(vector: Float32Array): string {
  const buffer = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => buffer.writeFloatLE(v, i * 4));
  return buffer.toString("base64");
}
