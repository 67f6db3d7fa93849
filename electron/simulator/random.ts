// Main process (simulator): seeded pseudo-random numbers, so the same request and seed give the same output.
import { randomInt } from "node:crypto";

/** A source of numbers in [0, 1); the same seed always yields the same sequence. */
export type Rng = () => number;

/** Hashes any text to a 32-bit unsigned integer (FNV-1a), used to derive seeds and features. */
export function hashString(text: string, salt = 0): number {
  let hash = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A small, fast generator (mulberry32): statistically fine for choosing words, not for secrets. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks one item of a non-empty list with the given generator. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick() needs a non-empty list");
  return item;
}

/** Letters and digits from the generator, for ids such as tool call ids. */
export function randomAlnum(rng: Rng, length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}

/** A shuffled copy of a list (Fisher-Yates) driven by the generator. */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Where a request without a seed draws its fresh randomness: one 32-bit seed per call. */
export type SeedSource = () => number;

/** Fresh seeds from the operating system: what the running app uses. */
export const systemSeeds: SeedSource = () => randomInt(2 ** 32);

/**
 * A fixed sequence of fresh seeds from one starting seed: each call still gives a new seed (so
 * unseeded runs still differ), but a test that makes the same requests sees the same answers.
 */
export function sequenceSeeds(start: number): SeedSource {
  const rng = createRng(start);
  return () => Math.floor(rng() * 2 ** 32);
}
