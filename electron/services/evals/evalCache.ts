// Main process: the evaluation cache: an identical request (same server, same body) is answered
// from the answer saved the first time, kept in a JSON Lines file across restarts.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { ChatRequest } from "../../../shared/chatRequest";
import { ChoiceResult, Usage } from "../../../shared/schemas";
import { openJsonlFile } from "../history/jsonlFile";

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
  put(answer: CachedAnswer): void;
  close(): void;
}

/** Opens the cache file; it is read once, on first use. */
export function openEvalCache(path: string): EvalCache {
  const file = openJsonlFile(path);
  let loaded: Promise<Map<string, CachedAnswer>> | null = null;
  const load = () =>
    (loaded ??= (async () => {
      const map = new Map<string, CachedAnswer>();
      await file.read((raw) => CachedAnswer.parse(raw), (entry) => void map.set(entry.key, entry));
      return map;
    })());
  return {
    async get(key) {
      return (await load()).get(key) ?? null;
    },
    put(answer) {
      void load().then((map) => map.set(answer.key, answer));
      file.append(answer);
    },
    close: () => file.close(),
  };
}
