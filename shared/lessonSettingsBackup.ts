// Both processes: the learner's own settings, kept when a lesson's "Try it" first replaces them
// (safety switches, client policy, a profile's fallback chain), so they can be put back in one step.
import { z } from "zod";
import { FallbackChain } from "./reliability";
import { ClientPolicy } from "./retryPolicy";
import { SafetySettings } from "./safety";

/** What was kept: each part as it was before the first lesson that changed it; null when none did. */
export const LessonSettingsBackup = z
  .object({
    /** The lesson that first changed a setting, for the banner. */
    lessonTitle: z.string().max(200),
    /** When the first part was kept (epoch ms). */
    savedAt: z.number().int().nonnegative(),
    safety: SafetySettings.nullable(),
    policy: ClientPolicy.nullable(),
    fallbacks: z.object({ profileId: z.string().min(1).max(64), steps: FallbackChain }).nullable(),
  })
  .strict();
export type LessonSettingsBackup = z.infer<typeof LessonSettingsBackup>;

/** Which parts a lesson is about to replace. */
export const SettingsToKeep = z
  .object({
    lessonTitle: z.string().min(1).max(200),
    safety: z.boolean(),
    policy: z.boolean(),
    /** The profile whose fallback chain the lesson replaces, or null. */
    fallbacksProfileId: z.string().min(1).max(64).nullable(),
  })
  .strict();
export type SettingsToKeep = z.infer<typeof SettingsToKeep>;

/** What a backup holds, in words: "the safety switches, the client policy and the fallback chain of Work". */
export function backupParts(backup: Pick<LessonSettingsBackup, "safety" | "policy" | "fallbacks">, profileName: (id: string) => string = (id) => id): string[] {
  return [
    backup.safety ? "the safety switches" : null,
    backup.policy ? "the client policy" : null,
    backup.fallbacks ? `the fallback chain of ${profileName(backup.fallbacks.profileId)}` : null,
  ].filter((p): p is string => p !== null);
}
