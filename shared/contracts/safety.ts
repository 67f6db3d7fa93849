// Both processes: the safety channels (moderation and redaction settings, a moderation check, the
// redaction preview) and the event that reports each moderation of a run.
import { z } from "zod";
import { ChatRequest, EmptyInput, Profile } from "../schemas";
import { ModerationVerdict, SafetySettings } from "../safety";
import { RequestApi, ResponsesExtras } from "../api/requestApi";

/** Which side of a run a moderation checked. */
export const ModerationStage = z.enum(["input", "output"]);
export type ModerationStage = z.infer<typeof ModerationStage>;

/** The safety channels. */
export const safetyChannels = {
  /** The saved moderation and redaction switches. */
  "safety.get": { input: EmptyInput, output: SafetySettings },
  /** Saves the switches (custom patterns are validated); returns what was saved. */
  "safety.save": { input: SafetySettings, output: SafetySettings },
  /** Moderates texts now with a profile's connection (the panel's "check now"). */
  "safety.moderate": {
    input: z
      .object({
        profileId: Profile.shape.id,
        texts: z.array(z.object({ label: z.string().max(80), text: z.string().max(100_000) })).min(1).max(32),
      })
      .strict(),
    output: ModerationVerdict,
  },
  /**
   * Exactly the JSON body a run of this request would send now, after redaction when it is on, and
   * how many values of each kind were replaced. The placeholders' values are not returned.
   */
  "safety.preview": {
    input: z.object({ request: ChatRequest, api: RequestApi.optional(), responses: ResponsesExtras.optional() }).strict(),
    output: z.object({
      applied: z.boolean(),
      counts: z.record(z.string(), z.number().int().nonnegative()),
      body: z.record(z.string(), z.unknown()),
    }),
  },
} as const;

/** The safety events. */
export const safetyEvents = {
  /**
   * A run's input (before sending) or output (before the answer is shown) was moderated. `verdict`
   * is null when the check itself failed; `error` then says why (the input was not sent, or the
   * output is withheld).
   */
  "safety.moderated": z.object({
    runId: z.uuid(),
    stage: ModerationStage,
    verdict: ModerationVerdict.nullable(),
    error: z.string().nullable(),
  }),
} as const;
