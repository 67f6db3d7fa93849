// Renderer tests: a store over a fake bridge that answers the start-up calls like a fresh install.
import { createAppStore, type AppStore } from "./createAppStore";
import { createFakeBridge, type FakeBridge } from "./fakeBridge";
import { appInfoWithProblems, openaiProfile, simulatorProfile } from "./fixtures";

/** The run id the test store hands out. */
export const TEST_RUN_ID = "3f0f8a4e-5c1b-4d1e-9a57-0c9f3e0b1a01";

/** A fake bridge with the simulator active, an OpenAI profile, no draft, and a fixed run id. */
export function createTestStore(): { bridge: FakeBridge; store: AppStore } {
  const bridge = createFakeBridge();
  bridge.handle("app.info", () => ({ ...appInfoWithProblems, notices: [], keychainAvailable: true, keychainProblem: null }));
  bridge.handle("profiles.list", () => ({ profiles: [simulatorProfile, openaiProfile], activeId: "simulator" }));
  bridge.handle("draft.load", () => null);
  bridge.handle("models.list", ({ profileId }) => ({ models: [{ id: `${profileId}-model`, ownedBy: "test" }] }));
  bridge.handle("profiles.setActive", () => ({ ok: true }));
  bridge.handle("ui.prefs.get", () => ({ welcomeSeen: true, dismissed: [] }));
  bridge.handle("ui.prefs.save", (prefs) => prefs);
  return { bridge, store: createAppStore({ bridge, randomUUID: () => TEST_RUN_ID }) };
}
