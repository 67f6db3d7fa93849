// Tests (renderer): the usage slice's text logging switch: read with the log, saved through
// usage.setTextLogging, and a refusal shown rather than the switch flipping on its own.
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
