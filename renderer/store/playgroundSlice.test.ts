import { beforeEach, describe, expect, it } from "vitest";
import type { AppStore } from "./createAppStore";
import { createTestStore } from "./testStore";

let store: AppStore;

beforeEach(() => {
  ({ store } = createTestStore());
});

describe("playground edits", () => {
  it("keeps the JSON view in step with form edits", () => {
    store.getState().editRequest((r) => ({ ...r, seed: 5 }));
    expect(JSON.parse(store.getState().rawJson).seed).toBe(5);
  });

  it("takes valid JSON into the form but never lets invalid JSON clobber it", () => {
    const before = store.getState().request;
    store.getState().editRawJson('{"model": "sim-chat-1", "messages": []}');
    expect(store.getState().request).toBe(before);
    expect(store.getState().rawJsonError).toContain("messages");
    store.getState().editRawJson("{ nope");
    expect(store.getState().request).toBe(before);
    expect(store.getState().rawJson).toBe("{ nope"); // the user's text stays for them to fix

    const text = JSON.stringify({ model: "sim-chat-mini-1", messages: [{ role: "user", content: "hi" }], n: 2 });
    store.getState().editRawJson(text);
    expect(store.getState().request).toEqual({ model: "sim-chat-mini-1", messages: [{ role: "user", content: "hi" }], n: 2 });
    expect(store.getState().rawJsonError).toBeNull();
    expect(store.getState().rawJson).toBe(text); // not reformatted under the user's cursor
  });

  it("sets the model through the same path, so the JSON follows", () => {
    store.getState().setModel("sim-chat-mini-1");
    expect(store.getState().request.model).toBe("sim-chat-mini-1");
    expect(JSON.parse(store.getState().rawJson).model).toBe("sim-chat-mini-1");
  });

  it("a form edit replaces invalid JSON text and clears its error", () => {
    store.getState().editRawJson("{ nope");
    store.getState().editRequest((r) => ({ ...r, n: 3 }));
    expect(store.getState().rawJsonError).toBeNull();
    expect(JSON.parse(store.getState().rawJson).n).toBe(3);
  });

  it("remembers the chosen simulator failure", () => {
    expect(store.getState().simulatorFailure).toBe("none");
    store.getState().setSimulatorFailure("malformed_chunk");
    expect(store.getState().simulatorFailure).toBe("malformed_chunk");
  });
});
