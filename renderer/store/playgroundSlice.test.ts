import { beforeEach, describe, expect, it } from "vitest";
import type { AppStore } from "./createAppStore";
import { createTestStore } from "./testStore";

let store: AppStore;

beforeEach(() => {
  ({ store } = createTestStore());
});

describe("playground edits", () => {
  // These read the Chat Completions body; the Responses view has its own tests below.
  beforeEach(() => store.getState().setApi("chat"));

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

describe("replacing the draft", () => {
  const other = { model: "sim-chat-1", messages: [{ role: "user" as const, content: "From history" }] };

  it("clears the old answer, keeps the old draft and answer for Undo, and Undo brings both back", () => {
    store.getState().editRequest((r) => ({ ...r, messages: [{ role: "user", content: "Mine" }] }));
    const mine = store.getState().request;
    const answered = { ...store.getState().run, runId: "11111111-1111-4111-8111-111111111111", status: "done" as const };
    store.setState({ run: answered });
    expect(store.getState().replaceDraft(other, { label: "a run from History", simulatorFailure: "rate_limit" })).toBe(true);
    expect(store.getState().request).toEqual(other);
    expect(store.getState().simulatorFailure).toBe("rate_limit");
    expect(store.getState().run.runId).toBeNull();
    expect(store.getState().replacedDraft?.label).toBe("a run from History");
    store.getState().undoReplaceDraft();
    expect(store.getState().request).toBe(mine);
    expect(store.getState().simulatorFailure).toBe("none");
    expect(store.getState().run).toBe(answered);
    expect(store.getState().replacedDraft).toBeNull();
  });

  it("replaces nothing while a run streams, and says why", () => {
    store.setState({ run: { ...store.getState().run, runId: "11111111-1111-4111-8111-111111111111", status: "streaming" } });
    const before = store.getState().request;
    expect(store.getState().replaceDraft(other, { label: "x" })).toBe(false);
    expect(store.getState().request).toBe(before);
    expect(store.getState().notices.map((n) => n.text).join()).toContain("Stop the running request first");
  });

  it("Keep drops the undo offer and leaves the replacement", () => {
    store.getState().replaceDraft(other, { label: "x" });
    store.getState().dismissReplacedDraft();
    expect(store.getState().replacedDraft).toBeNull();
    expect(store.getState().request).toEqual(other);
  });
});

describe("the API of the draft", () => {
  it("starts on Responses for the simulator and shows the Responses body", () => {
    expect(store.getState().api).toBe("responses");
    const body = JSON.parse(store.getState().rawJson) as Record<string, unknown>;
    expect(body.instructions).toBe(store.getState().request.messages[0]?.content);
    expect(body.max_output_tokens).toBe(store.getState().request.max_completion_tokens);
  });

  it("switching lists what the other API cannot carry, keeps it in the draft, and a switch back sends it again", () => {
    store.getState().setApi("chat");
    store.getState().editRequest((r) => ({ ...r, seed: 4, n: 2 }));
    store.getState().setApi("responses");
    expect(store.getState().apiSwitch?.dropped.map((d) => d.param)).toEqual(["n", "seed"]);
    expect(JSON.parse(store.getState().rawJson)).not.toHaveProperty("seed");
    // Editing the Responses body by hand does not lose the seed either.
    const body = JSON.parse(store.getState().rawJson) as Record<string, unknown>;
    store.getState().editRawJson(JSON.stringify({ ...body, temperature: 0.2 }));
    expect(store.getState().rawJsonError).toBeNull();
    expect(store.getState().request).toMatchObject({ seed: 4, n: 2, temperature: 0.2 });
    store.getState().setApi("chat");
    expect(JSON.parse(store.getState().rawJson)).toMatchObject({ seed: 4, n: 2 });
  });

  it("keeps the Responses-only settings in the body and reads them back from it", () => {
    store.getState().editExtras(() => ({ previous_response_id: "resp_abc", reasoning_summary: "auto" }));
    const body = JSON.parse(store.getState().rawJson) as Record<string, unknown>;
    expect(body.previous_response_id).toBe("resp_abc");
    store.getState().editRawJson(JSON.stringify({ ...body, previous_response_id: "resp_def" }));
    expect(store.getState().responsesExtras).toEqual({ previous_response_id: "resp_def", reasoning_summary: "auto" });
  });
});
