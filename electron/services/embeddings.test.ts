// Tests (Node): the embeddings service against the real simulator: batches, cache, progress,
// order of vectors, precise errors, cancel, and the recent results kept for grading.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbedOutput } from "../../shared/contracts/embeddings";
import type { EventName } from "../../shared/contract";
import { decodeFloat32Base64 } from "../../shared/vectorCodec";
import { cosine } from "../../shared/vectors";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { DojoError } from "../errors";
import { createEmbeddingCache } from "./embeddingCache";
import { batchTexts, createEmbeddingService, KEPT_RESULTS, MAX_KEPT_VALUES } from "./embeddings";
import type { Connection } from "./openaiClient";

let sim: RunningSimulator;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator({ tokenDelayMs: 0 });
  dir = mkdtempSync(join(tmpdir(), "dojo-embed-"));
});
afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

const connection = (): Connection => ({
  provider: { profileId: "simulator", profileName: "Simulator", kind: "simulator", baseURL: sim.url },
  baseURL: sim.url,
  apiKey: "simulator-no-key",
});

function job(texts: string[], extra: { dimensions?: number; model?: string } = {}) {
  const progress: { done: number; total: number; cached: number }[] = [];
  return {
    progress,
    args: {
      jobId: crypto.randomUUID(),
      connection: connection(),
      model: extra.model ?? "sim-embedding-1",
      dimensions: extra.dimensions,
      texts,
      secrets: () => [],
      emit: (event: EventName, payload: unknown) => {
        if (event === "embeddings.progress") progress.push(payload as { done: number; total: number; cached: number });
      },
    },
  };
}

const rows = (out: EmbedOutput) => {
  const all = decodeFloat32Base64(out.vectors);
  return Array.from({ length: out.count }, (_, i) => all.subarray(i * out.dimensions, (i + 1) * out.dimensions));
};

describe("batchTexts", () => {
  it("cuts by count and by characters, never leaving a batch empty", () => {
    expect(batchTexts(["a", "b", "c", "d", "e"], 2, 100)).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(batchTexts(["aaaa", "bbbb", "c"], 10, 5)).toEqual([["aaaa"], ["bbbb", "c"]]);
    expect(batchTexts(["toolongtext"], 10, 5)).toEqual([["toolongtext"]]);
  });
});

