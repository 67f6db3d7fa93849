// Both processes: the reliability settings saved with the app's settings: the client policy, the
// fallback chain of each profile and the spending caps of each profile.
import { z } from "zod";
import { Profile } from "./schemas";
import { ClientPolicy, DEFAULT_RETRY_POLICY } from "./retryPolicy";

/** One step of a fallback chain, tried in order when the primary request fails. */
export const FallbackStep = z.discriminatedUnion("kind", [
  /** The same profile with another model. */
  z.object({ kind: z.literal("model"), model: z.string().trim().min(1, "name the model").max(200) }).strict(),
  /** Another profile; "" as the model means that profile's default model. */
  z.object({ kind: z.literal("profile"), profileId: Profile.shape.id, model: z.string().trim().max(200) }).strict(),
  /** The last good answer to the same request, when there is one. */
  z.object({ kind: z.literal("cached") }).strict(),
  /** A fixed, safe message shown in place of an answer. */
  z.object({ kind: z.literal("message"), text: z.string().trim().min(1, "write the message").max(2000) }).strict(),
]);
export type FallbackStep = z.infer<typeof FallbackStep>;

/** A profile's fallback chain; at most a handful of steps. */
export const FallbackChain = z.array(FallbackStep).max(6);
export type FallbackChain = z.infer<typeof FallbackChain>;

const Dollars = z.number().finite().positive().max(1_000_000).nullable();
const Tokens = z.number().int().positive().max(1_000_000_000_000).nullable();

/**
 * A profile's spending caps; null means no cap. Dollar caps use the price table; token caps also
 * work for the simulator, whose models are free.
 */
export const Budget = z
  .object({ dailyUsd: Dollars, monthlyUsd: Dollars, dailyTokens: Tokens, monthlyTokens: Tokens })
  .strict();
export type Budget = z.infer<typeof Budget>;

/** No caps at all. */
export const NO_BUDGET: Budget = Object.freeze({ dailyUsd: null, monthlyUsd: null, dailyTokens: null, monthlyTokens: null });

/** The fraction of a cap at which a warning shows. */
export const BUDGET_WARNING_FRACTION = 0.8;

/** Everything reliability keeps in the settings file. */
export const ReliabilitySettings = z
  .object({
    policy: ClientPolicy,
    fallbacks: z.record(Profile.shape.id, FallbackChain),
    budgets: z.record(Profile.shape.id, Budget),
    /** Log each request's message text, redacted, with its usage entry; off: metadata only. */
    logUsageText: z.boolean().default(false),
  })
  .strict();
export type ReliabilitySettings = z.infer<typeof ReliabilitySettings>;

/** The reliability settings of a first launch. */
export function defaultReliabilitySettings(): ReliabilitySettings {
  return { policy: { ...DEFAULT_RETRY_POLICY }, fallbacks: {}, budgets: {}, logUsageText: false };
}

/** A step in a few words, for the timeline and the settings list. */
export function describeFallbackStep(step: FallbackStep, profileName: (id: string) => string = (id) => id): string {
  switch (step.kind) {
    case "model":
      return `model ${step.model}`;
    case "profile":
      return `profile ${profileName(step.profileId)}${step.model ? ` (${step.model})` : ""}`;
    case "cached":
      return "the last good answer to the same request";
    case "message":
      return `a fixed message: "${step.text.length > 60 ? `${step.text.slice(0, 57)}...` : step.text}"`;
  }
}
