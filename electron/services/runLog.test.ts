// Tests (main process): the in-memory log of recent run records behind the inspector.
import { describe, expect, it } from "vitest";
import type { RunRecord } from "../../shared/runRecord";
import { appError } from "../../shared/errors";
import { createRunLog } from "./runLog";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function record(n: number, outcome: "done" | "stopped" | "failed" = "done"): RunRecord {
  const provider = { profileId: "simulator", profileName: "Simulator", kind: "simulator" as const, baseURL: "http://127.0.0.1:1/v1" };
  const metrics = { ttftMs: 5, totalMs: 40 + n, tokensPerSecond: null, attempts: 1 };
  const request = { model: "sim-chat-1", messages: [{ role: "user" as const, content: `run ${n}` }] };
  return {
    runId: uuid(n),
    startedAt: 1_000 + n,
    provider,
    request,
    wire: { method: "POST", url: "http://127.0.0.1:1/v1/chat/completions", headers: {}, body: { ...request, stream: true } },
    response: { status: 200, headers: { "x-request-id": `req_${n}` } },
    attempts: [{ t: 0, status: 200, durationMs: 3, retryAfter: null, error: null }],
    chunks: [{ t: 4, data: { id: "c" } }],
    droppedChunks: 0,
    result:
      outcome === "failed"
        ? null
        : { runId: uuid(n), model: "sim-chat-1", choices: [], usage: null, requestId: `req_${n}`, provider, metrics, stopped: outcome === "stopped" },
    error: outcome === "failed" ? appError("server", "boom", { requestId: `req_${n}` }) : null,
    metrics,
  };
}

describe("run log", () => {
  it("returns a stored record by run id, and null for an unknown one", () => {
    const log = createRunLog();
    log.add(record(1));
    expect(log.get(uuid(1))?.request.messages[0]?.content).toBe("run 1");
    expect(log.get(uuid(2))).toBeNull();
  });

  it("lists runs newest first with how each ended and its request id", () => {
    const log = createRunLog();
    log.add(record(1));
    log.add(record(2, "stopped"));
    log.add(record(3, "failed"));
    expect(log.recent().map((r) => [r.runId, r.outcome, r.requestId, r.chunkCount])).toEqual([
      [uuid(3), "failed", "req_3", 1],
      [uuid(2), "stopped", "req_2", 1],
      [uuid(1), "done", "req_1", 1],
    ]);
  });

  it("keeps only the newest records beyond its capacity", () => {
    const log = createRunLog(3);
    for (let n = 1; n <= 5; n++) log.add(record(n));
    expect(log.recent().map((r) => r.runId)).toEqual([uuid(5), uuid(4), uuid(3)]);
    expect(log.get(uuid(2))).toBeNull();
  });
});
