// Integration tests: the web door's limits over real HTTP: a cap on open event streams with a clear
// refusal, import bodies as large as the contract allows, and no source map ever served.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelNames, channels } from "../../shared/contract";
import { IMPORT_CHANNELS, LARGE_BODY_CHANNELS, MAX_DATASET_BYTES, MAX_IMPORT_BODY_BYTES, MAX_IMPORT_CHARS } from "../../shared/contracts/importLimits";
import { EmbedInput, MAX_EMBED_TEXTS, MAX_EMBED_TOTAL_CHARS } from "../../shared/contracts/embeddings";
import type { Handlers } from "../../electron/dispatch";
import { createEvalHandlers } from "../../electron/handlers/evals";
import { createDatasetStore, type DatasetStore } from "../../electron/services/evals/datasetStore";
import type { EvalService } from "../../electron/services/evals/evalService";
import { bodyLimitFor, MAX_BODY_BYTES, MAX_EVENT_STREAMS, startWebHost, type WebHost } from "../../electron/web";
import viteConfig from "../../vite.config";

const imported: number[] = [];
const embedded: number[] = [];

let datasets: DatasetStore;

function testHandlers(): Handlers {
  const unused = Object.fromEntries(channelNames.map((c) => [c, async () => { throw new Error(`${c} is not used in this test`); }])) as unknown as Handlers;
  return {
    ...unused,
    ...createEvalHandlers({ datasets, evals: {} as EvalService }),
    "embeddings.embed": async ({ jobId, model, texts }) => {
      embedded.push(texts.reduce((sum, t) => sum + t.length, 0));
      return { jobId, model, dimensions: 1, count: 1, vectors: "AAAAAA==", cachedCount: 0, requestCount: 0, tokens: 0, costUsd: 0 } as never;
    },
    "experiments.import": async ({ text }) => {
      imported.push(text.length);
      return { imported: [], skipped: [], conflicts: [] };
    },
  };
}

let tmp: string;
let host: WebHost;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "dojo-weblimits-"));
  await mkdir(path.join(tmp, "assets"), { recursive: true });
  await writeFile(path.join(tmp, "index.html"), "<!doctype html>");
  await writeFile(path.join(tmp, "assets", "app.js"), "console.log(1);\n//# sourceMappingURL=app.js.map");
  await writeFile(path.join(tmp, "assets", "app.js.map"), '{"version":3,"sourcesContent":["secret source"]}');
  datasets = createDatasetStore({ dir: () => path.join(tmp, "datasets"), secrets: () => [] });
  host = await startWebHost({ handlers: testHandlers(), knownSecrets: () => [], staticDir: tmp });
});
afterAll(async () => {
  await host.close();
  await rm(tmp, { recursive: true, force: true });
});

function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: host.port, method: options.method ?? "GET", path: options.path, headers: { host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Opens an event stream; resolves with its status once headers arrive, and a way to close it. */
function openStream(): Promise<{ status: number; body: () => string; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: host.port, path: "/api/events", headers: { host: `127.0.0.1:${host.port}`, "x-dojo-token": host.token } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("error", () => {});
        resolve({ status: res.statusCode ?? 0, body: () => body, close: () => req.destroy() });
      },
    );
    req.on("error", (err) => {
      if ((err as NodeJS.ErrnoException).code !== "ECONNRESET") reject(err);
    });
    req.end();
  });
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe("event streams", () => {
  it(`refuses the stream after ${MAX_EVENT_STREAMS} open ones with 429 and a sentence, and takes one again after a close`, async () => {
    const open = [];
    for (let i = 0; i < MAX_EVENT_STREAMS; i++) open.push(await openStream());
    expect(open.map((s) => s.status)).toEqual(open.map(() => 200));
    const refused = await openStream();
    expect(refused.status).toBe(429);
    await waitFor(() => refused.body().length > 0);
    expect(JSON.parse(refused.body())).toMatchObject({ ok: false, error: { kind: "rate_limited", message: expect.stringContaining(`${MAX_EVENT_STREAMS} at most`) } });
    open.pop()!.close();
    await waitFor(() => host.eventClients().filter((c) => c.connected).length < MAX_EVENT_STREAMS);
    const again = await openStream();
    expect(again.status).toBe(200);
    for (const s of [...open, again]) s.close();
  });
});

describe("import sizes", () => {
  it("the door's limit for each import channel holds every text its contract accepts", () => {
    for (const channel of IMPORT_CHANNELS) {
      expect(channelNames).toContain(channel);
      const text = (channels[channel as "experiments.import"].input.shape.text as unknown as { maxLength: number | null }).maxLength;
      expect(text).toBe(MAX_IMPORT_CHARS);
      // 3 bytes per character at most once JSON-encoded, plus the rest of the call.
      expect(bodyLimitFor(channel)).toBeGreaterThanOrEqual(3 * MAX_IMPORT_CHARS + 1024 * 1024);
    }
    expect(bodyLimitFor("draft.save")).toBe(MAX_BODY_BYTES);
  });

  it("takes an import larger than the 5 MB of other calls, and refuses one over its own limit", async () => {
    const text = "x".repeat(6 * 1024 * 1024);
    const res = await request({ method: "POST", path: "/api/experiments.import", headers: { "content-type": "application/json", "x-dojo-token": host.token }, body: JSON.stringify({ text }) });
    expect(res.status).toBe(200);
    expect(imported).toEqual([text.length]);
    const tooBig = await request({
      method: "POST",
      path: "/api/experiments.import",
      headers: { "x-dojo-token": host.token, "content-length": String(MAX_IMPORT_BODY_BYTES + 1) },
      body: "",
    }).catch((err: Error) => ({ status: -1, body: err.message }));
    expect(tooBig.status).toBe(413);
  });
});

