// Tests (Node): the RAG slice over a fake bridge: chunk and embed, retrieve by cosine, run the
// grounded and plain questions through chat.start, and check the grounded answer.
import { describe, expect, it } from "vitest";
import { encodeFloat32Base64 } from "../../shared/vectorCodec";
import type { ChannelInput } from "../../shared/contract";
import { createAppStore } from "./createAppStore";
import { createFakeBridge } from "./fakeBridge";
import { finishedResult, simulatorProfile, simulatorTag } from "./fixtures";

/** Fake vectors: one axis per topic word, so retrieval is predictable. */
const TOPICS = ["bread", "office", "river"];
const vectorOf = (text: string) => Float32Array.from(TOPICS, (t) => (text.toLowerCase().includes(t) ? 1 : 0.01));

function setup(answer: (request: ChannelInput<"chat.start">) => string) {
  const bridge = createFakeBridge();
  let id = 0;
  const store = createAppStore({ bridge, randomUUID: () => `00000000-0000-4000-8000-${String(++id).padStart(12, "0")}` });
  store.setState({ profiles: [simulatorProfile], activeId: "simulator" });
  bridge.handle("embeddings.embed", ({ jobId, texts, model }) => {
    const block = new Float32Array(texts.length * 3);
    texts.forEach((t, i) => block.set(vectorOf(t), i * 3));
    return { jobId, model, dimensions: 3, count: texts.length, vectors: encodeFloat32Base64(block), cachedCount: 0, requestCount: 1, promptTokens: 5, provider: simulatorTag };
  });
  bridge.handle("chat.start", (input) => {
    queueMicrotask(() => bridge.emit("chat.finished", { result: finishedResult(input.runId, { choices: [{ index: 0, content: answer(input), refusal: null, toolCalls: [], finishReason: "stop" }] }) }));
    return { runId: input.runId };
  });
  return { bridge, store };
}

const documents = [{ name: "doc.md", text: "Bread dough rises for two hours. ".repeat(3) + "\n\nThe office opens at nine. ".repeat(3) + "\n\nThe river runs to the sea." }];

describe("rag slice", () => {
  it("embeds the chunks, retrieves the closest, and runs grounded and plain answers side by side", async () => {
    const { bridge, store } = setup((input) => ((input.request.messages[0]?.content ?? "").includes("NOT FOUND") ? "Two hours [1]." : "About an hour."));
    store.getState().setRagDocuments(documents);
    store.getState().setRagInput({ chunkOptions: { size: 40, overlap: 0 }, topK: 2, question: "How long does bread dough rise?" });
    await store.getState().indexDocuments();
    expect(store.getState().rag.indexStatus).toBe("ready");
    await store.getState().askQuestion();
    const { rag } = store.getState();
    expect(rag.askStatus).toBe("done");
    expect(rag.retrieved).toHaveLength(2);
    expect(rag.retrieved[0]?.chunk.text).toContain("Bread");
    expect(rag.grounded?.result?.choices[0]?.content).toBe("Two hours [1].");
    expect(rag.plain?.result?.choices[0]?.content).toBe("About an hour.");
    expect(rag.report?.ok).toBe(true);
    const starts = bridge.callsTo("chat.start");
    expect(starts).toHaveLength(2);
    expect(starts[0]?.request.messages[1]?.content).toMatch(/\[1\] \(doc\.md\) Bread dough/);
    expect(starts[0]?.request.temperature).toBe(0);
    expect(starts[1]?.request.messages.some((m) => m.content?.includes("Context passages"))).toBe(false);
    expect(bridge.listenerCount("chat.finished")).toBe(0);
  });

  it("flags an answer citing a chunk that was not retrieved", async () => {
    const { store } = setup(() => "Two hours [4].");
    store.getState().setRagDocuments(documents);
    store.getState().setRagInput({ chunkOptions: { size: 40, overlap: 0 }, topK: 2, question: "How long does bread dough rise?" });
    await store.getState().indexDocuments();
    await store.getState().askQuestion();
    expect(store.getState().rag.report?.invalid).toEqual([4]);
  });

  it("explains what is missing instead of calling the main side", async () => {
    const { bridge, store } = setup(() => "");
    await store.getState().askQuestion();
    expect(store.getState().rag.error?.message).toMatch(/Embed the documents first/);
    await store.getState().indexDocuments();
    expect(store.getState().rag.error?.message).toMatch(/Paste or load a document/);
    expect(bridge.calls).toHaveLength(0);
  });
});
