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

  it("does not repeat the keychain problem when the main side already listed it", async () => {
    const problem = appInfoWithProblems.keychainProblem!;
    bridge.handle("app.info", () => ({ ...appInfoWithProblems, notices: [`Keychain: ${problem}`] }));
    await store.getState().loadAppInfo();
    expect(store.getState().notices.map((n) => n.text)).toEqual([`Keychain: ${problem}`]);
  });

  it("shows an error banner when app.info fails", async () => {
    bridge.handle("app.info", () => {
      throw bridgeFailure("internal", "main side not ready");
    });
    await store.getState().loadAppInfo();
    expect(store.getState().notices).toEqual([expect.objectContaining({ tone: "error", text: expect.stringContaining("main side not ready") })]);
  });
});
