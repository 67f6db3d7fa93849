// Main process: a bounded cache of embedding vectors per (server, model, dimensions) and text, in
// memory and on disk, so re-embedding the same texts costs no request and no tokens.
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { writeAtomically } from "./atomicFile";
import { join } from "node:path";

/** Vectors by text, within one space (a server, model and dimensions: vectors of others differ). */
export interface EmbeddingCache {
  /** The cached vector of a text, or null. */
  get(space: string, text: string): Float32Array | null;
  /** Stores vectors of one space (all of the same length), in memory and appended to disk. */
  putMany(space: string, entries: readonly { text: string; vector: Float32Array }[]): void;
  /** Removes every cached vector, in memory and on disk; returns how many there were. */
  clear(): number;
}

/** Limits of the cache. */
export interface EmbeddingCacheOptions {
  /** Folder of the shard files; null keeps the cache in memory only. */
  dir: string | null;
  /** Bytes of vectors one space may hold (memory and disk); the oldest are dropped beyond it. */
  maxBytesPerSpace?: number;
  /** Spaces kept loaded in memory at once; the least recently used is unloaded beyond it. */
  maxLoadedSpaces?: number;
}

const MAGIC = Buffer.from("DOJOEMB1");
const HEADER_BYTES = MAGIC.length + 4;
const KEY_BYTES = 32;
export const DEFAULT_MAX_BYTES_PER_SPACE = 64 * 1024 * 1024;

interface Shard {
  file: string | null;
  dims: number;
  vectors: Map<string, Float32Array>;
  /** Records in the file, duplicates and dropped ones included; a rewrite trims them. */
  fileRecords: number;
  maxEntries: number;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest();

/** Creates the cache; shards are read from disk the first time their space is used. */
export function createEmbeddingCache(options: EmbeddingCacheOptions): EmbeddingCache {
  const maxBytes = options.maxBytesPerSpace ?? DEFAULT_MAX_BYTES_PER_SPACE;
  const maxLoaded = options.maxLoadedSpaces ?? 3;
  const loaded = new Map<string, Shard | null>();
  if (options.dir) mkdirSync(options.dir, { recursive: true });

  const fileOf = (space: string) => (options.dir ? join(options.dir, `${sha256(space).toString("hex").slice(0, 24)}.vectors`) : null);
  const entriesFor = (dims: number) => Math.max(1, Math.floor(maxBytes / (KEY_BYTES + dims * 4)));

  /** Reads a shard file; a file that does not parse is moved aside, never overwritten. */
  const readShard = (file: string): Shard | null => {
    if (!existsSync(file)) return null;
    const bytes = readFileSync(file);
    const dims = bytes.length >= HEADER_BYTES && bytes.subarray(0, MAGIC.length).equals(MAGIC) ? bytes.readUInt32LE(MAGIC.length) : 0;
    const record = KEY_BYTES + dims * 4;
    if (dims < 1 || (bytes.length - HEADER_BYTES) % record !== 0) {
      renameSync(file, `${file}.corrupt-${Date.now()}`);
      return null;
    }
    const shard: Shard = { file, dims, vectors: new Map(), fileRecords: (bytes.length - HEADER_BYTES) / record, maxEntries: entriesFor(dims) };
    for (let at = HEADER_BYTES; at < bytes.length; at += record) {
      const key = bytes.toString("hex", at, at + KEY_BYTES);
      // Copied out of the file buffer, so dropping one entry frees its memory.
      const vector = new Float32Array(dims);
      for (let k = 0; k < dims; k++) vector[k] = bytes.readFloatLE(at + KEY_BYTES + 4 * k);
      shard.vectors.delete(key); // A later record of the same text wins and counts as newest.
      shard.vectors.set(key, vector);
    }
    trim(shard);
    return shard;
  };

  const trim = (shard: Shard): void => {
    for (const key of shard.vectors.keys()) {
      if (shard.vectors.size <= shard.maxEntries) break;
      shard.vectors.delete(key);
    }
  };

  const encodeRecords = (entries: Iterable<[string, Float32Array]>): Buffer[] => {
    const parts: Buffer[] = [];
    for (const [key, vector] of entries) {
      parts.push(Buffer.from(key, "hex"), Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    }
    return parts;
  };

  /** Rewrites a shard's file from memory (atomically: a temporary file renamed over it). */
  const rewrite = (shard: Shard): void => {
    if (!shard.file) return;
    const header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(header);
    header.writeUInt32LE(shard.dims, MAGIC.length);
    writeAtomically(shard.file, Buffer.concat([header, ...encodeRecords(shard.vectors)]));
    shard.fileRecords = shard.vectors.size;
  };

  const shardFor = (space: string): Shard | null => {
    if (loaded.has(space)) {
      const shard = loaded.get(space) ?? null;
      loaded.delete(space); // Re-inserted: the Map's order is least recently used first.
      loaded.set(space, shard);
      return shard;
    }
    const file = fileOf(space);
    const shard = file ? readShard(file) : null;
    loaded.set(space, shard);
    for (const key of loaded.keys()) {
      if (loaded.size <= maxLoaded) break;
      loaded.delete(key);
    }
    return shard;
  };

  return {
    get(space, text) {
      const shard = shardFor(space);
      const key = sha256(text).toString("hex");
      const vector = shard?.vectors.get(key);
      if (!shard || !vector) return null;
      shard.vectors.delete(key);
      shard.vectors.set(key, vector);
      return vector;
    },
    putMany(space, entries) {
      if (!entries.length) return;
      const dims = entries[0]!.vector.length;
      if (entries.some((e) => e.vector.length !== dims)) throw new Error("embeddingCache: vectors of one space must have one length");
      let shard = shardFor(space);
      if (!shard || shard.dims !== dims) {
        shard = { file: fileOf(space), dims, vectors: new Map(), fileRecords: 0, maxEntries: entriesFor(dims) };
        loaded.set(space, shard);
        rewrite(shard);
      }
      const added: [string, Float32Array][] = [];
      for (const { text, vector } of entries) {
        const key = sha256(text).toString("hex");
        shard.vectors.delete(key);
        shard.vectors.set(key, vector);
        added.push([key, vector]);
      }
      trim(shard);
      if (!shard.file) return;
      // Append while the file stays within a quarter of its bound; past that, rewrite it trimmed.
      if (shard.fileRecords + added.length > shard.maxEntries * 1.25) rewrite(shard);
      else {
        appendFileSync(shard.file, Buffer.concat(encodeRecords(added)));
        shard.fileRecords += added.length;
      }
    },
    clear() {
      const counted = new Set<string>();
      let removed = 0;
      for (const shard of loaded.values()) {
        if (!shard) continue;
        removed += shard.vectors.size;
        if (shard.file) counted.add(shard.file);
      }
      loaded.clear();
      if (options.dir && existsSync(options.dir)) {
        for (const name of readdirSync(options.dir)) {
          if (!name.endsWith(".vectors")) continue;
          const file = join(options.dir, name);
          // A shard not loaded still counts: read it to know how many vectors go.
          if (!counted.has(file)) removed += readShard(file)?.vectors.size ?? 0;
          rmSync(file, { force: true });
        }
      }
      return removed;
    },
  };
}
