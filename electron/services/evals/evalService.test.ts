// Tests (main process): evaluations against the real simulator: a dataset with one failing case,
// the cache, slowing down on 429, cancel and resume, and a run through the Batch API.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EvalProgress, type EvalVariant } from "../../../shared/evals";
import { DEFAULT_PRICE_TABLE } from "../../../shared/pricing";
import { defaultRedactionOptions, redactChatRequest } from "../../../shared/redaction";
import { DEFAULT_RETRY_POLICY } from "../../../shared/retryPolicy";
import type { RunRecord } from "../../../shared/runRecord";
import { startSimulator, type RunningSimulator } from "../../simulator/server";
import type { Connection } from "../openaiClient";
import { createDatasetStore, type DatasetStore } from "./datasetStore";
import { createEvalService, type EvalService, type EvalServiceDeps } from "./evalService";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ batchDelayMs: 30 });
});
afterAll(async () => {
  await sim.close();
});

const simConnection = (baseURL: string): Connection => ({
  provider: { profileId: "simulator", profileName: "Simulator", kind: "simulator", baseURL },
  baseURL,
  apiKey: "simulator-no-key",
});

let dir = "";
let datasets: DatasetStore;
let service: EvalService | null = null;
let recorded: RunRecord[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dojo-evals-"));
  datasets = createDatasetStore({ dir: () => join(dir, "datasets"), secrets: () => [] });
  recorded = [];
});
afterEach(() => {
  service?.close();
  service = null;
  rmSync(dir, { recursive: true, force: true });
});

function open(extra: Partial<EvalServiceDeps> = {}, baseURL = sim.url): EvalService {
  service = createEvalService({
    dataDir: dir,
    datasets,
    resolveConnection: async () => simConnection(baseURL),
    secrets: () => [],
    priceTable: () => DEFAULT_PRICE_TABLE,
    recordRun: (record) => void recorded.push(record),
    batchPollMs: 10,
    progressIntervalMs: 0,
    ...extra,
  });
  return service;
}

const variant = (label: string, system = "Answer briefly."): EvalVariant => ({
  label,
  profileId: "simulator",
  request: { model: "sim-chat-1", messages: [{ role: "system", content: system }, { role: "user", content: "Tell me about {{city}}." }] },
});

function cities(count = 3) {
  const names = ["Paris", "Rome", "Lisbon", "Oslo", "Cairo", "Lima", "Quito", "Hanoi", "Dakar", "Riga"];
  return datasets.save({
    name: "Cities",
    columns: ["city"],
    cases: Array.from({ length: count }, (_, i) => ({ id: `c${i + 1}`, vars: { city: names[i % names.length] ?? "X" }, assertions: [] })),
    // Every answer restates the request, so it names the city: that passes; case c2 also demands a word it never says.
    assertions: [{ type: "contains", value: "simulator", ignoreCase: true }],
  });
}

/**
 * A server in front of the simulator: `answer` may answer a request itself (returning true); the
 * others are forwarded with `latencyMs` of simulated latency, and counted while in flight.
 */
