// Both processes: the embeddings channels: embed a list of texts in batches (vectors cross as one
// base64 block of float32 values), cancel a job, clear the vector cache; progress events for long jobs.
import { z } from "zod";
import { base64Length } from "../vectorCodec";
import { MAX_IMPORT_CHARS } from "./importLimits";
import { EmptyInput, Profile, ProviderTag } from "../schemas";

/** The most texts one embed call takes. */
export const MAX_EMBED_TEXTS = 20_000;
/**
 * The most characters of all texts of one embed call together: a call carries a whole corpus, so
 * the web door reads it with the import limit (importLimits.ts), which holds this many.
 */
export const MAX_EMBED_TOTAL_CHARS = MAX_IMPORT_CHARS;
/** The longest text accepted, in characters (OpenAI's limit is 8,192 tokens per input). */
export const MAX_EMBED_TEXT_CHARS = 32_000;
/** The widest vector accepted (text-embedding-3-large has 3,072 dimensions). */
export const MAX_EMBED_DIMENSIONS = 4_096;

/** What to embed. `jobId` names the job in progress events and for cancelling. */
export const EmbedInput = z
  .object({
    jobId: z.uuid(),
    profileId: Profile.shape.id,
    model: z.string().trim().min(1, "choose an embedding model").max(200),
    /** Ask for shorter vectors (text-embedding-3 models and the simulator); absent: the model's default. */
    dimensions: z.number().int().min(1).max(MAX_EMBED_DIMENSIONS).optional(),
    texts: z
      .array(z.string().max(MAX_EMBED_TEXT_CHARS).regex(/\S/, "a text must not be blank"))
      .min(1, "add at least one text")
      .max(MAX_EMBED_TEXTS)
      .refine((texts) => texts.reduce((sum, t) => sum + t.length, 0) <= MAX_EMBED_TOTAL_CHARS, {
        message: `the texts may hold ${MAX_EMBED_TOTAL_CHARS.toLocaleString("en")} characters together at most; embed them in parts`,
      }),
  })
  .strict();
export type EmbedInput = z.infer<typeof EmbedInput>;

/**
 * The vectors of an embed call, in the order of its texts: `count` rows of `dimensions` float32
 * values, little-endian, base64 (decode with decodeFloat32Base64). The size is checked here.
 */
export const EmbedOutput = z
  .object({
    jobId: z.uuid(),
    model: z.string(),
    dimensions: z.number().int().min(1).max(MAX_EMBED_DIMENSIONS),
    count: z.number().int().min(1).max(MAX_EMBED_TEXTS),
    vectors: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "vectors must be base64"),
    /** How many texts came from the cache rather than the server. */
    cachedCount: z.number().int().nonnegative(),
    /** HTTP requests made (batches), retries not counted. */
    requestCount: z.number().int().nonnegative(),
    /** Tokens the server counted for the texts it embedded (cached ones cost nothing). */
    promptTokens: z.number().int().nonnegative(),
    provider: ProviderTag,
  })
  .superRefine((out, ctx) => {
    const expected = base64Length(out.count * out.dimensions * 4);
    if (out.vectors.length !== expected) {
      ctx.addIssue({ code: "custom", path: ["vectors"], message: `expected ${expected} base64 characters for ${out.count} x ${out.dimensions} floats, got ${out.vectors.length}` });
    }
  });
export type EmbedOutput = z.infer<typeof EmbedOutput>;

/** The embeddings channels. */
export const embeddingsChannels = {
  /** Embeds texts in batches through the profile's server, using cached vectors where it can. */
  "embeddings.embed": { input: EmbedInput, output: EmbedOutput },
  /** Stops a running embed job; it then fails with kind "cancelled". */
  "embeddings.cancel": { input: z.object({ jobId: z.uuid() }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** Empties the vector cache, in memory and on disk. */
  "embeddings.clearCache": { input: EmptyInput, output: z.object({ removed: z.number().int().nonnegative() }) },
} as const;

/** The embeddings events. */
export const embeddingsEvents = {
  /** Texts embedded so far in a job (cached ones included); sent after each batch. */
  "embeddings.progress": z.object({
    jobId: z.uuid(),
    done: z.number().int().nonnegative(),
    total: z.number().int().positive(),
    cached: z.number().int().nonnegative(),
  }),
} as const;
