// Integration: every failure the simulator can be told to produce, driven through the chat service,
// the real openai SDK and the real simulator: the attempts, the waits and why, the final error and
// what the user sees; enforced rate limits with real 429s; the deadline, stop during a wait, and
// the fallback chain. The jitter's random source is pinned, so every wait is exact.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { events, type ChatRequest, type EventName, type EventPayload } from "../../shared/contract";
import { NORMAL_BEHAVIOUR, type SimBehaviour } from "../../shared/contracts/reliability";
import { DEFAULT_RETRY_POLICY, type ClientPolicy } from "../../shared/retryPolicy";
import { RunRecord } from "../../shared/runRecord";
import { createChatService } from "../../electron/services/chat";
import type { ResolvedFallback } from "../../electron/services/chatRun";
import { listModels } from "../../electron/services/models";
import type { Connection } from "../../electron/services/openaiClient";
import { createSimulatorControl, type SimulatorControl } from "../../electron/services/reliability/simulatorControl";
import { startSimulator, type RunningSimulator } from "../../electron/simulator/server";

let sim: RunningSimulator;
let backup: RunningSimulator;
let control: SimulatorControl;

beforeAll(async () => {
  sim = await startSimulator({ tokenDelayMs: 2, slowFirstByteMs: 5_000 });
  backup = await startSimulator();
  control = createSimulatorControl(sim.behaviourURL);
});
afterAll(async () => {
  await Promise.all([sim?.close(), backup?.close()]);
});
afterEach(async () => {
  await control.clear();
});

const connection = (s: RunningSimulator = sim, name = "Simulator"): Connection => ({
  provider: { profileId: name.toLowerCase(), profileName: name, kind: "simulator", baseURL: s.url },
  baseURL: s.url,
  apiKey: "simulator-no-key",
});

const request: ChatRequest = {
  model: "sim-chat-1",
  messages: [{ role: "user", content: "Why do clients retry with jitter?" }],
  max_completion_tokens: 40,
};

const policy = (change: Partial<ClientPolicy> = {}): ClientPolicy => ({ ...DEFAULT_RETRY_POLICY, baseDelayMs: 200, maxDelayMs: 2_000, jitter: 0.5, ...change });
const behaviour = (change: Partial<SimBehaviour>) => control.set({ ...NORMAL_BEHAVIOUR, ...change });

type Final = { event: "chat.finished"; payload: EventPayload<"chat.finished"> } | { event: "chat.failed"; payload: EventPayload<"chat.failed"> };

/** Runs one chat through a fresh service under `p`; returns the final event and the run's record. */
async function run(p: ClientPolicy, opts: { req?: ChatRequest; fallbacks?: ResolvedFallback[]; cancelWhen?: () => Promise<void>; service?: ReturnType<typeof createChatService>; records?: RunRecord[] } = {}) {
  const records = opts.records ?? [];
  const service = opts.service ?? createChatService({ policy: () => p, random: () => 0.5, onRunSettled: (r) => records.push(RunRecord.parse(r)) });
  const runId = crypto.randomUUID();
  const final = await new Promise<Final>((resolve) => {
    const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
      const parsed = events[event].parse(payload);
      if (event === "chat.finished" || event === "chat.failed") resolve({ event, payload: parsed } as Final);
    };
    service.start({ runId, connection: connection(), request: opts.req ?? request, fallbacks: opts.fallbacks, emit, secrets: () => [] });
    if (opts.cancelWhen) void opts.cancelWhen().then(() => service.cancel(runId));
  });
  const record = records.find((r) => r.runId === runId);
  if (!record) throw new Error("no record settled");
  return { final, record };
}

const failed = (final: Final) => {
  if (final.event !== "chat.failed") throw new Error(`expected a failure, got ${JSON.stringify(final.payload).slice(0, 300)}`);
  return final.payload;
};
const finished = (final: Final) => {
  if (final.event !== "chat.finished") throw new Error(`expected an answer, got ${JSON.stringify(final.payload).slice(0, 300)}`);
  return final.payload.result;
};

