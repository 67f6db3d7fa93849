// Renderer: applies the app settings a lesson preset carries (safety switches, the active profile's
// fallback chain, client policy fields) through the existing safety and reliability channels.
import { applyPresetPolicy, applyPresetSafety, presetSettingsPhrases } from "../../shared/lessonPresetSettings";
import type { PlaygroundPreset } from "../../shared/lesson";
import type { Bridge } from "../bridge";
import { toAppError } from "./toAppError";
import type { AppState } from "./types";

/**
 * Keeps the learner's settings, saves the preset's over them and tells the learner what changed,
 * since these settings outlive the lesson. Resolves with the problems met
 * (empty when everything was applied); a preset without settings changes nothing.
 */
export async function applyPresetSettings(preset: PlaygroundPreset, get: () => AppState, bridge: Bridge, lessonTitle = ""): Promise<string[]> {
  const changes = presetSettingsPhrases(preset);
  if (!changes.length) return [];
  const problems: string[] = [];
  // The learner's own settings are kept first (main side, in the settings file); without that,
  // nothing is replaced.
  try {
    const { backup } = await bridge.call("lessons.keepSettings", {
      lessonTitle: lessonTitle.slice(0, 200) || "a lesson",
      safety: preset.safety !== undefined,
      policy: preset.policy !== undefined,
      fallbacksProfileId: preset.fallbacks ? get().activeId : null,
    });
    get().setSettingsBackup(backup);
  } catch (err) {
    get().addNotice(`The lesson's settings were not applied: your own could not be kept first (${toAppError(err).message}).`, "warning");
    return [toAppError(err).message];
  }
  try {
    if (preset.safety) {
      const current = get().safety.settings ?? (await bridge.call("safety.get", {}));
      await get().saveSafety(applyPresetSafety(current, preset.safety));
      const error = get().safety.error;
      if (error) problems.push(`the safety switches: ${error}`);
    }
    if (preset.policy) {
      const current = get().reliability.policy ?? (await bridge.call("policy.get", {}));
      const merged = applyPresetPolicy(current, preset.policy);
      if (!merged.ok) problems.push(`the retry policy: ${merged.problem}`);
      else if (!(await get().savePolicy(merged.policy))) problems.push(`the retry policy: ${get().reliability.error ?? "not saved"}`);
    }
    if (preset.fallbacks) {
      const profileId = get().activeId;
      if (!(await get().saveFallbacks(profileId, preset.fallbacks))) problems.push(`the fallback chain: ${get().reliability.error ?? "not saved"}`);
    }
  } catch (err) {
    problems.push(toAppError(err).message);
  }
  if (problems.length) get().addNotice(`The lesson's settings were not all applied: ${problems.join("; ")}.`, "warning");
  else get().addNotice(`The lesson set ${changes.join(", ")}. Your own settings are kept: "Restore my settings" in Lessons or Settings puts them back.`, "info");
  return problems;
}