describe("dataset sizes", () => {
  const call = (channel: string, input: unknown) =>
    request({ method: "POST", path: `/api/${channel}`, headers: { "content-type": "application/json", "x-dojo-token": host.token }, body: JSON.stringify(input) });

  it("a dataset's save takes the import limit: the Evals view can save again what an import made", () => {
    expect(LARGE_BODY_CHANNELS).toContain("evals.datasets.save");
    expect(bodyLimitFor("evals.datasets.save")).toBe(MAX_IMPORT_BODY_BYTES);
    expect(MAX_DATASET_BYTES).toBeLessThan(MAX_IMPORT_BODY_BYTES);
  });

  it("imports a 6 MB dataset and saves it back through the door (it was refused over 5 MB)", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `c${i},${"q".repeat(2000)}`);
    const imported = await call("evals.datasets.import", { name: "Big", fileName: "big.csv", text: ["id,question", ...rows].join("\n") });
    expect(imported.status).toBe(200);
    const dataset = (JSON.parse(imported.body) as { value: { id: string; name: string; columns: string[]; cases: unknown[]; assertions: unknown[] } }).value;
    const edited = { id: dataset.id, name: "Big, edited", columns: dataset.columns, cases: dataset.cases, assertions: dataset.assertions };
    expect(Buffer.byteLength(JSON.stringify(edited))).toBeGreaterThan(MAX_BODY_BYTES);
    const saved = await call("evals.datasets.save", edited);
    expect(saved.status).toBe(200);
    expect(JSON.parse(saved.body)).toMatchObject({ ok: true, value: { name: "Big, edited" } });
  });

  it("refuses, as invalid_input, an import whose dataset could not be saved again through the door", async () => {
    // A small CSV whose long column names repeat in every case: its dataset is far larger than the file.
    const columns = Array.from({ length: 20 }, (_, i) => `column ${i} `.padEnd(80, "x"));
    const row = Array.from({ length: 20 }, () => "v").join(",");
    const text = [columns.join(","), ...Array.from({ length: 40_000 }, () => row)].join("\n");
    expect(text.length).toBeLessThan(MAX_BODY_BYTES);
    const res = await call("evals.datasets.import", { name: "Wide", fileName: "wide.csv", text });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { kind: "invalid_input", message: expect.stringMatching(/MB as JSON; at most 63\.0 MB can be saved/) } });
    expect(datasets.list().map((d) => d.name)).not.toContain("Wide");
  });
});

describe("embedding sizes", () => {
  const texts = (count: number, chars: number) => Array.from({ length: count }, (_, i) => `${i} `.padEnd(chars, "w"));
  const input = (t: string[]) => ({ jobId: "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", profileId: "simulator", model: "sim-embedding-1", texts: t });

  it("the door's limit for embeddings.embed holds every corpus its contract accepts", () => {
    // 3 bytes a character at most, plus `"",` around each text and 1 MB for the rest of the call.
    expect(bodyLimitFor("embeddings.embed")).toBeGreaterThanOrEqual(3 * MAX_EMBED_TOTAL_CHARS + 3 * MAX_EMBED_TEXTS + 1024 * 1024);
    expect(EmbedInput.safeParse(input(texts(1000, 20_000))).success).toBe(true);
    const tooMuch = EmbedInput.safeParse(input(texts(1000, 20_001)));
    expect(tooMuch.success).toBe(false);
    expect(tooMuch.error?.issues[0]?.message).toMatch(/20,000,000 characters together at most/);
  });

  it("takes a 6 MB corpus through the door (it was refused over 5 MB)", async () => {
    const body = JSON.stringify(input(texts(300, 20_000)));
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_BODY_BYTES);
    const res = await request({ method: "POST", path: "/api/embeddings.embed", headers: { "content-type": "application/json", "x-dojo-token": host.token }, body });
    expect(res.status).toBe(200);
    expect(embedded.at(-1)).toBe(6_000_000);
  });
});

describe("source maps", () => {
  it("are never served, even when a build left one beside the code", async () => {
    expect((await request({ path: "/assets/app.js" })).status).toBe(200);
    const map = await request({ path: "/assets/app.js.map" });
    expect(map.status).toBe(404);
    expect(map.body).not.toContain("secret source");
    expect((await request({ path: "/assets/APP.JS.MAP" })).status).toBe(404);
  });

  it("are not built for the renderer unless asked for (DOJO_SOURCEMAP=1)", () => {
    expect((viteConfig as { build?: { sourcemap?: unknown } }).build?.sourcemap).toBe(false);
  });
});
