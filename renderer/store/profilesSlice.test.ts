import { beforeEach, describe, expect, it } from "vitest";
import type { AppStore } from "./createAppStore";
import { bridgeFailure, type FakeBridge } from "./fakeBridge";
import { ollamaProfile } from "./fixtures";
import { createTestStore } from "./testStore";

let bridge: FakeBridge;
let store: AppStore;

beforeEach(() => {
  ({ bridge, store } = createTestStore());
});

describe("profiles", () => {
  beforeEach(async () => {
    await store.getState().loadProfiles();
  });

  it("switching the active profile takes its default model and loads its models", async () => {
    expect(await store.getState().setActiveProfile("work-openai")).toBeNull();
    expect(store.getState().activeId).toBe("work-openai");
    expect(store.getState().request.model).toBe("gpt-4o-mini");
    await Promise.resolve();
    expect(bridge.callsTo("models.list")).toEqual([{ profileId: "work-openai" }]);
  });

  it("keeps the model when the new profile has no default model", async () => {
    bridge.handle("profiles.save", (p) => ({ ...ollamaProfile, ...p }));
    await store.getState().saveProfile({ id: "ollama", name: "Ollama", kind: "compatible", baseURL: "http://localhost:11434/v1", defaultModel: "" });
    await store.getState().setActiveProfile("ollama");
    expect(store.getState().request.model).toBe("sim-chat-1");
  });

  it("stores only the key status the main side returns", async () => {
    bridge.handle("secrets.set", () => ({ hasKey: true, hint: "sk-...wxyz", source: "keychain" }));
    bridge.handle("secrets.clear", () => ({ hasKey: false, hint: "", source: "none" }));
    expect(await store.getState().setKey("work-openai", "sk-test-1234567890wxyz")).toBeNull();
    expect(store.getState().profiles.find((p) => p.id === "work-openai")?.key.hint).toBe("sk-...wxyz");
    expect(JSON.stringify(store.getState())).not.toContain("sk-test-1234567890wxyz");
    await store.getState().clearKey("work-openai");
    expect(store.getState().profiles.find((p) => p.id === "work-openai")?.key.hasKey).toBe(false);
  });

  it("returns the precise error when the keychain refuses a key", async () => {
    bridge.handle("secrets.set", () => {
      throw bridgeFailure("keychain_unavailable", "No keychain; set OPENAI_API_KEY instead.");
    });
    const error = await store.getState().setKey("work-openai", "sk-test-1234567890");
    expect(error).toMatchObject({ kind: "keychain_unavailable", message: "No keychain; set OPENAI_API_KEY instead." });
  });

  it("records a connection test's figures or its error", async () => {
    bridge.handle("profiles.test", ({ profileId }) => {
      if (profileId === "simulator") return { latencyMs: 12, modelCount: 4 };
      throw bridgeFailure("invalid_key", "Incorrect API key provided.", { status: 401 });
    });
    await store.getState().testConnection("simulator");
    await store.getState().testConnection("work-openai");
    expect(store.getState().connectionTests).toEqual({
      simulator: { status: "ok", latencyMs: 12, modelCount: 4 },
      "work-openai": { status: "failed", error: expect.objectContaining({ kind: "invalid_key", status: 401 }) },
    });
  });

  it("saves a new profile into the list and deletes it again", async () => {
    bridge.handle("profiles.save", (p) => ({ ...ollamaProfile, ...p }));
    bridge.handle("profiles.delete", () => ({ ok: true }));
    await store.getState().saveProfile({ id: "ollama", name: "Ollama", kind: "compatible", baseURL: "http://localhost:11434/v1", defaultModel: "llama3.2" });
    expect(store.getState().profiles.map((p) => p.id)).toEqual(["simulator", "work-openai", "ollama"]);
    expect(await store.getState().deleteProfile("ollama")).toBeNull();
    expect(store.getState().profiles.map((p) => p.id)).toEqual(["simulator", "work-openai"]);
  });

  it("ignores a model list that arrives after the user moved to another profile", async () => {
    let release: (v: { models: { id: string; ownedBy: string }[] }) => void = () => {};
    bridge.handle("models.list", ({ profileId }) =>
      profileId === "simulator" ? new Promise((resolve) => (release = resolve)) : { models: [{ id: "gpt-4o", ownedBy: "openai" }] },
    );
    const slow = store.getState().loadModels("simulator");
    await store.getState().loadModels("work-openai");
    release({ models: [{ id: "sim-chat-1", ownedBy: "sim" }] });
    await slow;
    expect(store.getState().models).toMatchObject({ profileId: "work-openai", models: [{ id: "gpt-4o" }] });
  });
});

