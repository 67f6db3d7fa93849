// Both processes: the app settings a lesson preset may set besides the request (the safety
// switches, the active profile's fallback chain, the client retry policy), and how they apply over
// the learner's current settings.
import { z } from "zod";
import { FallbackChain } from "./reliability";
import { ClientPolicy } from "./retryPolicy";
import type { SafetySettings } from "./safety";

/** The safety switches a preset turns on or off; a switch left out keeps the learner's setting. */
export const PresetSafety = z
  .object({
    moderation: z.object({ input: z.boolean(), output: z.boolean() }).partial().strict().optional(),
    /** Redact the request before it is sent (with the learner's groups and custom patterns). */
    redaction: z.boolean().optional(),
  })
  .strict();
export type PresetSafety = z.infer<typeof PresetSafety>;

const policy = ClientPolicy.shape;
/**
 * Client policy fields a preset sets (attempts, back-off, timeouts, deadline); the others keep the
 * learner's values. The merged policy must still be valid (the cap at least the base delay).
 */
export const PresetPolicy = z
  .object({
    maxRetries: policy.maxRetries,
    baseDelayMs: policy.baseDelayMs,
    maxDelayMs: policy.maxDelayMs,
    jitter: policy.jitter,
    honourRetryAfter: policy.honourRetryAfter,
    requestTimeoutMs: policy.requestTimeoutMs,
    idleTimeoutMs: policy.idleTimeoutMs,
    deadlineMs: policy.deadlineMs,
  })
  .partial()
  .strict();
export type PresetPolicy = z.infer<typeof PresetPolicy>;

/** The settings part of a preset, as PlaygroundPreset carries it. */
export const PresetSettingsFields = {
  /** Safety switches to set when the preset loads. */
  safety: PresetSafety.optional(),
  /** The active profile's fallback chain while the preset is in use (replaces the saved chain). */
  fallbacks: FallbackChain.optional(),
  /** Client policy fields to set when the preset loads. */
  policy: PresetPolicy.optional(),
};

/** The learner's safety settings with the preset's switches applied (groups, patterns, model kept). */
export function applyPresetSafety(current: SafetySettings, preset: PresetSafety): SafetySettings {
  return {
    moderation: { ...current.moderation, ...preset.moderation },
    redaction: { ...current.redaction, ...(preset.redaction === undefined ? {} : { enabled: preset.redaction }) },
  };
}

/**
 * The learner's policy with the preset's fields applied, or the reason it is not a valid policy
 * (e.g. the learner's cap below the preset's base delay).
 */
export function applyPresetPolicy(current: ClientPolicy, preset: PresetPolicy): { ok: true; policy: ClientPolicy } | { ok: false; problem: string } {
  const merged = ClientPolicy.safeParse({ ...current, ...preset });
  if (merged.success) return { ok: true, policy: merged.data };
  return { ok: false, problem: merged.error.issues.map((i) => `${i.path.join(".") || "policy"}: ${i.message}`).join("; ") };
}

/** Phrases for what a preset's settings change, for "Try it"'s description ("redaction on", "a 1-step fallback chain"). */
export function presetSettingsPhrases(preset: { safety?: PresetSafety; fallbacks?: FallbackChain; policy?: PresetPolicy }): string[] {
  const phrases: string[] = [];
  const onOff = (on: boolean) => (on ? "on" : "off");
  const moderation = preset.safety?.moderation;
  if (moderation?.input !== undefined) phrases.push(`input moderation ${onOff(moderation.input)}`);
  if (moderation?.output !== undefined) phrases.push(`output moderation ${onOff(moderation.output)}`);
  if (preset.safety?.redaction !== undefined) phrases.push(`redaction ${onOff(preset.safety.redaction)}`);
  if (preset.fallbacks) phrases.push(preset.fallbacks.length ? `a ${preset.fallbacks.length}-step fallback chain` : "no fallback chain");
  if (preset.policy && Object.keys(preset.policy).length) phrases.push(`the retry policy's ${Object.keys(preset.policy).join(", ")}`);
  return phrases;
}
