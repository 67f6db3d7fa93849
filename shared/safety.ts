// Both processes: the safety schemas: the switches for moderation and redaction (saved with the
// settings), a moderation verdict as the renderer sees it, and what a run record keeps of redaction
// and moderation.
import { z } from "zod";
import { customPatternProblem } from "./redaction";

/** A user's redaction pattern, refused when unusable (bad name, invalid or risky regex). */
export const CustomPatternSetting = z
  .object({
    name: z.string().trim().max(24),
    pattern: z.string().max(300),
    caseInsensitive: z.boolean(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const problem = customPatternProblem(p);
    if (problem) ctx.addIssue({ code: "custom", path: ["pattern"], message: `${p.name || "pattern"}: ${problem}` });
  });
export type CustomPatternSetting = z.infer<typeof CustomPatternSetting>;

/** Moderation and redaction switches; everything is off until the user turns it on. */
export const SafetySettings = z
  .object({
    moderation: z
      .object({
        /** Check the input before it is sent; a flagged input is not sent. */
        input: z.boolean(),
        /** Check the output before it is shown; a flagged output is withheld until "show anyway". */
        output: z.boolean(),
        /** The moderation model; "" picks the profile's default (sim-moderation-1 or omni-moderation-latest). */
        model: z.string().trim().max(100),
      })
      .strict(),
    redaction: z
      .object({
        /** Redact the request before it leaves the machine. */
        enabled: z.boolean(),
        groups: z.object({ email: z.boolean(), phone: z.boolean(), card: z.boolean(), iban: z.boolean(), secrets: z.boolean() }).strict(),
        custom: z.array(CustomPatternSetting).max(20),
      })
      .strict()
      .superRefine((r, ctx) => {
        const names = r.custom.map((c) => c.name);
        names.forEach((name, i) => {
          if (names.indexOf(name) !== i) ctx.addIssue({ code: "custom", path: ["custom", i, "name"], message: `the name ${name} is used twice` });
        });
      }),
  })
  .strict();
export type SafetySettings = z.infer<typeof SafetySettings>;

/** What a fresh install uses: all off, every redaction group ready once redaction is on. */
export function defaultSafetySettings(): SafetySettings {
  return {
    moderation: { input: false, output: false, model: "" },
    redaction: { enabled: false, groups: { email: true, phone: true, card: true, iban: true, secrets: true }, custom: [] },
  };
}

/** One category's score for one text. */
export const ModerationScore = z.object({ category: z.string(), score: z.number().min(0).max(1), flagged: z.boolean() });
export type ModerationScore = z.infer<typeof ModerationScore>;

/** The moderation endpoint's answer, per text checked, categories sorted by score. */
export const ModerationVerdict = z.object({
  model: z.string(),
  flagged: z.boolean(),
  results: z.array(
    z.object({
      /** Which text this is: "user message 2", "answer", ... */
      label: z.string(),
      flagged: z.boolean(),
      scores: z.array(ModerationScore),
    }),
  ),
});
export type ModerationVerdict = z.infer<typeof ModerationVerdict>;

/** What a run record keeps of redaction: whether it ran and how many values of each kind; never a value. */
export const RedactionSummary = z.object({
  applied: z.boolean(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type RedactionSummary = z.infer<typeof RedactionSummary>;

/**
 * What a run record keeps of one moderation of the run: the stage, whether it was flagged and the
 * flagged categories (never the text). `error` says why the check itself failed (then not flagged).
 */
export const ModerationRecord = z.object({
  stage: z.enum(["input", "output"]),
  model: z.string(),
  flagged: z.boolean(),
  /** The categories flagged in any of the texts checked, sorted. */
  categories: z.array(z.string()),
  error: z.string().nullable(),
});
export type ModerationRecord = z.infer<typeof ModerationRecord>;

/** A verdict as a run record keeps it. */
export function moderationRecordOf(stage: ModerationRecord["stage"], verdict: ModerationVerdict): ModerationRecord {
  const categories = new Set(verdict.results.flatMap((r) => r.scores.filter((s) => s.flagged).map((s) => s.category)));
  return { stage, model: verdict.model, flagged: verdict.flagged, categories: [...categories].sort(), error: null };
}