describe("failures on demand, retried by the client policy", () => {
  it("429 with retry-after: waits what the server asked, then answers; the timeline says so", async () => {
    await behaviour({ failure: "rate_limit", remaining: 1 });
    const { final, record } = await run(policy());
    const result = finished(final);
    expect(result.metrics.attempts).toBe(2);
    expect(record.attempts.map((a) => [a.status, a.waitMs, a.waitReason])).toEqual([
      [429, 1000, "retry-after"],
      [200, null, null],
    ]);
    expect(record.attempts[0]?.note).toBe("Waiting 1 s, as the server's retry-after asked.");
    expect(record.attempts[1]!.t).toBeGreaterThanOrEqual(record.attempts[0]!.t + 1000);
    expect(record.policy?.deadlineMs).toBe(DEFAULT_RETRY_POLICY.deadlineMs);
    expect((await control.get()).failed).toBe(1);
  });

  it("429 without retry-after: backs off with jitter (pinned random), then answers", async () => {
    await behaviour({ failure: "rate_limit_no_retry_after", remaining: 2 });
    const { final, record } = await run(policy());
    finished(final);
    // 200 ms then 400 ms, each with half of the jitter's 50% taken off (random 0.5).
    expect(record.attempts.map((a) => [a.status, a.waitMs, a.waitReason])).toEqual([
      [429, 150, "backoff"],
      [429, 300, "backoff"],
      [200, null, null],
    ]);
  });

  it("insufficient_quota: one attempt, not retried, and the message says why", async () => {
    await behaviour({ failure: "insufficient_quota", remaining: null });
    const { final, record } = await run(policy({ maxRetries: 5 }));
    const { error, metrics } = failed(final);
    expect(metrics.attempts).toBe(1);
    expect(error).toMatchObject({ kind: "quota", status: 429, code: "insufficient_quota" });
    expect(error.message).toContain("Not retried: out of quota is about billing");
    expect(record.attempts).toHaveLength(1);
    expect(record.attempts[0]?.note).toContain("Not retried");
  });

  it("500 every time: uses every attempt the policy allows, then gives up saying so", async () => {
    await behaviour({ failure: "server_error", remaining: null });
    const { final, record } = await run(policy({ maxRetries: 2 }));
    const { error } = failed(final);
    expect(error.kind).toBe("server");
    expect(error.message).toContain("after 3 attempts");
    expect(error.message).toContain("Gave up: all 3 attempts the policy allows were used.");
    expect(record.attempts.map((a) => a.status)).toEqual([500, 500, 500]);
    expect(record.attempts.map((a) => a.waitReason)).toEqual(["backoff", "backoff", null]);
  });

  it("503 with retry-after: honours it, or backs off when the policy ignores retry-after", async () => {
    await behaviour({ failure: "unavailable", remaining: 1 });
    const honoured = await run(policy());
    expect(honoured.record.attempts.map((a) => [a.status, a.waitMs, a.waitReason])).toEqual([
      [503, 1000, "retry-after"],
      [200, null, null],
    ]);
    await behaviour({ failure: "unavailable", remaining: 1 });
    const ignored = await run(policy({ honourRetryAfter: false }));
    expect(ignored.record.attempts[0]).toMatchObject({ status: 503, waitMs: 150, waitReason: "backoff" });
    expect(ignored.record.attempts[0]?.note).toContain("retry-after is ignored");
  });

  it("a slow first byte: each attempt times out, every attempt is counted", async () => {
    await behaviour({ failure: "slow_first_byte", remaining: null, firstByteDelayMs: 5_000 });
    const { final, record } = await run(policy({ requestTimeoutMs: 200, maxRetries: 1 }));
    const { error } = failed(final);
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("did not answer within 0.2 s after 2 attempts");
    expect(record.attempts.map((a) => a.status)).toEqual([null, null]);
    expect(record.attempts[0]?.waitReason).toBe("backoff");
  });

  it("a stall mid-stream, a dropped connection, a malformed chunk: no retry once the answer started, text kept", async () => {
    await behaviour({ failure: "stall", remaining: 1 });
    const stall = failed((await run(policy({ idleTimeoutMs: 300 }))).final);
    expect(stall.error.message).toContain("No data arrived for 0.3 s");

    await behaviour({ failure: "drop", remaining: 1 });
    const drop = await run(policy());
    expect(failed(drop.final).error.message).toContain("dropped mid-stream");
    expect(drop.record.attempts).toHaveLength(1);

    await behaviour({ failure: "malformed_chunk", remaining: 1 });
    expect(failed((await run(policy())).final).error.message).toContain("malformed stream chunk");
  });
});

