// Main process: the embeddings service: embeds texts through the openai SDK in batches, with the
// vector cache, progress events and cancel; returns every vector as one base64 float32 block, and
// keeps the latest small results so lesson exercises can be graded on them.
import type { EmbedInput, EmbedOutput } from "../../shared/contracts/embeddings";
import type { EmbeddingsSnapshot } from "../../shared/lessonObservation";
import { DEFAULT_RETRY_POLICY } from "../../shared/retryPolicy";
import type { HandlerContext } from "../dispatch";
import { DojoError } from "../errors";
import type { EmbeddingCache } from "./embeddingCache";
import { mapApiError } from "./errorMap";
import { connectionSecrets, createCountingClient, type Connection } from "./openaiClient";

/** Texts per request: well under the API's 2,048, so progress moves and one failure costs little. */
export const DEFAULT_BATCH_SIZE = 96;
/** Characters per request at most (about 100k tokens), under the API's 300k tokens per request. */
export const DEFAULT_BATCH_CHARS = 400_000;

/** How many recent results are kept for grading (the lab's set and the searches after it). */
export const KEPT_RESULTS = 32;
/** Results with more values than this (1 MB of float32) are not kept: lesson exercises embed a few texts. */
export const MAX_KEPT_VALUES = 250_000;

/** One embed job as the handler passes it. */
export interface EmbedArgs extends Omit<EmbedInput, "profileId"> {
  connection: Connection;
  emit: HandlerContext["emit"];
  /** Every secret known now, to redact error messages. */
  secrets: () => readonly string[];
}

/** Embeds texts and manages the cache. */
export interface EmbeddingService {
  /** Embeds the texts (cached ones are not sent); emits embeddings.progress after each batch. */
  embed(args: EmbedArgs): Promise<EmbedOutput>;
  /** Stops a running job; false when there is none with that id. */
  cancel(jobId: string): boolean;
  /** Empties the cache; returns how many vectors it held. */
  clearCache(): number;
  /** The latest finished jobs, newest first (at most KEPT_RESULTS, none over MAX_KEPT_VALUES values). */
  recent(): readonly EmbeddingsSnapshot[];
}

/** Options of the service. */
export interface EmbeddingServiceOptions {
  cache: EmbeddingCache;
  batchSize?: number;
  batchChars?: number;
  requestTimeoutMs?: number;
  maxRetries?: number;
}

/** Splits texts into batches of at most `size` texts and `chars` characters (a longer text goes alone). */
export function batchTexts(texts: readonly string[], size: number, chars: number): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const text of texts) {
    if (current.length && (current.length >= size || length + text.length > chars)) {
      batches.push(current);
      current = [];
      length = 0;
    }
    current.push(text);
    length += text.length;
  }
  if (current.length) batches.push(current);
  return batches;
}

/** Decodes one base64 embedding the SDK returned as-is (we ask for base64: 4 bytes a value on the wire). */
function decodeVector(embedding: unknown): Float32Array {
  if (typeof embedding === "string") {
    const bytes = Buffer.from(embedding, "base64");
    const out = new Float32Array(bytes.length / 4);
    for (let k = 0; k < out.length; k++) out[k] = bytes.readFloatLE(4 * k);
    return out;
  }
  if (Array.isArray(embedding)) return Float32Array.from(embedding as number[]);
  throw new DojoError("bad_request", "The server's embeddings response holds a vector that is neither base64 nor a list of numbers.");
}

/** Creates the service over a cache. */
export function createEmbeddingService(options: EmbeddingServiceOptions): EmbeddingService {
  const { cache } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const batchChars = options.batchChars ?? DEFAULT_BATCH_CHARS;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_RETRY_POLICY.requestTimeoutMs;
  const maxRetries = options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries;
  const jobs = new Map<string, AbortController>();
  let kept: EmbeddingsSnapshot[] = [];

  const embed = async (args: EmbedArgs): Promise<EmbedOutput> => {
    const { jobId, connection, model, dimensions, texts, emit } = args;
    if (jobs.has(jobId)) throw new DojoError("invalid_input", `Embedding job ${jobId} is already running: use a new job id.`);
    const controller = new AbortController();
    jobs.set(jobId, controller);
    // Vectors differ between servers, models and widths: each combination is its own cache space.
    const space = `${connection.provider.kind}|${connection.baseURL}|${model}|${dimensions ?? "default"}`;
    const vectors = new Map<string, Float32Array>();
    const { client, attempts } = createCountingClient(connection, { requestTimeoutMs, maxRetries });
    const unique = [...new Set(texts)];
    for (const text of unique) {
      const hit = cache.get(space, text);
      if (hit) vectors.set(text, hit);
    }
    const cachedUnique = vectors.size;
    const missing = unique.filter((t) => !vectors.has(t));
    const cachedCount = texts.filter((t) => vectors.has(t)).length;
    let requestCount = 0;
    let promptTokens = 0;
    let width = vectors.values().next().value?.length ?? dimensions ?? 0;
    const progress = () =>
      emit("embeddings.progress", { jobId, done: texts.filter((t) => vectors.has(t)).length, total: texts.length, cached: cachedCount });
    try {
      if (cachedUnique) progress();
      for (const batch of batchTexts(missing, batchSize, batchChars)) {
        requestCount += 1;
        const response = await client.embeddings.create(
          { model, input: batch, encoding_format: "base64", ...(dimensions ? { dimensions } : {}) },
          { signal: controller.signal },
        );
        if (response.data.length !== batch.length) {
          throw new DojoError("bad_request", `The server returned ${response.data.length} vectors for ${batch.length} texts.`);
        }
        const fresh = response.data.map((item) => {
          const text = batch[item.index];
          if (text === undefined) throw new DojoError("bad_request", `The server returned a vector for input ${item.index}, which was not sent.`);
          return { text, vector: decodeVector(item.embedding) };
        });
        for (const { vector } of fresh) {
          if (!width) width = vector.length;
          if (vector.length !== width || vector.length === 0) {
            throw new DojoError("bad_request", `The server returned vectors of ${vector.length} values where ${width} were expected.`);
          }
        }
        cache.putMany(space, fresh);
        for (const { text, vector } of fresh) vectors.set(text, vector);
        promptTokens += response.usage?.prompt_tokens ?? 0;
        progress();
      }
    } catch (err) {
      throw DojoError.from(
        mapApiError(err, {
          secrets: [...args.secrets(), ...connectionSecrets(connection)],
          phase: "request",
          profileName: connection.provider.profileName,
          attempts: attempts(),
          requestTimeoutMs,
        }),
      );
    } finally {
      jobs.delete(jobId);
    }
    const block = new Float32Array(texts.length * width);
    texts.forEach((text, row) => block.set(vectors.get(text) as Float32Array, row * width));
    if (block.length <= MAX_KEPT_VALUES) {
      // A copy: the block's buffer is handed to Buffer below and must not change under a grader.
      const snapshot = { jobId, model, dimensions: width, providerKind: connection.provider.kind, texts: [...texts], vectors: block.slice() };
      kept = [snapshot, ...kept].slice(0, KEPT_RESULTS);
    }
    return {
      jobId,
      model,
      dimensions: width,
      count: texts.length,
      vectors: Buffer.from(block.buffer).toString("base64"),
      cachedCount,
      requestCount,
      promptTokens,
      provider: connection.provider,
    };
  };

  return {
    embed,
    cancel(jobId) {
      const controller = jobs.get(jobId);
      controller?.abort();
      return Boolean(controller);
    },
    clearCache: () => cache.clear(),
    recent: () => kept,
  };
}
