// Tests: a run record's timeline rows: attempts per leg, waits with their reason, decisions,
// fallback steps in order, the end and the deadline.
import { describe, expect, it } from "vitest";
import type { RunRecord } from "../../../shared/runRecord";
import { DEFAULT_RETRY_POLICY } from "../../../shared/retryPolicy";
import { appError } from "../../../shared/errors";
import { currentAttempt, liveTimelineRows, offsetText, progressText, timelineRows } from "./timeline";

const provider = { profileId: "simulator", profileName: "Simulator", kind: "simulator" as const, baseURL: "" };
const base: RunRecord = {
  runId: "7d0c3a52-4f43-4b7e-9a43-2a0f6f3c0c11",
  startedAt: 1,
  provider,
  request: { model: "sim-chat-1", messages: [{ role: "user", content: "hi" }] },
  wire: { method: "POST", url: "u", headers: {}, body: {} },
  response: null,
  attempts: [],
  chunks: [],
  droppedChunks: 0,
  result: null,
  error: null,
  metrics: { ttftMs: null, totalMs: 1500, tokensPerSecond: null, attempts: 1 },
};
const attempt = (t: number, status: number | null, extra: Partial<RunRecord["attempts"][number]> = {}) => ({ t, status, durationMs: 10, retryAfter: null, error: null, ...extra });

describe("timelineRows", () => {
  it("shows each attempt, the wait after it and why, and the deadline", () => {
    const rows = timelineRows({
      ...base,
      policy: { ...DEFAULT_RETRY_POLICY, deadlineMs: 20_000 },
      attempts: [attempt(0, 429, { waitMs: 1000, waitReason: "retry-after", note: "Waiting 1 s, as the server's retry-after asked.", leg: 0 }), attempt(1012, 200, { leg: 0 })],
      result: { runId: base.runId, model: "m", choices: [], usage: null, requestId: null, provider, metrics: base.metrics, stopped: false },
    });
    expect(rows.map((r) => r.kind)).toEqual(["attempt", "wait", "attempt", "end", "deadline"]);
    expect(rows[0]).toMatchObject({ number: 1, status: "429", ok: false });
    expect(rows[1]).toMatchObject({ t: 10, waitMs: 1000, reason: "retry-after" });
    expect(rows[2]).toMatchObject({ number: 2, status: "200", ok: true });
    expect(rows[3]).toMatchObject({ text: "Answered.", ok: true });
    expect(rows[4]).toMatchObject({ text: "Deadline: 20 s after the start (18.5 s to spare)." });
  });

  it("shows why the policy stopped, and a connection failure's reason", () => {
    const rows = timelineRows({ ...base, attempts: [attempt(0, null, { error: "socket hang up", note: "Gave up: all 1 attempts the policy allows were used." })], error: appError("network", "The connection failed.") });
    expect(rows[0]).toMatchObject({ status: "no response (socket hang up)", ok: false });
    expect(rows[1]).toEqual({ kind: "decision", t: 10, note: "Gave up: all 1 attempts the policy allows were used." });
    expect(rows.at(-1)).toMatchObject({ kind: "end", text: "Failed: The connection failed.", ok: false });
  });

  it("puts each fallback step before its own attempts, and steps without attempts in time order", () => {
    const rows = timelineRows({
      ...base,
      attempts: [attempt(0, 500, { leg: 0, note: "Not retried: the policy allows no retries." }), attempt(30, 500, { leg: 1 })],
      fallbacks: [
        { step: 1, kind: "model", label: "model mini", t: 20, outcome: "failed", detail: "The server failed (500)." },
        { step: 2, kind: "message", label: "a fixed message", t: 60, outcome: "answered", detail: null },
      ],
    });
    expect(rows.map((r) => (r.kind === "attempt" ? `attempt ${r.leg}.${r.number}` : r.kind))).toEqual(["attempt 0.1", "decision", "fallback", "attempt 1.1", "fallback", "end"]);
  });

  it("writes offsets in ms or s", () => {
    expect(offsetText(340)).toBe("+340 ms");
    expect(offsetText(1234)).toBe("+1.2 s");
  });
});

describe("a running run's timeline", () => {
  const failed = attempt(0, 503, { waitMs: 3000, waitReason: "backoff", note: null, leg: 0 });
  it("says what the run does now: sending, waiting with the time left, streaming", () => {
    expect(progressText({ attempts: [], phase: "sending", waitMs: null }, null)).toBe("Request sent, waiting for the server...");
    expect(progressText({ attempts: [failed], phase: "waiting", waitMs: 3000 }, 1200)).toBe("Waiting to retry: attempt 2 in 1.2 s...");
    expect(progressText({ attempts: [failed], phase: "sending", waitMs: null }, null)).toBe("Attempt 2 sent, waiting for the server...");
    expect(progressText({ attempts: [failed, attempt(3010, 200, { leg: 0 })], phase: "streaming", waitMs: null }, null)).toBe("Attempt 2 answered: streaming...");
    expect(currentAttempt({ attempts: [failed, attempt(3010, 200, { leg: 1 })], phase: "sending" })).toBe(2);
  });

  it("lists what happened so far, then a row for now", () => {
    const rows = liveTimelineRows({ runId: base.runId, t: 100, attempts: [failed], fallbacks: [], phase: "waiting", waitMs: 3000 }, 1100, 2000);
    expect(rows.map((r) => r.kind)).toEqual(["attempt", "wait", "now"]);
    expect(rows[2]).toEqual({ kind: "now", t: 1100, text: "Waiting to retry: attempt 2 in 2 s..." });
  });
});
