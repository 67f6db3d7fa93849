// Tests (Node): the vector cache keeps vectors per space across restarts, stays within its bound,
// and moves a corrupt file aside.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createEmbeddingCache } from "./embeddingCache";

const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), "dojo-cache-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const vec = (...v: number[]) => Float32Array.from(v);

describe("embedding cache", () => {
  it("returns what was stored, per space, and again after a restart", () => {
    const dir = freshDir();
    const cache = createEmbeddingCache({ dir });
    cache.putMany("a", [{ text: "hello", vector: vec(1, 2) }]);
    expect(Array.from(cache.get("a", "hello") ?? [])).toEqual([1, 2]);
    expect(cache.get("b", "hello")).toBeNull();
    const reopened = createEmbeddingCache({ dir });
    expect(Array.from(reopened.get("a", "hello") ?? [])).toEqual([1, 2]);
  });

  it("drops the oldest vectors beyond its bound, in memory and on disk", () => {
    const dir = freshDir();
    // (32-byte key + 2 floats) = 40 bytes a vector: 120 bytes hold three.
    const cache = createEmbeddingCache({ dir, maxBytesPerSpace: 120 });
    for (let i = 0; i < 10; i++) cache.putMany("s", [{ text: `t${i}`, vector: vec(i, i) }]);
    expect(cache.get("s", "t6")).toBeNull();
    expect(Array.from(cache.get("s", "t9") ?? [])).toEqual([9, 9]);
    const [file] = readdirSync(dir);
    // Header (12 bytes) plus at most 1.25 x 3 records.
    expect(statSync(join(dir, file!)).size).toBeLessThanOrEqual(12 + 3 * 40 * 1.25);
    const reopened = createEmbeddingCache({ dir, maxBytesPerSpace: 120 });
    expect(["t7", "t8", "t9"].map((t) => reopened.get("s", t)?.[0])).toEqual([7, 8, 9]);
    expect(reopened.get("s", "t6")).toBeNull();
  });

  it("moves a file that does not parse aside and starts empty", () => {
    const dir = freshDir();
    createEmbeddingCache({ dir }).putMany("s", [{ text: "x", vector: vec(1) }]);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), "garbage");
    expect(createEmbeddingCache({ dir }).get("s", "x")).toBeNull();
    expect(readdirSync(dir).some((n) => n.includes(".corrupt-"))).toBe(true);
  });

  it("clears everything and says how much it removed", () => {
    const dir = freshDir();
    createEmbeddingCache({ dir }).putMany("s", [{ text: "x", vector: vec(1) }, { text: "y", vector: vec(2) }]);
    const cache = createEmbeddingCache({ dir });
    cache.putMany("t", [{ text: "z", vector: vec(3) }]);
    expect(cache.clear()).toBe(3);
    expect(createEmbeddingCache({ dir }).get("s", "x")).toBeNull();
  });
});