describe("the deadline and stop", () => {
  it("gives up at once when the next wait would pass the deadline, saying so", async () => {
    await behaviour({ failure: "rate_limit", remaining: null });
    const { final, record } = await run(policy({ deadlineMs: 1_500 }));
    const { error } = failed(final);
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/^Gave up: waiting 1 s \(retry-after\) would pass the request's deadline of 1\.5 s\. The last attempt: Rate limited \(429\)/);
    expect(record.attempts.map((a) => a.status)).toEqual([429, 429]);
    expect(record.attempts[1]?.note).toContain("would pass the request's deadline");
  });

  it("stops a streaming answer when the deadline passes, keeping the text", async () => {
    const slow = await startSimulator({ tokenDelayMs: 40 });
    try {
      const records: RunRecord[] = [];
      const service = createChatService({ policy: () => policy({ deadlineMs: 300 }), onRunSettled: (r) => records.push(r) });
      const runId = crypto.randomUUID();
      const final = await new Promise<Final>((resolve) => {
        service.start({
          runId,
          connection: connection(slow),
          request: { ...request, max_completion_tokens: 200 },
          emit: (event, payload) => {
            if (event === "chat.finished" || event === "chat.failed") resolve({ event, payload } as Final);
          },
          secrets: () => [],
        });
      });
      const { error, partial } = failed(final);
      expect(error.kind).toBe("timeout");
      expect(error.message).toContain("deadline of 300 ms passed while the answer was streaming");
      expect(partial[0]?.content.length).toBeGreaterThan(0);
    } finally {
      await slow.close();
    }
  });

  it("a stop during a back-off wait ends the run at once", async () => {
    await behaviour({ failure: "server_error", remaining: null });
    // The wait is 60 s; only an immediate stop lets the test end within its timeout.
    const { final, record } = await run(policy({ baseDelayMs: 60_000, maxDelayMs: 60_000, jitter: 0 }), {
      cancelWhen: async () => {
        while ((await control.get()).served < 1) await new Promise((r) => setTimeout(r, 20));
        await new Promise((r) => setTimeout(r, 100));
      },
    });
    expect(finished(final)).toMatchObject({ stopped: true, choices: [] });
    expect(record.attempts).toHaveLength(1);
    expect(record.attempts[0]).toMatchObject({ status: 500, waitMs: 60_000, waitReason: "backoff" });
  });
});

