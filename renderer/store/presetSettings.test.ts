// Tests of "Try it" applying a lesson preset's settings over a fake bridge: switches merged over
// the learner's, the policy merged and validated, the chain saved for the active profile.
import { describe, expect, it } from "vitest";
import type { PlaygroundPreset } from "../../shared/lesson";
import { DEFAULT_RETRY_POLICY } from "../../shared/retryPolicy";
import { defaultSafetySettings } from "../../shared/safety";
import { createTestStore } from "./testStore";

const request = { model: "sim-chat-1", messages: [{ role: "user" as const, content: "Hi" }] };

function setup() {
  const { bridge, store } = createTestStore();
  const learner = defaultSafetySettingsWithLearnerEdits();
  bridge.handle("safety.get", () => learner);
  bridge.handle("safety.save", (next) => next);
  bridge.handle("policy.get", () => ({ ...DEFAULT_RETRY_POLICY, maxDelayMs: 2_000 }));
  bridge.handle("policy.save", (next) => next);
  bridge.handle("fallbacks.save", ({ steps }) => ({ steps }));
  bridge.handle("lessons.keepSettings", (parts) => ({
    backup: { lessonTitle: parts.lessonTitle, savedAt: 1, safety: parts.safety ? learner : null, policy: null, fallbacks: null },
  }));
  return { bridge, store };
}

/** The learner's safety settings as setup() makes them. */
function defaultSafetySettingsWithLearnerEdits() {
  const learner = defaultSafetySettings();
  learner.moderation.model = "my-moderation-model";
  learner.redaction.groups.phone = false;
  return learner;
}

describe("applyPresetSettings", () => {
  it("turns the preset's switches on and keeps the learner's other safety settings", async () => {
    const { bridge, store } = setup();
    const problems = await store.getState().applyPresetSettings({ request, simulatorFailure: "none", safety: { redaction: true, moderation: { input: true } } });
    expect(problems).toEqual([]);
    const saved = bridge.callsTo("safety.save")[0]!;
    expect(saved.redaction.enabled).toBe(true);
    expect(saved.redaction.groups.phone).toBe(false);
    expect(saved.moderation).toEqual({ input: true, output: false, model: "my-moderation-model" });
    expect(store.getState().notices.at(-1)?.text).toMatch(/input moderation on, redaction on\. Your own settings are kept/);
    // The learner's settings were kept before anything was replaced.
    const order = bridge.calls.map((c) => c.channel).filter((c) => c === "lessons.keepSettings" || c === "safety.save");
    expect(order).toEqual(["lessons.keepSettings", "safety.save"]);
    expect(bridge.callsTo("lessons.keepSettings")[0]).toEqual({ lessonTitle: "a lesson", safety: true, policy: false, fallbacksProfileId: null });
    expect(store.getState().settingsBackup?.safety).toEqual(defaultSafetySettingsWithLearnerEdits());
  });

  it("replaces nothing when the learner's settings cannot be kept first", async () => {
    const { bridge, store } = setup();
    bridge.handle("lessons.keepSettings", () => {
      throw new Error("the settings file is read-only");
    });
    const problems = await store.getState().applyPresetSettings({ request, simulatorFailure: "none", safety: { redaction: true }, policy: { maxRetries: 3 } });
    expect(problems.join()).toMatch(/read-only/);
    expect(bridge.callsTo("safety.save")).toEqual([]);
    expect(bridge.callsTo("policy.save")).toEqual([]);
    expect(store.getState().notices.at(-1)?.text).toMatch(/were not applied: your own could not be kept first/);
  });

  it("merges policy fields over the saved policy and saves the chain for the active profile", async () => {
    const { bridge, store } = setup();
    await store.getState().applyPresetSettings({ request, simulatorFailure: "none", policy: { maxRetries: 3, jitter: 0 }, fallbacks: [{ kind: "model", model: "sim-chat-mini-1" }] });
    expect(bridge.callsTo("policy.save")[0]).toEqual({ ...DEFAULT_RETRY_POLICY, maxDelayMs: 2_000, maxRetries: 3, jitter: 0 });
    expect(bridge.callsTo("fallbacks.save")[0]).toEqual({ profileId: store.getState().activeId, steps: [{ kind: "model", model: "sim-chat-mini-1" }] });
  });

  it("refuses a merged policy that is invalid, says why, and saves nothing", async () => {
    const { bridge, store } = setup();
    // The learner's cap is 2 s: a 5 s base delay would put the cap below the base.
    const problems = await store.getState().applyPresetSettings({ request, simulatorFailure: "none", policy: { baseDelayMs: 5_000 } });
    expect(problems.join()).toMatch(/cap must be at least the base delay/);
    expect(bridge.callsTo("policy.save")).toEqual([]);
    expect(store.getState().notices.at(-1)?.tone).toBe("warning");
  });

  it("changes nothing for a preset without settings", async () => {
    const { bridge, store } = setup();
    const preset: PlaygroundPreset = { request, simulatorFailure: "none" };
    expect(await store.getState().applyPresetSettings(preset)).toEqual([]);
    expect(bridge.calls.filter((c) => /^(safety|policy|fallbacks)\.|keepSettings/.test(c.channel))).toEqual([]);
  });
});
