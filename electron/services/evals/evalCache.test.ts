// Tests (main process): the evaluation cache file: answers found again after a restart, and the file
// kept within its bound by dropping the oldest answers first.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheKey, openEvalCache, type CachedAnswer } from "./evalCache";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dojo-evalcache-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const answer = (n: number): CachedAnswer => ({
  key: cacheKey("http://sim/v1", { model: "sim-chat-1", messages: [{ role: "user", content: `case ${n}` }] }),
  runId: uuid(n),
  model: "sim-chat-1",
  choices: [{ index: 0, content: `answer ${n} `.padEnd(200, "."), refusal: null, toolCalls: [], finishReason: "stop" }],
  usage: null,
});
const lineBytes = Buffer.byteLength(`${JSON.stringify(answer(1))}\n`);
const keysInFile = (path: string) => readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => (JSON.parse(l) as CachedAnswer).runId);

describe("evaluation cache", () => {
  it("finds an answer again after a restart, by the same key", async () => {
    const path = join(dir, "cache.jsonl");
    const first = openEvalCache(path);
    await first.put(answer(1));
    first.close();
    const again = openEvalCache(path);
    expect((await again.get(answer(1).key))?.runId).toBe(uuid(1));
    expect(await again.get(answer(2).key)).toBeNull();
    again.close();
  });

  it("drops the oldest answers first once the file passes its bound, and stays within it", async () => {
    const path = join(dir, "cache.jsonl");
    const maxBytes = lineBytes * 10;
    const cache = openEvalCache(path, { maxBytes });
    for (let n = 1; n <= 25; n += 1) {
      await cache.put(answer(n));
      expect(statSync(path).size).toBeLessThanOrEqual(maxBytes);
    }
    const kept = keysInFile(path);
    // The newest answer is always kept, the kept ones are the newest in order, and the oldest are gone.
    expect(kept.at(-1)).toBe(uuid(25));
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => uuid(25 - kept.length + 1 + i)));
    expect(kept.length).toBeLessThan(25);
    expect(await cache.get(answer(1).key)).toBeNull();
    expect((await cache.get(answer(25).key))?.runId).toBe(uuid(25));
    cache.close();
    // What was trimmed stays trimmed across a restart; what was kept is still found.
    const reopened = openEvalCache(path, { maxBytes });
    expect(await reopened.get(answer(1).key)).toBeNull();
    expect((await reopened.get(answer(25).key))?.runId).toBe(uuid(25));
    reopened.close();
  });

  it("trims a file already over the bound (e.g. a smaller bound now) at the next answer", async () => {
    const path = join(dir, "cache.jsonl");
    const big = openEvalCache(path, { maxBytes: lineBytes * 100 });
    for (let n = 1; n <= 20; n += 1) await big.put(answer(n));
    big.close();
    expect(keysInFile(path)).toHaveLength(20);
    const small = openEvalCache(path, { maxBytes: lineBytes * 8 });
    await small.put(answer(21));
    expect(statSync(path).size).toBeLessThanOrEqual(lineBytes * 8);
    expect(keysInFile(path).at(-1)).toBe(uuid(21));
    expect(keysInFile(path)).not.toContain(uuid(1));
    small.close();
  });
});
