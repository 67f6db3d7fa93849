// Both processes: which part of the app sent a request, so usage charts by feature mean something.
// Its own small module: the run record, the chat contract and the usage log all name it.
import { z } from "zod";

/**
 * The part of the app a request came from: the playground, its tool calling, compare and variance,
 * a lesson, the RAG lab, the injection lab, evaluations, embeddings, moderation, or anything else.
 */
export const UsageFeature = z.enum(["playground", "tools", "compare", "variance", "lesson", "rag", "injection", "eval", "embeddings", "moderation", "other"]);
export type UsageFeature = z.infer<typeof UsageFeature>;

/** Features a renderer may name when it starts a chat run (the main side names the rest). */
export const ChatFeature = UsageFeature.extract(["playground", "tools", "compare", "variance", "lesson", "rag", "injection", "other"]);
export type ChatFeature = z.infer<typeof ChatFeature>;
