// Tests (Node): the embeddings slice over a fake bridge: the job, its progress, the decoded vectors.
import { describe, expect, it } from "vitest";
import { encodeFloat32Base64 } from "../../shared/vectorCodec";
import { createAppStore } from "./createAppStore";
import { bridgeFailure, createFakeBridge } from "./fakeBridge";
import { openaiProfile, simulatorProfile, simulatorTag } from "./fixtures";

const JOB = "3f0f8a4e-5c1b-4d1e-9a57-0c9f3e0b1a01";

function setup() {
  const bridge = createFakeBridge();
  const store = createAppStore({ bridge, randomUUID: () => JOB });
  store.setState({ profiles: [simulatorProfile, openaiProfile], activeId: "simulator" });
  return { bridge, store };
}

describe("embeddings slice", () => {
  it("embeds the typed lines with the profile's default model, relaying progress, and decodes the vectors", async () => {
    const { bridge, store } = setup();
    const seen: number[] = [];
    store.subscribe((s) => s.embeddings.progress && seen.push(s.embeddings.progress.done));
    bridge.handle("embeddings.embed", ({ jobId, texts, model }) => {
      bridge.emit("embeddings.progress", { jobId, done: 1, total: 2, cached: 0 });
      return { jobId, model, dimensions: 2, count: texts.length, vectors: encodeFloat32Base64(Float32Array.from([1, 0, 0, 1])), cachedCount: 0, requestCount: 1, promptTokens: 4, provider: simulatorTag };
    });
    store.getState().setEmbeddingsInput({ textsInput: " cats \n\n dogs " });
    await store.getState().embedTexts();
    expect(bridge.callsTo("embeddings.embed")[0]).toEqual({ jobId: JOB, profileId: "simulator", model: "sim-embedding-1", dimensions: undefined, texts: ["cats", "dogs"] });
    const { embeddings } = store.getState();
    expect(embeddings.status).toBe("ready");
    expect(embeddings.set?.texts).toEqual(["cats", "dogs"]);
    expect(Array.from(embeddings.set?.vectors ?? [])).toEqual([1, 0, 0, 1]);
    expect(seen).toContain(1);
    expect(bridge.listenerCount("embeddings.progress")).toBe(0);
  });

  it("uses text-embedding-3-small for an OpenAI profile and asks for the chosen width", async () => {
    const { bridge, store } = setup();
    store.setState({ activeId: openaiProfile.id });
    bridge.handle("embeddings.embed", () => {
      throw bridgeFailure("invalid_key", "The server refused the API key (401).");
    });
    store.getState().setEmbeddingsInput({ textsInput: "x", dimensions: 256 });
    await store.getState().embedTexts();
    expect(bridge.callsTo("embeddings.embed")[0]).toMatchObject({ model: "text-embedding-3-small", dimensions: 256 });
    expect(store.getState().embeddings).toMatchObject({ status: "failed", error: { kind: "invalid_key" } });
  });

  it("refuses an empty list without calling the main side", async () => {
    const { bridge, store } = setup();
    await store.getState().embedTexts();
    expect(store.getState().embeddings.error?.message).toMatch(/at least one text/);
    expect(bridge.calls).toHaveLength(0);
  });
});
