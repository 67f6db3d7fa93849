// Tests (main process): each evaluation request is kept in the run history and the usage log, both
// on disk, concurrent ones together; a usage-log failure is reported without failing the run,
// a history failure is not hidden.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunRecord } from "../../../shared/runRecord";
import { startSimulator, type RunningSimulator } from "../../simulator/server";
import { createRunHistory, type RunHistory } from "../history/runHistory";
import { createUsageLog, type UsageLog } from "../usage/usageLog";
import { callForEval } from "./evalCall";
import { createEvalRecorder } from "./evalRecorder";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ tokenDelayMs: 0 });
});
afterAll(async () => {
  await sim.close();
});

let dir = "";
let history: RunHistory;
let usage: UsageLog;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dojo-evalrec-"));
  history = createRunHistory(dir);
  usage = createUsageLog(dir);
});
afterEach(() => {
  history.close();
  usage.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A real evaluation request's record, from the simulator. */
async function answered(city: string): Promise<RunRecord> {
  const { record } = await callForEval({
    connection: { provider: { profileId: "simulator", profileName: "Simulator", kind: "simulator", baseURL: sim.url }, baseURL: sim.url, apiKey: "simulator-no-key" },
    request: { model: "sim-chat-1", messages: [{ role: "user", content: `Tell me about ${city}.` }] },
    signal: new AbortController().signal,
    secrets: [],
    requestTimeoutMs: 10_000,
  });
  return record;
}

describe("the evaluation recorder", () => {
  it("keeps every request in the history and the usage log, concurrent ones included", async () => {
    const records = await Promise.all(["Paris", "Rome", "Oslo", "Lima"].map(answered));
    const record = createEvalRecorder({ history, usage, usageText: (r) => (r === records[0] ? { input: "user: [redacted]", output: "ok" } : null) });
    await Promise.all(records.map((r, i) => record(r, i / 1000)));
    const { runs } = await history.list({ source: "eval" });
    expect(runs.map((r) => r.runId).sort()).toEqual(records.map((r) => r.runId).sort());
    const { entries } = await usage.list(0);
    expect(entries.map((e) => [e.runId, e.feature, e.costUsd]).sort()).toEqual(records.map((r, i) => [r.runId, "eval", i / 1000]).sort());
    // Text only where text logging gave some.
    expect(entries.filter((e) => e.text).map((e) => e.runId)).toEqual([records[0]?.runId]);
    // A budget check made now already counts them.
    expect((await usage.spend("simulator")).day.usd).toBeCloseTo(0.006, 6);
  });

  it("reports a usage log it cannot write without failing the request, but never hides a history failure", async () => {
    const r = await answered("Cairo");
    const reported: unknown[] = [];
    const broken = new Error("disk full");
    const record = createEvalRecorder({ history, usage: { recordAsync: () => Promise.reject(broken) }, onUsageError: (err) => reported.push(err) });
    await record(r, null);
    expect(reported).toEqual([broken]);
    expect((await history.get(r.runId))?.record.runId).toBe(r.runId);
    const noHistory = createEvalRecorder({ history: { recordAsync: () => Promise.reject(broken) }, usage, onUsageError: (err) => reported.push(err) });
    await expect(noHistory(r, null)).rejects.toBe(broken);
  });
});