describe("embedding service", () => {
  it("embeds in batches, in the order of the texts, with progress after each batch", async () => {
    const service = createEmbeddingService({ cache: createEmbeddingCache({ dir: null }), batchSize: 3 });
    const texts = ["cats purr", "dogs bark", "cats purr softly", "stock markets fell", "dogs bark loudly", "bonds rose", "cats purr"];
    const { args, progress } = job(texts, { dimensions: 64 });
    const out = EmbedOutput.parse(await service.embed(args));
    expect(out).toMatchObject({ count: 7, dimensions: 64, cachedCount: 0, requestCount: 2, provider: { kind: "simulator" } });
    expect(out.promptTokens).toBeGreaterThan(0);
    // Six distinct texts in batches of three: two requests; the repeated text is sent once.
    expect(progress.map((p) => p.done)).toEqual([4, 7]);
    const v = rows(out);
    expect(cosine(v[0]!, v[6]!)).toBeCloseTo(1, 6);
    expect(cosine(v[0]!, v[2]!)).toBeGreaterThan(cosine(v[0]!, v[3]!));
  });

  it("answers repeated texts from the disk cache, also after a restart, without a request", async () => {
    const cacheDir = join(dir, "cache");
    const first = createEmbeddingService({ cache: createEmbeddingCache({ dir: cacheDir }) });
    const texts = ["alpha beta", "gamma delta"];
    const a = await first.embed(job(texts).args);
    const restarted = createEmbeddingService({ cache: createEmbeddingCache({ dir: cacheDir }) });
    const { args, progress } = job([...texts, "epsilon"]);
    const b = await restarted.embed(args);
    expect(b).toMatchObject({ cachedCount: 2, requestCount: 1 });
    expect(progress[0]).toEqual({ jobId: args.jobId, done: 2, total: 3, cached: 2 });
    expect(rows(b).slice(0, 2).map((v) => Array.from(v))).toEqual(rows(a).map((v) => Array.from(v)));
    // Another width is another cache space.
    expect((await restarted.embed(job(texts, { dimensions: 32 }).args)).cachedCount).toBe(0);
    expect(restarted.clearCache()).toBe(5);
    expect((await restarted.embed(job(texts).args)).cachedCount).toBe(0);
  });

  it("reports the server's refusal precisely", async () => {
    const service = createEmbeddingService({ cache: createEmbeddingCache({ dir: null }), maxRetries: 0 });
    const err = await service.embed(job(["x"], { model: "sim-chat-1" }).args).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DojoError);
    expect((err as DojoError).error).toMatchObject({ kind: "not_found", status: 404 });
    const wide = await service.embed(job(["x"], { dimensions: 4000 }).args).catch((e: unknown) => e);
    expect((wide as DojoError).error).toMatchObject({ kind: "bad_request", param: "dimensions" });
  });

  it("keeps recent results newest first, bounded in count and size, and skips failed jobs", async () => {
    const service = createEmbeddingService({ cache: createEmbeddingCache({ dir: null }), maxRetries: 0 });
    expect(service.recent()).toEqual([]);
    const set = await service.embed(job(["cats purr", "dogs bark"], { dimensions: 16 }).args);
    const query = await service.embed(job(["a purring cat"], { dimensions: 16 }).args);
    await service.embed(job(["x"], { model: "sim-chat-1" }).args).catch(() => undefined);
    const [latest, older] = service.recent();
    expect([latest?.jobId, older?.jobId]).toEqual([query.jobId, set.jobId]);
    expect(older).toMatchObject({ model: "sim-embedding-1", dimensions: 16, providerKind: "simulator", texts: ["cats purr", "dogs bark"] });
    expect(Array.from(older!.vectors)).toEqual(Array.from(decodeFloat32Base64(set.vectors)));
    // Too many values (texts x width) to keep: embedded and returned, but not kept.
    const wide = Math.ceil(MAX_KEPT_VALUES / 1536) + 1;
    await service.embed(job(Array.from({ length: wide }, (_, i) => `line ${i}`)).args);
    expect(service.recent()[0]?.jobId).toBe(query.jobId);
    for (let i = 0; i < KEPT_RESULTS; i++) await service.embed(job([`filler ${i}`], { dimensions: 8 }).args);
    expect(service.recent()).toHaveLength(KEPT_RESULTS);
    expect(service.recent().some((r) => r.jobId === set.jobId)).toBe(false);
  });

  it("stops a job when cancelled", async () => {
    const service = createEmbeddingService({ cache: createEmbeddingCache({ dir: null }), batchSize: 1 });
    const texts = Array.from({ length: 50 }, (_, i) => `text number ${i}`);
    const { args } = job(texts);
    const running = service.embed(args);
    expect(service.cancel(args.jobId)).toBe(true);
    await expect(running).rejects.toMatchObject({ error: { kind: "cancelled" } });
    expect(service.cancel(args.jobId)).toBe(false);
  });
});

describe("simulator vector generations", () => {
  it("never answers from vectors the simulator cached before its vectors gained concepts", async () => {
    const cache = createEmbeddingCache({ dir: null });
    const { args } = job(["cat"], { dimensions: 8 });
    // A vector stored under the space key the service used before issue 13's concept vectors.
    cache.putMany(`simulator|${sim.url}|sim-embedding-1|8`, [{ text: "cat", vector: new Float32Array(8).fill(Math.SQRT1_2 / 2) }]);
    const out = EmbedOutput.parse(await createEmbeddingService({ cache }).embed(args));
    expect(out).toMatchObject({ cachedCount: 0, requestCount: 1 });
  });
});
