// Main process: keeps the learner's own settings before a lesson's "Try it" replaces them, in the
// settings file (so a restart loses nothing), and puts them back in one step. Only the first
// lesson to change a part keeps it: a second lesson must not keep the first lesson's values.
import { LessonSettingsBackup, type SettingsToKeep } from "../../shared/lessonSettingsBackup";
import type { ClientPolicy } from "../../shared/retryPolicy";
import type { FallbackChain } from "../../shared/reliability";
import type { SafetySettings } from "../../shared/safety";
import { DojoError } from "../errors";
import type { SettingsStore } from "./settingsStore";

export interface SettingsBackupDeps {
  store: SettingsStore;
  safety: { get(): SafetySettings; save(next: SafetySettings): SafetySettings };
  reliability: {
    policy(): ClientPolicy;
    savePolicy(policy: ClientPolicy): ClientPolicy;
    fallbacks(profileId: string): FallbackChain;
    saveFallbacks(profileId: string, steps: FallbackChain): FallbackChain;
  };
  now?: () => number;
}

export interface LessonSettingsBackupService {
  /** Keeps the parts a lesson is about to replace, unless already kept; returns the backup. */
  keep(parts: SettingsToKeep): LessonSettingsBackup | null;
  get(): LessonSettingsBackup | null;
  /** Puts every kept part back and forgets the backup; returns what was restored. */
  restore(): LessonSettingsBackup;
  /** Forgets the backup: the lesson's settings stay. */
  discard(): void;
}

export function createLessonSettingsBackup(deps: SettingsBackupDeps): LessonSettingsBackupService {
  const now = deps.now ?? Date.now;
  const write = (backup: LessonSettingsBackup | null) => deps.store.update((current) => ({ ...current, lessonBackup: backup }));
  return {
    keep(parts) {
      const kept = deps.store.read().lessonBackup;
      // A chain kept for another profile is not overwritten: one profile's chain is kept at a time.
      const keepChain = parts.fallbacksProfileId !== null && kept?.fallbacks == null;
      const next = LessonSettingsBackup.parse({
        lessonTitle: kept?.lessonTitle ?? parts.lessonTitle,
        savedAt: kept?.savedAt ?? now(),
        safety: kept?.safety ?? (parts.safety ? deps.safety.get() : null),
        policy: kept?.policy ?? (parts.policy ? deps.reliability.policy() : null),
        fallbacks: kept?.fallbacks ?? (keepChain && parts.fallbacksProfileId ? { profileId: parts.fallbacksProfileId, steps: deps.reliability.fallbacks(parts.fallbacksProfileId) } : null),
      });
      if (!next.safety && !next.policy && !next.fallbacks) return kept ?? null;
      write(next);
      return next;
    },
    get: () => deps.store.read().lessonBackup,
    restore() {
      const backup = deps.store.read().lessonBackup;
      if (!backup) throw new DojoError("not_found", "No settings were kept before a lesson changed them: there is nothing to restore.");
      if (backup.safety) deps.safety.save(backup.safety);
      if (backup.policy) deps.reliability.savePolicy(backup.policy);
      if (backup.fallbacks) deps.reliability.saveFallbacks(backup.fallbacks.profileId, backup.fallbacks.steps);
      write(null);
      return backup;
    },
    discard() {
      write(null);
    },
  };
}
