// Main process: the evaluation cache: an identical request (same server, same body) is answered
// from the answer saved the first time, kept in a JSON Lines file across restarts, trimmed oldest
// first when it grows past its bound.
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { z } from "zod";
import type { ChatRequest } from "../../../shared/chatRequest";
import { ChoiceResult, Usage } from "../../../shared/schemas";
import { openJsonlFile } from "../history/jsonlFile";
import { writeAtomically } from "../experiments/experimentFile";

/** Largest the cache file may grow, bytes, before its oldest answers are dropped. */
export const DEFAULT_CACHE_MAX_BYTES = 32 * 2 ** 20;
/** A trim keeps the newest answers filling this share of the bound, so it does not rerun at every put. */
const TRIM_TO = 0.75;

/** What a cache entry keeps: enough to grade the answer again and to open the original run. */
export const CachedAnswer = z.object({
  key: z.string(),
  runId: z.uuid(),
  model: z.string(),
  choices: z.array(ChoiceResult),
  usage: Usage.nullable(),
});
export type CachedAnswer = z.infer<typeof CachedAnswer>;

/** JSON with object keys sorted, so key order never changes the cache key. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The cache key of a request to a server. */
export function cacheKey(baseURL: string, request: ChatRequest): string {
  return createHash("sha256").update(baseURL).update("\u0000").update(canonical(request)).digest("hex");
}

export interface EvalCache {
  get(key: string): Promise<CachedAnswer | null>;
  /** Saves an answer; resolves once it is in the file and the file is within its bound. */
  put(answer: CachedAnswer): Promise<void>;
  close(): void;
}

/** One kept answer and the bytes of its line. */
interface Kept {
  answer: CachedAnswer;
  bytes: number;
}

const lineOf = (answer: CachedAnswer) => `${JSON.stringify(answer)}\n`;

/**
 * The answers to keep when trimming: the newest (last written) ones whose lines fit in `budget`
 * bytes, in their original order. The map's order is the order answers were written.
 */
export function newestWithin(kept: ReadonlyMap<string, Kept>, budget: number): Kept[] {
  const out: Kept[] = [];
  let used = 0;
  for (const entry of [...kept.values()].reverse()) {
    if (used + entry.bytes > budget) break;
    used += entry.bytes;
    out.push(entry);
  }
  return out.reverse();
}

/**
 * Opens the cache file; it is read once, on first use. When the file passes `maxBytes` it is
 * rewritten with only the newest answers (the oldest go first), down to three quarters of the bound.
 */
export function openEvalCache(path: string, options: { maxBytes?: number } = {}): EvalCache {
  const maxBytes = options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
  const file = openJsonlFile(path);
  // Size of the file as written, damaged and superseded lines included: that is what the bound is on.
  let fileBytes = 0;
  let loaded: Promise<Map<string, Kept>> | null = null;
  const load = () =>
    (loaded ??= (async () => {
      const map = new Map<string, Kept>();
      await file.read(
        (raw) => CachedAnswer.parse(raw),
        (answer) => {
          // A key written again counts as new: it moves to the end.
          map.delete(answer.key);
          map.set(answer.key, { answer, bytes: Buffer.byteLength(lineOf(answer)) });
        },
      );
      fileBytes = existsSync(path) ? statSync(path).size : 0;
      return map;
    })());

  function trim(map: Map<string, Kept>): void {
    const keep = newestWithin(map, Math.floor(maxBytes * TRIM_TO));
    // The append descriptor points at the old file: close it, so the next append opens the new one.
    file.close();
    const text = keep.map((k) => lineOf(k.answer)).join("");
    writeAtomically(path, text);
    map.clear();
    for (const k of keep) map.set(k.answer.key, k);
    fileBytes = Buffer.byteLength(text);
  }

  return {
    async get(key) {
      return (await load()).get(key)?.answer ?? null;
    },
    async put(answer) {
      const map = await load();
      const line = lineOf(answer);
      file.append(answer);
      const bytes = Buffer.byteLength(line);
      fileBytes += bytes;
      map.delete(answer.key);
      map.set(answer.key, { answer, bytes });
      if (fileBytes > maxBytes) trim(map);
    },
    close: () => file.close(),
  };
}
