// Tests (main process): run history on disk: appended, filtered, opened whole, and a damaged line
// (a crash mid-write, a hand edit) skipped and reported without losing the rest.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { appError } from "../../../shared/errors";
import type { RunRecord } from "../../../shared/runRecord";
import { createRunHistory, type RunHistory } from "./runHistory";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function record(n: number, opts: { failed?: boolean; experiment?: { id: string; version: number }; text?: string } = {}): RunRecord {
  const provider = { profileId: "simulator", profileName: "Simulator", kind: "simulator" as const, baseURL: "http://127.0.0.1:1/v1" };
  const metrics = { ttftMs: 5, totalMs: 40 + n, tokensPerSecond: null, attempts: 1 };
  const request = { model: "sim-chat-1", messages: [{ role: "user" as const, content: `question ${n}` }] };
  const choice = { index: 0, content: opts.text ?? `answer ${n}`, refusal: null, toolCalls: [], finishReason: "stop" };
  return {
    runId: uuid(n),
    startedAt: 1_000 + n,
    provider,
    request,
    ...(opts.experiment ? { experiment: opts.experiment } : {}),
    wire: { method: "POST", url: "http://127.0.0.1:1/v1/chat/completions", headers: { authorization: "Bearer sk-...abcd" }, body: { ...request, stream: true } },
    response: { status: 200, headers: { "x-request-id": `req_${n}` } },
    attempts: [{ t: 0, status: 200, durationMs: 3, retryAfter: null, error: null }],
    chunks: [{ t: 4, data: { id: "c1" } }, { t: 5, data: { id: "c2" } }],
    droppedChunks: 0,
    result: opts.failed ? null : { runId: uuid(n), model: "sim-chat-1", choices: [choice], usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5 }, requestId: `req_${n}`, provider, metrics, stopped: false },
    error: opts.failed ? appError("rate_limited", "Rate limited", { status: 429 }) : null,
    metrics,
  };
}

let dir = "";
let history: RunHistory | null = null;
function open(): RunHistory {
  dir ||= mkdtempSync(join(tmpdir(), "dojo-history-"));
  history = createRunHistory(dir);
  return history;
}
afterEach(() => {
  history?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = "";
});

describe("run history", () => {
  it("keeps every run with cost, experiment version and request id, newest first, without the chunks", async () => {
    const h = open();
    h.record(record(1), { source: "playground", costUsd: 0.002 });
    h.record(record(2, { experiment: { id: "support-bot", version: 3 } }), { source: "playground", costUsd: null });
    const { runs, damaged } = await h.list();
    expect(damaged).toEqual([]);
    expect(runs.map((r) => r.runId)).toEqual([uuid(2), uuid(1)]);
    expect(runs[0]).toMatchObject({ experiment: { id: "support-bot", version: 3 }, requestId: "req_2", preview: "answer 2", chunkCount: 2 });
    expect(runs[1]?.costUsd).toBe(0.002);
    const entry = await h.get(uuid(2));
    expect(entry?.record.request.messages[0]?.content).toBe("question 2");
    expect(entry?.record.chunks).toEqual([]);
    expect(await h.get(uuid(9))).toBeNull();
  });

  it("filters by experiment, outcome, source and words", async () => {
    const h = open();
    h.record(record(1, { experiment: { id: "a", version: 1 } }), { source: "playground", costUsd: 0 });
    h.record(record(2, { failed: true }), { source: "eval", costUsd: 0 });
    h.record(record(3, { text: "The refund window is 30 days" }), { source: "playground", costUsd: 0 });
    expect((await h.list({ experimentId: "a" })).runs.map((r) => r.runId)).toEqual([uuid(1)]);
    expect((await h.list({ outcome: "failed" })).runs.map((r) => r.runId)).toEqual([uuid(2)]);
    expect((await h.list({ source: "eval" })).runs[0]?.preview).toBe("Error: Rate limited");
    expect((await h.list({ query: "REFUND" })).runs.map((r) => r.runId)).toEqual([uuid(3)]);
    expect((await h.list({ limit: 2 })).runs.map((r) => r.runId)).toEqual([uuid(3), uuid(2)]);
  });

  it("writes concurrent runs with shared fsyncs, each resolved once on disk", async () => {
    const h = open();
    await Promise.all(Array.from({ length: 25 }, (_, i) => h.recordAsync(record(i + 1), { source: "eval", costUsd: 0 })));
    h.record(record(26), { source: "playground", costUsd: 0 });
    expect(readFileSync(h.path, "utf8").split("\n").filter(Boolean)).toHaveLength(26);
    const { runs, damaged } = await h.list({ limit: 1000 });
    expect(damaged).toEqual([]);
    expect(new Set(runs.map((r) => r.runId)).size).toBe(26);
  });

  it("survives across restarts: records are on disk as one JSON line each", async () => {
    const h = open();
    h.record(record(1), { source: "playground", costUsd: 0 });
    h.close();
    const lines = readFileSync(h.path, "utf8").split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    const reopened = open();
    expect((await reopened.list()).runs).toHaveLength(1);
  });

  it("skips and reports a line cut short by a crash, and appends the next run on its own line", async () => {
    const h = open();
    h.record(record(1), { source: "playground", costUsd: 0 });
    h.close();
    // A crash while writing run 2: half a line, no newline.
    const full = JSON.stringify({ entryVersion: 1, source: "playground", costUsd: 0, record: record(2) });
    appendFileSync(h.path, full.slice(0, full.length / 2));
    const after = open();
    after.record(record(3), { source: "playground", costUsd: 0 });
    appendFileSync(after.path, `${JSON.stringify({ entryVersion: 1, source: "playground", costUsd: 0, record: { runId: "nope" } })}\n`);
    const { runs, damaged } = await after.list();
    expect(runs.map((r) => r.runId)).toEqual([uuid(3), uuid(1)]);
    expect(damaged).toHaveLength(2);
    expect(damaged[0]).toEqual({ line: 2, reason: "not valid JSON (cut short or edited)" });
    expect(damaged[1]?.line).toBe(4);
    expect(damaged[1]?.reason).toContain("record.runId");
  });
});