describe("enforced rate limits", () => {
  it("refuses requests over the requests-per-minute limit with a real 429 and accurate headers", async () => {
    await behaviour({ requestsPerMinute: 2 });
    const p = policy({ maxRetries: 0 });
    finished((await run(p)).final);
    const second = await run(p);
    finished(second.final);
    expect(second.record.response?.headers["x-ratelimit-limit-requests"]).toBe("2");
    expect(second.record.response?.headers["x-ratelimit-remaining-requests"]).toBe("0");
    const third = await run(p);
    const { error } = failed(third.final);
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, code: "rate_limit_exceeded" });
    expect(error.message).toContain("on requests per min (RPM): Limit 2");
    const headers = third.record.response?.headers ?? {};
    expect(headers["x-ratelimit-remaining-requests"]).toBe("0");
    // Almost a whole refill period (30 s per request at 2 RPM) must pass before one fits again.
    expect(Number(headers["retry-after-ms"])).toBeGreaterThan(25_000);
    expect(Number(headers["retry-after-ms"])).toBeLessThanOrEqual(30_000);
    const state = await control.get();
    expect(state).toMatchObject({ served: 3, limited: 1 });
  });

  it("a client that honours retry-after gets through once the budget refills", async () => {
    // 60 RPM: one request refills every second. Model listings count against the budget (they are
    // never refused), so 60 of them spend it quickly.
    await behaviour({ requestsPerMinute: 60 });
    for (let i = 0; i < 60; i++) await (await fetch(`${sim.url}/models`)).arrayBuffer();
    const { final, record } = await run(policy());
    finished(final);
    expect(record.attempts.map((a) => [a.status, a.waitReason])).toEqual([
      [429, "retry-after"],
      [200, null],
    ]);
    expect(record.attempts[0]!.waitMs).toBeGreaterThan(0);
    expect(record.attempts[0]!.waitMs).toBeLessThanOrEqual(1000);
  });

  it("refuses by tokens per minute, and a request larger than the whole limit is never admitted", async () => {
    await behaviour({ tokensPerMinute: 60 });
    const { final } = await run(policy({ maxRetries: 0 }), { req: { ...request, max_completion_tokens: 200 } });
    const { error } = failed(final);
    expect(error.status).toBe(429);
    expect(error.message).toContain("Request too large for sim-chat-1");
    expect(error.message).toContain("tokens per min (TPM): Limit 60");
  });

  it("never retries a request larger than the whole tokens-per-minute limit, as the real API words it, and the timeline says why", async () => {
    await behaviour({ tokensPerMinute: 60 });
    const { final, record } = await run(policy({ maxRetries: 3, baseDelayMs: 10, maxDelayMs: 10 }), { req: { ...request, max_completion_tokens: 200 } });
    const { error } = failed(final);
    // The real API: code rate_limit_exceeded, type tokens, "Request too large ... Limit N, Requested M".
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, code: "rate_limit_exceeded" });
    expect(error.message).toMatch(/Request too large for sim-chat-1 in organization \S+ on tokens per min \(TPM\): Limit 60, Requested \d+\./);
    expect(error.message).toContain("Retrying cannot help");
    expect(record.attempts).toHaveLength(1);
    expect(record.attempts[0]?.note).toMatch(/^Not retried: this one request needs \d+ tokens, more than the whole tokens-per-minute limit of 60/);
    const raw = await fetch(`${sim.url}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...request, max_completion_tokens: 200 }) });
    expect(raw.status).toBe(429);
    expect(((await raw.json()) as { error: unknown }).error).toMatchObject({ type: "tokens", code: "rate_limit_exceeded", param: null });
  });
});

describe("the fallback chain", () => {
  it("tries another model after the primary's attempts fail, and says which step answered", async () => {
    await behaviour({ failure: "server_error", remaining: 2 });
    const { final, record } = await run(policy({ maxRetries: 1 }), { fallbacks: [{ kind: "model", label: "model sim-chat-mini-1", model: "sim-chat-mini-1" }] });
    const result = finished(final);
    expect(result.model).toBe("sim-chat-mini-1");
    expect(record.attempts.map((a) => [a.leg, a.status])).toEqual([
      [0, 500],
      [0, 500],
      [1, 200],
    ]);
    expect(record.fallbacks).toEqual([expect.objectContaining({ step: 1, kind: "model", outcome: "answered", detail: null })]);
  });

  it("falls to another profile, then to the cached answer, then to a fixed message, in order", async () => {
    const records: RunRecord[] = [];
    const p = policy({ maxRetries: 0 });
    const service = createChatService({ policy: () => p, random: () => 0.5, onRunSettled: (r) => records.push(r) });
    finished((await run(p, { service, records })).final);

    await behaviour({ failure: "server_error", remaining: null });
    const viaProfile = await run(p, { service, records, fallbacks: [{ kind: "profile", label: "profile Backup", model: "sim-chat-1", connection: async () => connection(backup, "Backup") }] });
    const good = finished(viaProfile.final);
    expect(good.provider.profileName).toBe("Backup");

    const viaCache = await run(p, { service, records, fallbacks: [{ kind: "model", label: "model sim-chat-mini-1", model: "sim-chat-mini-1" }, { kind: "cached", label: "cached" }] });
    // The last good answer to this request is the backup's.
    expect(finished(viaCache.final).choices[0]?.content).toBe(good.choices[0]?.content);
    expect(viaCache.record.fallbacks?.map((f) => [f.kind, f.outcome])).toEqual([
      ["model", "failed"],
      ["cached", "answered"],
    ]);

    const other = { ...request, messages: [{ role: "user" as const, content: "A question never answered before" }] };
    const viaMessage = await run(p, { service, records, req: other, fallbacks: [{ kind: "cached", label: "cached" }, { kind: "message", label: "message", text: "Sorry, answers are unavailable right now." }] });
    const answer = finished(viaMessage.final);
    expect(answer.choices[0]).toMatchObject({ content: "Sorry, answers are unavailable right now.", finishReason: "fallback" });
    expect(viaMessage.record.fallbacks?.map((f) => f.outcome)).toEqual(["skipped", "answered"]);
  });

  it("reports the primary's error, with every step tried, when the whole chain fails", async () => {
    await behaviour({ failure: "server_error", remaining: null });
    const { final } = await run(policy({ maxRetries: 0 }), { fallbacks: [{ kind: "model", label: "model sim-chat-mini-1", model: "sim-chat-mini-1" }] });
    const { error } = failed(final);
    expect(error.kind).toBe("server");
    expect(error.message).toContain("Fallbacks tried: 1. model sim-chat-mini-1: failed.");
  });
});

describe("model listing under the policy", () => {
  it("retries a 503 with our own loop and lists the models", async () => {
    let served = 0;
    const server = createServer((_req, res) => {
      served += 1;
      if (served === 1) {
        res.writeHead(503, { "content-type": "application/json", "retry-after-ms": "50" });
        res.end(JSON.stringify({ error: { message: "busy", type: "server_error", param: null, code: null } }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ object: "list", data: [{ id: "b", object: "model", created: 0, owned_by: "x" }, { id: "a", object: "model", created: 0, owned_by: "x" }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
      const conn: Connection = { provider: { profileId: "x", profileName: "X", kind: "compatible", baseURL: url }, baseURL: url, apiKey: null };
      expect((await listModels(conn, policy())).map((m) => m.id)).toEqual(["a", "b"]);
      expect(served).toBe(2);
      served = 0;
      await expect(listModels(conn, policy({ maxRetries: 0 }))).rejects.toThrow(/Not retried: the policy allows no retries/);
    } finally {
      server.close();
      server.closeAllConnections();
    }
  });
});
