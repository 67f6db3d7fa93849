// Main process: moderation through the official SDK (`client.moderations.create`) with a profile's
// connection, turned into the verdict the renderer shows: flagged or not, every category's score.
// The call runs under the client policy (our retry loop, SDK retries off).
import type { ModerationVerdict } from "../../shared/safety";
import { DEFAULT_RETRY_POLICY, type ClientPolicy } from "../../shared/retryPolicy";
import { DojoError } from "../errors";
import { createCountingClient, type Connection } from "./openaiClient";
import { requestError } from "./reliability/policyError";
import { withPolicy } from "./reliability/withPolicy";
import type { PlainRequest } from "./usage/requestEntry";

/** The model the simulator serves for moderation. */
export const SIMULATOR_MODERATION_MODEL = "sim-moderation-1";
/** OpenAI's current moderation model (text and images). */
export const OPENAI_MODERATION_MODEL = "omni-moderation-latest";

/** The model to use: the configured one, else the simulator's for the simulator and OpenAI's otherwise. */
export function moderationModelFor(connection: Connection, configured: string): string {
  if (configured.trim()) return configured.trim();
  return connection.provider.kind === "simulator" ? SIMULATOR_MODERATION_MODEL : OPENAI_MODERATION_MODEL;
}

/** One text to check, with the label the verdict shows for it ("user message 2", "answer"). */
export interface LabelledText {
  label: string;
  text: string;
}

/**
 * Calls the moderation endpoint and sorts each text's categories by score; `policy` defaults to
 * DEFAULT_RETRY_POLICY; `onRequest` hears of the request once it settled (for the usage log).
 */
export type Moderate = (
  connection: Connection,
  texts: readonly LabelledText[],
  model: string,
  policy?: ClientPolicy,
  onRequest?: (request: PlainRequest) => void,
) => Promise<ModerationVerdict>;

/**
 * Moderates the texts in one call (the endpoint takes an array of strings). Throws a DojoError with
 * the precise, redacted reason when the call fails.
 */
export const moderateTexts: Moderate = async (connection, texts, model, policy = DEFAULT_RETRY_POLICY, onRequest) => {
  const counting = createCountingClient(connection, { requestTimeoutMs: policy.requestTimeoutMs, maxRetries: 0 });
  const startedAt = Date.now();
  const started = performance.now();
  const report = (requestId: string | null, error: PlainRequest["error"]) =>
    onRequest?.({ provider: connection.provider, model, startedAt, latencyMs: Math.round((performance.now() - started) * 10) / 10, attempts: counting.attempts(), promptTokens: 0, requestId, error });
  try {
    const { data: response, request_id } = await withPolicy(policy, (signal) => counting.client.moderations.create({ model, input: texts.map((t) => t.text) }, { signal }).withResponse());
    report(request_id, null);
    const results = response.results.map((result, i) => {
      const flags = result.categories as unknown as Record<string, boolean>;
      const scores = Object.entries(result.category_scores as unknown as Record<string, number>)
        .map(([category, score]) => ({ category, score, flagged: flags[category] === true }))
        .sort((a, b) => b.score - a.score || a.category.localeCompare(b.category));
      return { label: texts[i]?.label ?? `text ${i + 1}`, flagged: result.flagged, scores };
    });
    return { model: response.model, flagged: results.some((r) => r.flagged), results };
  } catch (err) {
    const error = requestError(err, connection, counting.attempts(), policy.requestTimeoutMs);
    report(null, { kind: error.kind, status: error.status, requestId: error.requestId });
    throw DojoError.from(error);
  }
};

/** "harassment 0.62, violence 0.74": the flagged categories of a verdict with their scores. */
export function flaggedSummary(verdict: ModerationVerdict): string {
  const seen = new Map<string, number>();
  for (const result of verdict.results) {
    for (const s of result.scores) if (s.flagged) seen.set(s.category, Math.max(seen.get(s.category) ?? 0, s.score));
  }
  return [...seen.entries()].map(([category, score]) => `${category} ${score.toFixed(2)}`).join(", ");
}
