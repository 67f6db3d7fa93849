// Tests of the settings kept before a lesson's "Try it": the first lesson's copy wins, it survives
// reopening the settings file, and restoring puts every kept part back through the real services.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY } from "../../shared/retryPolicy";
import { createLessonSettingsBackup } from "./lessonSettingsBackup";
import { createReliabilityStore } from "./reliability/reliabilityStore";
import { createSafetyService } from "./safety";
import { openTestSettingsStore } from "../../test/fixtures/settingsStore";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dojo-lessonbackup-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The real services over the settings file in `dir` (reopened on every call, as after a restart). */
function open() {
  const store = openTestSettingsStore(dir);
  const safety = createSafetyService({ store });
  const reliability = createReliabilityStore(store);
  return { safety, reliability, backup: createLessonSettingsBackup({ store, safety, reliability, now: () => 1_700_000_000_000 }) };
}

describe("the lesson settings backup", () => {
  it("keeps the learner's own settings once, survives a restart, and restores them all", () => {
    const first = open();
    const own = first.safety.get();
    first.reliability.savePolicy({ ...DEFAULT_RETRY_POLICY, maxRetries: 5 });
    first.reliability.saveFallbacks("simulator", [{ kind: "model", model: "sim-chat-mini-1" }]);
    // Lesson A replaces the safety switches and the policy.
    expect(first.backup.keep({ lessonTitle: "Lesson A", safety: true, policy: true, fallbacksProfileId: null })).toMatchObject({ lessonTitle: "Lesson A", safety: own, policy: { maxRetries: 5 }, fallbacks: null });
    first.safety.save({ ...own, redaction: { ...own.redaction, enabled: !own.redaction.enabled } });
    first.reliability.savePolicy({ ...DEFAULT_RETRY_POLICY, maxRetries: 1 });
    // Lesson B replaces the policy again and the chain: the policy kept is still the learner's.
    first.backup.keep({ lessonTitle: "Lesson B", safety: false, policy: true, fallbacksProfileId: "simulator" });
    first.reliability.saveFallbacks("simulator", []);

    const later = open();
    expect(later.backup.get()).toMatchObject({ lessonTitle: "Lesson A", savedAt: 1_700_000_000_000, policy: { maxRetries: 5 }, fallbacks: { profileId: "simulator", steps: [{ kind: "model", model: "sim-chat-mini-1" }] } });
    const restored = later.backup.restore();
    expect(restored.lessonTitle).toBe("Lesson A");
    expect(later.safety.get()).toEqual(own);
    expect(later.reliability.policy().maxRetries).toBe(5);
    expect(later.reliability.fallbacks("simulator")).toEqual([{ kind: "model", model: "sim-chat-mini-1" }]);
    expect(open().backup.get()).toBeNull();
    expect(() => later.backup.restore()).toThrow(/nothing to restore/);
  });

  it("keeps nothing for a lesson that replaces nothing, and forgets the copy on discard", () => {
    const { backup, reliability } = open();
    expect(backup.keep({ lessonTitle: "Plain", safety: false, policy: false, fallbacksProfileId: null })).toBeNull();
    backup.keep({ lessonTitle: "Policy", safety: false, policy: true, fallbacksProfileId: null });
    reliability.savePolicy({ ...DEFAULT_RETRY_POLICY, maxRetries: 0 });
    backup.discard();
    expect(backup.get()).toBeNull();
    expect(reliability.policy().maxRetries).toBe(0);
  });
});
