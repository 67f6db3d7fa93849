import { beforeEach, describe, expect, it } from "vitest";
import type { AppStore } from "./createAppStore";
import { bridgeFailure, type FakeBridge } from "./fakeBridge";
import { appInfoWithProblems } from "./fixtures";
import { createTestStore } from "./testStore";

let bridge: FakeBridge;
let store: AppStore;

beforeEach(() => {
  ({ bridge, store } = createTestStore());
});

describe("ui slice", () => {
  it("starts on the playground and switches views", () => {
    expect(store.getState().view).toBe("playground");
    store.getState().setView("settings");
    expect(store.getState().view).toBe("settings");
  });

  it("keeps the app facts from app.info", async () => {
    bridge.handle("app.info", () => appInfoWithProblems);
    await store.getState().loadAppInfo();
    expect(store.getState().appInfo).toEqual(appInfoWithProblems);
  });

  it("leaves the keychain problem to its own notice: no raw banner with the D-Bus error", async () => {
    bridge.handle("app.info", () => appInfoWithProblems);
    await store.getState().loadAppInfo();
    expect(store.getState().notices.map((n) => n.text)).toEqual(appInfoWithProblems.notices);
  });

  it("reads the shell preferences, and falls back to defaults with a notice when they cannot be read", async () => {
    bridge.handle("ui.prefs.get", () => ({ welcomeSeen: true, dismissed: ["keychain"] }));
    await store.getState().loadUiPrefs();
    expect(store.getState().uiPrefs).toEqual({ welcomeSeen: true, dismissed: ["keychain"] });
    bridge.handle("ui.prefs.get", () => {
      throw bridgeFailure("internal", "settings unreadable");
    });
    await store.getState().loadUiPrefs();
    expect(store.getState().uiPrefs).toEqual({ welcomeSeen: false, dismissed: [] });
    expect(store.getState().notices.map((n) => n.text).join()).toContain("settings unreadable");
  });

  it("saves a dismissal for good once, keeping what else was saved", async () => {
    const saved: unknown[] = [];
    bridge.handle("ui.prefs.get", () => ({ welcomeSeen: true, dismissed: [] }));
    bridge.handle("ui.prefs.save", (prefs) => (saved.push(prefs), prefs));
    await store.getState().loadUiPrefs();
    await store.getState().dismissForGood("keychain");
    await store.getState().dismissForGood("keychain");
    expect(saved).toEqual([{ welcomeSeen: true, dismissed: ["keychain"] }]);
    expect(store.getState().uiPrefs?.dismissed).toEqual(["keychain"]);
  });

  it("shows an error banner when app.info fails", async () => {
    bridge.handle("app.info", () => {
      throw bridgeFailure("internal", "main side not ready");
    });
    await store.getState().loadAppInfo();
    expect(store.getState().notices).toEqual([expect.objectContaining({ tone: "error", text: expect.stringContaining("main side not ready") })]);
  });
});
