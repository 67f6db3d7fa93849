import { beforeEach, describe, expect, it } from "vitest";
import { defaultChatRequest } from "../../shared/chatRequest";
import type { PlaygroundDraft } from "../../shared/contract";
import { bootApp } from "./boot";
import type { AppStore } from "./createAppStore";
import { bridgeFailure, type FakeBridge } from "./fakeBridge";
import { appInfoWithProblems } from "./fixtures";
import { createTestStore } from "./testStore";

let bridge: FakeBridge;
let store: AppStore;

beforeEach(() => {
  ({ bridge, store } = createTestStore());
});

describe("start-up", () => {
  it("starts from the default request on first launch and loads the active profile's models", async () => {
    await bootApp(store);
    const s = store.getState();
    expect(s.draftLoaded).toBe(true);
    expect(s.request).toEqual(defaultChatRequest("sim-chat-1"));
    expect(s.models).toMatchObject({ profileId: "simulator", status: "ready" });
    expect(s.models.models.map((m) => m.id)).toEqual(["simulator-model"]);
  });

  it("restores a saved draft, reactivating its profile without losing the draft's model", async () => {
    const draft: PlaygroundDraft = {
      version: 1,
      profileId: "work-openai",
      request: { ...defaultChatRequest("gpt-4.1"), seed: 9 },
      simulatorFailure: "rate_limit",
      updatedAt: 1,
    };
    bridge.handle("draft.load", () => draft);
    await bootApp(store);
    const s = store.getState();
    expect(s.activeId).toBe("work-openai");
    expect(bridge.callsTo("profiles.setActive")).toEqual([{ profileId: "work-openai" }]);
    expect(s.request).toEqual(draft.request);
    expect(s.simulatorFailure).toBe("rate_limit");
    // An older draft has no API: it takes the OpenAI profile's default, Responses, and says the seed stays behind.
    expect(s.api).toBe("responses");
    expect(s.apiSwitch?.dropped.map((d) => d.param)).toEqual(["seed"]);
    expect(JSON.parse(s.rawJson)).toMatchObject({ model: "gpt-4.1", instructions: draft.request.messages[0]?.content });
  });

  it("keeps the active profile when the draft's profile no longer exists", async () => {
    bridge.handle("draft.load", () => ({ version: 1, profileId: "gone", request: defaultChatRequest("x"), updatedAt: 1 }));
    await bootApp(store);
    expect(store.getState().activeId).toBe("simulator");
    expect(store.getState().request.model).toBe("x");
    expect(bridge.callsTo("profiles.setActive")).toEqual([]);
  });

  it("turns start-up notices into one banner each (the keychain has its own notice)", async () => {
    bridge.handle("app.info", () => appInfoWithProblems);
    await store.getState().loadAppInfo();
    await store.getState().loadAppInfo(); // a second read does not duplicate banners
    const texts = store.getState().notices.map((n) => n.text);
    expect(texts).toEqual([appInfoWithProblems.notices[0]]);
    store.getState().dismissNotice(store.getState().notices[0]!.id);
    expect(store.getState().notices).toEqual([]);
  });

  it("falls back to the default request with a banner when the draft cannot be read", async () => {
    bridge.handle("draft.load", () => {
      throw bridgeFailure("internal", "draft file unreadable");
    });
    await bootApp(store);
    expect(store.getState().draftLoaded).toBe(true);
    expect(store.getState().notices.some((n) => n.text.includes("draft file unreadable"))).toBe(true);
  });
});


describe("the first screen", () => {
  it("is the welcome page on a first start with no route, and the route's view otherwise", async () => {
    bridge.handle("ui.prefs.get", () => ({ welcomeSeen: false, dismissed: [] }));
    await bootApp(store);
    expect(store.getState().view).toBe("welcome");

    ({ bridge, store } = createTestStore());
    bridge.handle("ui.prefs.get", () => ({ welcomeSeen: false, dismissed: [] }));
    await bootApp(store, { routeGiven: true });
    expect(store.getState().view).toBe("playground");

    ({ bridge, store } = createTestStore());
    await bootApp(store);
    expect(store.getState().view).toBe("playground"); // welcome already seen
  });
});
