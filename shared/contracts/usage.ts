// Both processes: the usage monitor's channels: the request log (metadata only), its CSV export,
// and each profile's budget with what has been spent against it.
import { z } from "zod";
import { EmptyInput, Profile, ProviderKind } from "../schemas";
import { Budget } from "../reliability";
import { UsageFeature } from "../usageFeature";

/** Which part of the app sent a request (defined beside the run record, which carries it too). */
export { UsageFeature } from "../usageFeature";

/** Characters of input or output text one usage entry keeps at most (longer text is cut). */
export const MAX_LOGGED_TEXT = 20_000;

/** One line of the usage log: a request's metadata. No key, and no message text. */
export const UsageEntry = z.object({
  entryVersion: z.literal(1),
  /** Epoch ms when the request started. */
  time: z.number().int().nonnegative(),
  runId: z.string().max(64).nullable(),
  profileId: z.string().max(64),
  profileName: z.string().max(80),
  providerKind: ProviderKind,
  model: z.string().max(200),
  feature: UsageFeature,
  /** The saved experiment version the prompt came from ("id@version"), or null. */
  promptVersion: z.string().max(200).nullable(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  /** Dollars at the prices in use; null when the model's price is unknown. */
  costUsd: z.number().nonnegative().nullable(),
  latencyMs: z.number().nonnegative(),
  attempts: z.number().int().nonnegative(),
  /** ok, failed, stopped by the user, or refused by a budget before anything was sent. */
  status: z.enum(["ok", "failed", "stopped", "refused"]),
  errorKind: z.string().max(40).nullable(),
  httpStatus: z.number().int().nullable(),
  requestId: z.string().max(200).nullable(),
  /** The fallback step that answered (1-based), or null when the primary did or nothing did. */
  fallbackStep: z.number().int().positive().nullable(),
  /**
   * The message text, redacted, only when text logging is switched on in Settings: what was asked
   * (each message as "role: text") and what came back. Absent otherwise.
   */
  text: z.object({ input: z.string().max(MAX_LOGGED_TEXT), output: z.string().max(MAX_LOGGED_TEXT) }).optional(),
});
export type UsageEntry = z.infer<typeof UsageEntry>;

/** Spend over a period. */
export const Spend = z.object({ usd: z.number().nonnegative(), tokens: z.number().int().nonnegative() });
export type Spend = z.infer<typeof Spend>;

/** A profile's caps, what has been spent today and this month, and any warnings. */
export const BudgetStatus = z.object({
  profileId: z.string(),
  profileName: z.string(),
  budget: Budget,
  day: Spend,
  month: Spend,
  /** One sentence per cap at or past 80%. */
  warnings: z.array(z.string()),
});
export type BudgetStatus = z.infer<typeof BudgetStatus>;

const Since = z.object({ sinceMs: z.number().int().nonnegative().optional() }).strict();

/** The usage channels. */
export const usageChannels = {
  /** Logged requests since a time (default: the last 30 days), oldest first. */
  "usage.list": {
    input: Since,
    output: z.object({
      entries: z.array(UsageEntry),
      /** Lines of the log that could not be read: skipped. */
      damaged: z.number().int().nonnegative(),
      /** Whether message text is logged (off: only metadata). */
      textLogging: z.boolean(),
    }),
  },
  /** The same entries as CSV text (RFC 4180), header row first. */
  "usage.exportCsv": { input: Since, output: z.object({ csv: z.string(), rows: z.number().int().nonnegative() }) },
  /** Switches logging of the redacted message text with each entry (Settings; off by default). */
  "usage.setTextLogging": { input: z.object({ enabled: z.boolean() }).strict(), output: z.object({ textLogging: z.boolean() }) },
  /** Every profile's budget and spend. */
  "budgets.get": { input: EmptyInput, output: z.object({ budgets: z.array(BudgetStatus) }) },
  /** Saves a profile's caps. */
  "budgets.save": { input: z.object({ profileId: Profile.shape.id, budget: Budget }).strict(), output: BudgetStatus },
} as const;
