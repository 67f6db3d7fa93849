// Tests (renderer): the usage slice's text logging switch: read with the log, saved through
// usage.setTextLogging, and a refusal shown rather than the switch flipping on its own; budget
// warnings taken down once the cap that gave them changes.
import { beforeEach, describe, expect, it } from "vitest";
import type { AppStore } from "./createAppStore";
import { bridgeFailure, type FakeBridge } from "./fakeBridge";
import { createTestStore } from "./testStore";

let bridge: FakeBridge;
let store: AppStore;

beforeEach(() => {
  ({ bridge, store } = createTestStore());
  bridge.handle("usage.list", () => ({ entries: [], damaged: 0, textLogging: false }));
});

describe("usage text logging", () => {
  it("is unknown until the log is read, then off as the main side says", async () => {
    expect(store.getState().usage.textLogging).toBeNull();
    await store.getState().loadUsage(0);
    expect(store.getState().usage.textLogging).toBe(false);
  });

  it("saves the switch and shows what the main side kept", async () => {
    bridge.handle("usage.setTextLogging", ({ enabled }) => ({ textLogging: enabled }));
    await store.getState().setUsageTextLogging(true);
    expect(bridge.callsTo("usage.setTextLogging")).toEqual([{ enabled: true }]);
    expect(store.getState().usage.textLogging).toBe(true);
  });

  it("keeps the switch as it was and says so when saving fails", async () => {
    await store.getState().loadUsage(0);
    bridge.handle("usage.setTextLogging", () => {
      throw bridgeFailure("internal", "disk full");
    });
    await store.getState().setUsageTextLogging(true);
    expect(store.getState().usage.textLogging).toBe(false);
    expect(store.getState().usage.error).toContain("disk full");
  });
});

describe("budget warnings", () => {
  const status = (warnings: string[], dailyTokens: number | null) => ({
    profileId: "simulator",
    profileName: "Simulator",
    budget: { dailyUsd: null, monthlyUsd: null, dailyTokens, monthlyTokens: null },
    day: { usd: 0, tokens: 40 },
    month: { usd: 0, tokens: 40 },
    warnings,
  });

  it("leave the screen as soon as a saved cap no longer gives them, and other notices stay", async () => {
    const warning = "Simulator has used 80% of its daily token cap.";
    bridge.handle("budgets.get", () => ({ budgets: [status([warning], 50)] }));
    await store.getState().loadBudgets();
    store.getState().addNotice(`Budget warning: ${warning}`, "warning");
    store.getState().addNotice("settings.json was moved aside.", "warning");
    bridge.handle("budgets.save", () => status([], null));
    expect(await store.getState().saveBudget("simulator", { dailyUsd: null, monthlyUsd: null, dailyTokens: null, monthlyTokens: null })).toBe(true);
    expect(store.getState().notices.map((n) => n.text)).toEqual(["settings.json was moved aside."]);
  });

  it("stay while the cap still gives them", async () => {
    const warning = "Simulator has used 90% of its daily token cap.";
    bridge.handle("budgets.get", () => ({ budgets: [status([warning], 50)] }));
    store.getState().addNotice(`Budget warning: ${warning}`, "warning");
    await store.getState().loadBudgets();
    expect(store.getState().notices.map((n) => n.text)).toEqual([`Budget warning: ${warning}`]);
  });
});
