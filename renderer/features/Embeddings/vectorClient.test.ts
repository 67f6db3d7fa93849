// Tests (Node): the vector client and engine wired together in-process, as the worker runs them.
import { describe, expect, it } from "vitest";
import { createVectorClient, type WorkerPort } from "./vectorClient";
import { createVectorEngine, MATRIX_BLOCK } from "./vectorEngine";
import type { VectorReply, VectorRequest } from "./vectorProtocol";

/** A client whose "worker" is an engine in the same thread (replies are delivered asynchronously). */
function inProcess() {
  let deliver: ((event: { data: VectorReply }) => void) | null = null;
  const engine = createVectorEngine((reply) => queueMicrotask(() => deliver?.({ data: reply })), () => Promise.resolve());
  const port: WorkerPort = {
    postMessage: (message: VectorRequest) => void engine.handle(message),
    set onmessage(fn) {
      deliver = fn;
    },
    get onmessage() {
      return deliver;
    },
    terminate: () => {},
  };
  return createVectorClient(port);
}

const texts = ["cats purr", "cats meow", "stocks fell", "bonds rose"];
// Two clusters: 0 and 1 point one way, 2 and 3 another.
const vectors = () => Float32Array.from([1, 0.1, 0, 2, 0.3, 0, 0, 1, 0.2, 0, 3, 0.3]);

describe("vector client and engine", () => {
  it("loads vectors, finds neighbours and searches by cosine", async () => {
    const client = inProcess();
    expect(await client.load(vectors(), 3, texts)).toEqual({ count: 4 });
    const near = await client.neighbours(0, 2);
    expect(near[0]?.index).toBe(1);
    expect(near.map((n) => n.index)).not.toContain(0);
    const hits = await client.search(Float32Array.from([0, 5, 0]), 2);
    expect(hits.map((h) => h.index).sort()).toEqual([2, 3]);
    expect(hits[0]?.score).toBeLessThanOrEqual(1);
  });

  it("does keyword search on the same texts", async () => {
    const client = inProcess();
    await client.load(vectors(), 3, texts);
    expect((await client.keyword("cats", 5)).map((h) => h.index)).toEqual([0, 1]);
  });

  it("sends the matrix block row by block row, symmetric with ones on the diagonal", async () => {
    const client = inProcess();
    const count = MATRIX_BLOCK + 6;
    const data = Float32Array.from({ length: count * 4 }, (_, i) => Math.cos(i));
    await client.load(data, 4, Array.from({ length: count }, (_, i) => `t${i}`));
    const full = new Float32Array(count * count);
    const blocks: [number, number][] = [];
    const done = await client.matrix(1000, (from, to, n, values) => {
      blocks.push([from, to]);
      full.set(values, from * n);
    });
    expect(done).toEqual({ count });
    expect(blocks).toEqual([[0, MATRIX_BLOCK], [MATRIX_BLOCK, count]]);
    for (let i = 0; i < count; i++) {
      expect(full[i * count + i]).toBeCloseTo(1, 5);
      expect(full[i * count + 3]).toBeCloseTo(full[3 * count + i]!, 6);
    }
  });

  it("limits the matrix to the first texts, projects with PCA and reports bad requests", async () => {
    const client = inProcess();
    await client.load(vectors(), 3, texts);
    expect(await client.matrix(2, () => {})).toEqual({ count: 2 });
    const { points } = await client.pca();
    expect(points).toHaveLength(8);
    expect(Math.sign(points[0]!)).toBe(Math.sign(points[2]!));
    expect(Math.sign(points[0]!)).not.toBe(Math.sign(points[4]!));
    await expect(client.neighbours(9, 2)).rejects.toThrow(/no text number 9/);
    await expect(client.load(vectors(), 3, ["one"])).rejects.toThrow(/1 texts but 4 vectors/);
  });
});