async function proxyToSimulator(answer: (res: ServerResponse) => boolean, latencyMs: number) {
  let inFlight = 0;
  let peak = 0;
  const proxy: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      if (answer(res)) return;
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      const upstream = await fetch(`${sim.url}/chat/completions`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer x", "x-dojo-latency-ms": String(latencyMs) }, body: Buffer.concat(chunks) });
      const text = await upstream.text();
      inFlight -= 1;
      res.writeHead(upstream.status, { "content-type": "application/json" });
      res.end(text);
    });
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(proxy.address() as { port: number }).port}/v1`,
    peak: () => peak,
    close: () => new Promise((r) => proxy.close(r)),
  };
}

describe("evaluation service", () => {
  it("runs every case for every version, fails the case whose assertion does not hold, and records each run", async () => {
    const dataset = cities();
    const withFailure = datasets.save({ ...dataset, cases: dataset.cases.map((c) => (c.id === "c2" ? { ...c, assertions: [{ type: "contains", value: "Berlin" }] } : c)) });
    const events: EvalProgress[] = [];
    const evals = open();
    const started = evals.start({ datasetId: withFailure.id, variants: [variant("v1"), variant("v2", "Be terse.")], settings: { concurrency: 2, cache: false, mode: "direct" } }, (p) => events.push(p));
    const run = await evals.settled(started.id);
    expect(run.status).toBe("done");
    expect(run.cells).toHaveLength(6);
    const failing = run.cells.filter((c) => c.status !== "pass");
    expect(failing.map((c) => [c.caseId, c.variant]).sort()).toEqual([["c2", 0], ["c2", 1]]);
    expect(failing[0]?.checks.find((c) => !c.pass)?.reason).toContain('does not contain "Berlin"');
    expect(recorded).toHaveLength(6);
    expect(new Set(run.cells.map((c) => c.runId))).toEqual(new Set(recorded.map((r) => r.runId)));
    expect(recorded[0]?.request.messages[1]?.content).toMatch(/^Tell me about (Paris|Rome|Lisbon)\.$/);
    const last = events.at(-1);
    expect(last).toMatchObject({ status: "done", done: 6, total: 6, passed: 4, failed: 2, errors: 0, etaMs: 0 });
    expect(evals.list(withFailure.id)[0]).toMatchObject({ status: "done", passed: 4, total: 6 });
  });

  it("answers an identical request from the cache, marked cached and costing nothing", async () => {
    const dataset = cities(2);
    const evals = open();
    const settings = { concurrency: 2, cache: true, mode: "direct" as const };
    const first = await evals.settled(evals.start({ datasetId: dataset.id, variants: [variant("v1")], settings }, () => {}).id);
    expect(first.cells.every((c) => !c.cached)).toBe(true);
    const second = await evals.settled(evals.start({ datasetId: dataset.id, variants: [variant("v1")], settings }, () => {}).id);
    expect(second.cells.every((c) => c.cached && c.costUsd === 0 && c.status === "pass")).toBe(true);
    // A cached cell opens the run that first answered it.
    expect(new Set(second.cells.map((c) => c.runId))).toEqual(new Set(first.cells.map((c) => c.runId)));
    expect(recorded).toHaveLength(2);
  });

  it("slows down on 429: honours retry-after, lowers concurrency, and still finishes every case", async () => {
    // Refuses the first four requests with 429 and forwards the rest to the simulator.
    let refused = 0;
    const proxy = await proxyToSimulator((res) => {
      if (refused >= 4) return false;
      refused += 1;
      res.writeHead(429, { "content-type": "application/json", "retry-after-ms": "20" });
      res.end(JSON.stringify({ error: { message: "Rate limit reached", type: "requests", param: null, code: "rate_limit_exceeded" } }));
      return true;
    }, 5);
    try {
      const dataset = cities(10);
      const events: EvalProgress[] = [];
      const evals = open({}, proxy.url);
      const run = await evals.settled(evals.start({ datasetId: dataset.id, variants: [variant("v1")], settings: { concurrency: 8, cache: false, mode: "direct" } }, (p) => events.push(p)).id);
      expect(run.status).toBe("done");
      expect(run.cells.filter((c) => c.status === "pass")).toHaveLength(10);
      expect(refused).toBe(4);
      // Every 429 is counted in the progress events, which the renderer's contract accepts.
      const last = EvalProgress.parse(events.at(-1));
      expect(last).toMatchObject({ retries: 4, rateLimited: 4 });
      // Each 429 asked for 20 ms (retry-after-ms).
      expect(last.waitedMs).toBe(4 * 20);
      expect(events.some((e) => e.status === "running" && e.rateLimited > 0)).toBe(true);
      expect(run.retryCounts).toEqual({ retries: 4, rateLimited: 4, waitedMs: 80 });
      // Four 429s halve 8 down to 1 (8 -> 4 -> 2 -> 1 -> 1): the limit reported went below the setting.
      expect(Math.min(...events.map((e) => e.concurrency))).toBeLessThan(8);
      expect(proxy.peak()).toBeLessThan(8);
    } finally {
      await proxy.close();
    }
  });

  it("measures a latency check on the answering attempt, not the 429 and the back-off wait before it", async () => {
    // The first request is refused with a 429 asking for a 400 ms wait; the answer then takes ~20 ms.
    let refused = 0;
    const proxy = await proxyToSimulator((res) => {
      if (refused >= 1) return false;
      refused += 1;
      res.writeHead(429, { "content-type": "application/json", "retry-after-ms": "400" });
      res.end(JSON.stringify({ error: { message: "Rate limit reached", type: "requests", param: null, code: "rate_limit_exceeded" } }));
      return true;
    }, 20);
    try {
      const saved = cities(1);
      const dataset = datasets.save({ ...saved, assertions: [{ type: "max-latency", ms: 300 }] });
      const runWith = async (policy: EvalServiceDeps["policy"]) => {
        const evals = open(policy ? { policy } : {}, proxy.url);
        const events: EvalProgress[] = [];
        const run = await evals.settled(evals.start({ datasetId: dataset.id, variants: [variant("v1")], settings: { concurrency: 1, cache: false, mode: "direct" } }, (p) => events.push(p)).id);
        service?.close();
        // The retry and its wait reach the progress line too, whoever waited.
        expect(events.at(-1)).toMatchObject({ retries: 1, rateLimited: 1, waitedMs: 400 });
        return run.cells[0];
      };
      // Under a retrying policy (the wait inside one call), and without one (the case re-queued).
      const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: 2, honourRetryAfter: true, jitter: 0 };
      for (const cell of [await runWith(() => policy), (refused = 0, await runWith(undefined))]) {
        expect(refused).toBe(1);
        expect(cell?.status).toBe("pass");
        expect(cell?.checks[0]?.reason).toMatch(/within the 300 ms limit/);
        expect(cell?.latencyMs).toBeLessThan(300);
        // The whole time, kept apart, holds the wait.
        expect(cell?.totalMs).toBeGreaterThanOrEqual(400);
        expect(cell?.attempts).toBe(2);
      }
      // The record of the run keeps the wall time, as the playground's do.
      expect(recorded.at(-1)?.attempts).toHaveLength(1);
      expect(recorded[0]?.attempts.map((a) => a.status)).toEqual([429, 200]);
      expect(recorded[0]?.metrics.totalMs).toBeGreaterThanOrEqual(400);
    } finally {
      await proxy.close();
    }
  });

  it("never re-queues a case whose request is larger than the whole tokens-per-minute limit", async () => {
    let refused = 0;
    const proxy = await proxyToSimulator((res) => {
      refused += 1;
      res.writeHead(429, { "content-type": "application/json" });
      const message = "Request too large for sim-chat-1 in organization org-x on tokens per min (TPM): Limit 60, Requested 230. The input or output tokens must be reduced in order to run successfully.";
      res.end(JSON.stringify({ error: { message, type: "tokens", param: null, code: "rate_limit_exceeded" } }));
      return true;
    }, 0);
    try {
      const dataset = cities(2);
      const evals = open({}, proxy.url);
      const run = await evals.settled(evals.start({ datasetId: dataset.id, variants: [variant("v1")], settings: { concurrency: 1, cache: false, mode: "direct" } }, () => {}).id);
      expect(run.cells.map((c) => c.status)).toEqual(["error", "error"]);
      expect(refused).toBe(2);
      expect(run.cells[0]?.error).toContain("Retrying cannot help");
    } finally {
      await proxy.close();
    }
  });

  it("keeps exactly the concurrency setting's number of requests on the wire, not more", async () => {
    const proxy = await proxyToSimulator(() => false, 15);
    try {
      const dataset = cities(12);
      const evals = open({}, proxy.url);
      const run = await evals.settled(evals.start({ datasetId: dataset.id, variants: [variant("v1")], settings: { concurrency: 3, cache: false, mode: "direct" } }, () => {}).id);
      expect(run.cells.filter((c) => c.status === "pass")).toHaveLength(12);
      // The limiter admits three at a time, and keeps all three slots busy.
      expect(proxy.peak()).toBe(3);
      expect(recorded).toHaveLength(12);
      expect(recorded.every((r) => r.attempts.length === 1 && r.metrics.attempts === 1)).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it("leaves a server error's retries to the policy when one retries, instead of re-queueing the case too", async () => {
    let answered = 0;
    const proxy = await proxyToSimulator((res) => {
      answered += 1;
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "The server had an error", type: "server_error", param: null, code: null } }));
      return true;
    }, 0);
    try {
      const dataset = cities(2);
      const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1, jitter: 0 };
      const evals = open({ policy: () => policy }, proxy.url);
      const run = await evals.settled(evals.start({ datasetId: dataset.id, variants: [variant("v1")], settings: { concurrency: 2, cache: false, mode: "direct" } }, () => {}).id);
      expect(run.cells.map((c) => c.status)).toEqual(["error", "error"]);
      // Two attempts per case, both on its one record: the policy's, and no second round.
      expect(answered).toBe(4);
      expect(recorded.map((r) => r.attempts.map((a) => a.status))).toEqual([[500, 500], [500, 500]]);
    } finally {
      await proxy.close();
    }
  });

  it("sends every request redacted when redaction is on, directly and through the Batch API, and records what was sent", async () => {
    const email = "maria.lopez@example.com";
    const dataset = datasets.save({ name: "Contacts", columns: ["who"], cases: [{ id: "c1", vars: { who: email }, assertions: [] }], assertions: [] });
    const redactor = () => (request: EvalVariant["request"]) => {
      const out = redactChatRequest(request, defaultRedactionOptions());
      return { request: out.request, summary: { applied: true, counts: out.counts } };
    };
    const contact: EvalVariant = { ...variant("v1"), request: { ...variant("v1").request, messages: [{ role: "user", content: "Write to {{who}}." }] } };
    for (const mode of ["direct", "batch"] as const) {
      recorded = [];
      const evals = open({ redactor });
      const run = await evals.settled(evals.start({ datasetId: dataset.id, variants: [contact], settings: { concurrency: 1, cache: false, mode } }, () => {}).id);
      expect(run.status).toBe("done");
      // The simulator restates what it received: the placeholder, never the address.
      expect(run.cells[0]?.output).toContain("[EMAIL_1]");
      expect(JSON.stringify(run)).not.toContain(email);
      expect(recorded).toHaveLength(1);
      expect(recorded[0]?.request.messages[0]?.content).toBe("Write to [EMAIL_1].");
      expect(recorded[0]?.redaction).toEqual({ applied: true, counts: { EMAIL: 1 } });
      expect(JSON.stringify(recorded[0])).not.toContain(email);
    }
  });

  it("sends nothing when input moderation is on and its check fails, and resumes once it works", async () => {
    const dataset = cities(2);
    let working = false;
    const inputModerator = () => async (_connection: unknown, requests: readonly unknown[]) => {
      if (!working) throw new Error("the moderation endpoint answered 503");
      return requests.map(() => null);
    };
    const evals = open({ inputModerator });
    const started = evals.start({ datasetId: dataset.id, variants: [variant("v1")], settings: { concurrency: 2, cache: false, mode: "direct" } }, () => {});
    const failed = await evals.settled(started.id);
    expect(failed).toMatchObject({ status: "failed", error: "Input moderation is on but the check failed, so nothing was sent: the moderation endpoint answered 503", cells: [] });
    expect(recorded).toEqual([]);
    working = true;
    evals.resume(started.id, () => {});
    expect((await evals.settled(started.id)).cells.map((c) => c.status)).toEqual(["pass", "pass"]);
  });

  it("checks a cached answer with output moderation too, since it may have been kept while moderation was off", async () => {
    const dataset = cities(2);
    const settings = { concurrency: 2, cache: true, mode: "direct" as const };
    const first = open();
    await first.settled(first.start({ datasetId: dataset.id, variants: [variant("v1")], settings }, () => {}).id);
    first.close();
    const flagAll = () => async () => ({ model: "sim-moderation-1", flagged: true, results: [{ label: "answer", flagged: true, scores: [{ category: "hate", score: 0.9, flagged: true }] }] });
    const second = open({ outputModerator: flagAll });
    const run = await second.settled(second.start({ datasetId: dataset.id, variants: [variant("v1")], settings }, () => {}).id);
    expect(run.cells.map((c) => [c.cached, c.status, c.output, c.error])).toEqual([
      [true, "error", "", "Moderation flagged the answer (hate 0.90), so it is withheld."],
      [true, "error", "", "Moderation flagged the answer (hate 0.90), so it is withheld."],
    ]);
  });

  it("cancels a run, keeping its finished cells, and resumes only the missing ones", async () => {
    const dataset = cities(12);
    const evals = open({ headers: { "x-dojo-latency-ms": "20" } });
    let cancelled = false;
    const started = evals.start({ datasetId: dataset.id, variants: [variant("v1")], settings: { concurrency: 2, cache: false, mode: "direct" } }, (p) => {
      if (!cancelled && p.done >= 2) {
        cancelled = true;
        evals.cancel(p.evalRunId);
      }
    });
    const stopped = await evals.settled(started.id);
    expect(stopped.status).toBe("cancelled");
    expect(stopped.cells.length).toBeGreaterThanOrEqual(2);
    expect(stopped.cells.length).toBeLessThan(12);
    const kept = stopped.cells.map((c) => c.caseId);
    evals.resume(started.id, () => {});
    const resumed = await evals.settled(started.id);
    expect(resumed.status).toBe("done");
    expect(resumed.cells.map((c) => c.caseId).sort()).toEqual(dataset.cases.map((c) => c.id).sort());
    expect(resumed.cells.slice(0, kept.length).map((c) => c.caseId)).toEqual(kept);
  });

  it("sends a dataset through the Batch API and grades its answers into the same cells", async () => {
    const dataset = cities(3);
    const events: EvalProgress[] = [];
    const evals = open();
    const run = await evals.settled(evals.start({ datasetId: dataset.id, variants: [variant("v1"), variant("v2")], settings: { concurrency: 1, cache: false, mode: "batch" } }, (p) => events.push(p)).id);
    expect(run.status).toBe("done");
    expect(run.batch).toMatchObject({ status: "completed", total: 6, completed: 6, failed: 0 });
    expect(run.cells).toHaveLength(6);
    expect(run.cells.every((c) => c.status === "pass" && /Tell me about/.test(c.output))).toBe(true);
    expect(events.map((e) => e.batch?.status)).toContain("completed");
    // Each answer is kept as a run (request line + output line), and its cell opens it.
    expect(recorded).toHaveLength(6);
    for (const cell of run.cells) {
      const record = recorded.find((r) => r.runId === cell.runId);
      expect(record?.result?.choices[0]?.content).toBe(cell.output);
      expect(record?.response?.status).toBe(200);
      expect(record?.wire.url).toMatch(/\/v1\/chat\/completions$/);
      expect(JSON.stringify(record?.request.messages)).toContain(dataset.cases.find((c) => c.id === cell.caseId)?.vars.city);
    }
  });
});
