// Main process: the embeddings service: embeds texts through the openai SDK in batches, with the
// vector cache, progress events and cancel; returns every vector as one base64 float32 block, and
// keeps the latest small results so lesson exercises can be graded on them. Each batch request runs
// under the client policy (our retry loop, SDK retries off), like every other call.
import type { EmbedInput, EmbedOutput } from "../../shared/contracts/embeddings";
import type { EmbeddingsSnapshot } from "../../shared/lessonObservation";
import { DEFAULT_RETRY_POLICY, type ClientPolicy } from "../../shared/retryPolicy";
import type { HandlerContext } from "../dispatch";
import { DojoError } from "../errors";
import type { EmbeddingCache } from "./embeddingCache";
import { createCountingClient, type Connection } from "./openaiClient";
import { requestError } from "./reliability/policyError";
import { withPolicy } from "./reliability/withPolicy";

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
  /** Overrides the policy's per-attempt timeout (tests). */
  requestTimeoutMs?: number;
  /** Overrides the policy's retries (tests that want one attempt). */
  maxRetries?: number;
  /** The client policy in force, read when a job starts; default DEFAULT_RETRY_POLICY. */
  policy?: () => ClientPolicy;
  /** Random numbers in [0, 1) for back-off jitter (tests pin it). */
  random?: () => number;
  /** Told of every request sent (one per batch, retries included in its attempts), for the usage log. */
  onRequest?: (report: EmbeddingRequestReport) => void;
}

/** One batch request as the usage log sees it: metadata only, never the texts. */
export interface EmbeddingRequestReport {
  connection: Connection;
  model: string;
  startedAt: number;
  latencyMs: number;
  attempts: number;
  promptTokens: number;
  error: { kind: string; status: number | null; requestId: string | null } | null;
  requestId: string | null;
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
  const readPolicy = options.policy ?? (() => DEFAULT_RETRY_POLICY);
  const jobs = new Map<string, AbortController>();
  let kept: EmbeddingsSnapshot[] = [];

  const embed = async (args: EmbedArgs): Promise<EmbedOutput> => {
    const { jobId, connection, model, dimensions, texts, emit } = args;
    if (jobs.has(jobId)) throw new DojoError("invalid_input", `Embedding job ${jobId} is already running: use a new job id.`);
    const controller = new AbortController();
    jobs.set(jobId, controller);
    // Vectors differ between servers, models and widths: each combination is its own cache space.
    // The simulator's vectors changed meaning (issue 13: WordNet concepts, not word hashes), so its
    // space carries that generation and vectors cached before it are never mixed with new ones.
    const generation = connection.provider.kind === "simulator" ? "|concepts-1" : "";
    const space = `${connection.provider.kind}|${connection.baseURL}|${model}|${dimensions ?? "default"}${generation}`;
    const vectors = new Map<string, Float32Array>();
    const policy: ClientPolicy = {
      ...readPolicy(),
      ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
      ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    };
    const { requestTimeoutMs } = policy;
    // SDK retries off: the policy's loop below retries, so attempts, waits and the deadline are ours.
    const { client, attempts } = createCountingClient(connection, { requestTimeoutMs, maxRetries: 0 });
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
        const sentAt = Date.now();
        const startedAt = performance.now();
        const attemptsBefore = attempts();
        const report = (response: { requestId: string | null; promptTokens: number } | null, err: unknown) => {
          if (!options.onRequest) return;
          const mapped = err === null ? null : requestError(err, connection, attempts() - attemptsBefore, requestTimeoutMs);
          options.onRequest({
            connection,
            model,
            startedAt: sentAt,
            latencyMs: Math.round((performance.now() - startedAt) * 10) / 10,
            attempts: attempts() - attemptsBefore,
            promptTokens: response?.promptTokens ?? 0,
            error: mapped && { kind: mapped.kind, status: mapped.status ?? null, requestId: mapped.requestId ?? null },
            requestId: response?.requestId ?? null,
          });
        };
        let response;
        try {
          // Each batch is one request under the policy: its deadline counts from the batch's start.
          const { data, request_id } = await withPolicy(
            policy,
            (signal) =>
              client.embeddings.create({ model, input: batch, encoding_format: "base64", ...(dimensions ? { dimensions } : {}) }, { signal }).withResponse(),
            { signal: controller.signal, startedAt, random: options.random, wholeOnReturn: true },
          );
          response = data;
          report({ requestId: request_id, promptTokens: data.usage?.prompt_tokens ?? 0 }, null);
        } catch (err) {
          if (!controller.signal.aborted) report(null, err);
          throw err;
        }
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
      throw DojoError.from(requestError(err, connection, attempts(), requestTimeoutMs, args.secrets()));
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
