// Both processes: which API a playground request goes out on, and the settings only the Responses
// API has. The request itself stays one ChatRequest (what the editors edit); shared/api/responsesBody
// turns it into a Responses body.
import { z } from "zod";
import type { ProviderKind } from "../schemas";

/** The two wire APIs: POST /v1/responses or POST /v1/chat/completions. */
export const RequestApi = z.enum(["responses", "chat"]);
export type RequestApi = z.infer<typeof RequestApi>;

/** How the UI names each API. */
export const API_LABEL: Record<RequestApi, string> = { responses: "Responses", chat: "Chat Completions" };

/** The endpoint path of each API, under the base URL. */
export const API_PATH: Record<RequestApi, string> = { responses: "/responses", chat: "/chat/completions" };

/**
 * The API a new draft uses on a profile: Responses for OpenAI and the simulator (OpenAI recommends
 * it for new projects), Chat Completions for other compatible servers, many of which lack Responses.
 */
export function defaultApiFor(kind: ProviderKind | null | undefined): RequestApi {
  return kind === "compatible" ? "chat" : "responses";
}

/** The spec's Reasoning.summary values. */
export const ReasoningSummary = z.enum(["auto", "concise", "detailed"]);
export type ReasoningSummary = z.infer<typeof ReasoningSummary>;

/** Settings Chat Completions has no field for: they go out only on the Responses API. */
export const ResponsesExtras = z
  .object({
    /** reasoning.summary: ask a reasoning model for a summary of its reasoning. */
    reasoning_summary: ReasoningSummary.optional(),
    /** Continue from a stored response: the server carries that conversation into this turn. */
    previous_response_id: z.string().min(1).max(200).optional(),
  })
  .strict();
export type ResponsesExtras = z.infer<typeof ResponsesExtras>;
