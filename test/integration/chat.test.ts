// Integration: the chat service through the real openai SDK against the real simulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, type ChatRequest, type EventName, type EventPayload, type ProviderKind, type SimulatorFailure } from "../../shared/contract";
import { createChatService, type ChatServiceOptions } from "../../electron/services/chat";
import type { Connection } from "../../electron/services/openaiClient";
import { startSimulator, type RunningSimulator } from "../../electron/simulator/server";
import { RunRecord } from "../../shared/runRecord";
import { MODEL_CATALOG } from "../../shared/models/catalog";

const WRONG_KEY = "sk-proj-Wr0ngKeyAbCdEfGh1234567890XyZ";
let sim: RunningSimulator;
let slowSim: RunningSimulator;
let lockedSim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator();
  // Slow enough that a Stop lands mid-stream, whatever the machine's load.
  slowSim = await startSimulator({ tokenDelayMs: 20 });
  lockedSim = await startSimulator({ requireKey: "sk-proj-TheRightKey000000000000" });
});
afterAll(async () => {
  await Promise.all([sim?.close(), slowSim?.close(), lockedSim?.close()]);
});

function connection(url: string, kind: ProviderKind = "simulator", apiKey = "simulator-no-key"): Connection {
  return { provider: { profileId: kind, profileName: `Test ${kind}`, kind, baseURL: url }, baseURL: url, apiKey };
}

const prompt = (max = 64): ChatRequest => ({
  model: "sim-chat-1",
  messages: [
    { role: "system", content: "You explain sampling parameters of language models in plain words." },
    { role: "user", content: "What does the temperature parameter change, and when should it be low?" },
  ],
  max_completion_tokens: max,
});

type Final = { event: "chat.finished"; payload: EventPayload<"chat.finished"> } | { event: "chat.failed"; payload: EventPayload<"chat.failed"> };

/** Runs one chat through a fresh service; every event is checked against the contract. */
async function run(
  conn: Connection,
  request: ChatRequest,
  opts: { service?: ChatServiceOptions; failure?: SimulatorFailure; cancelAfterFirstDelta?: boolean; secrets?: string[] } = {},
) {
  const service = createChatService(opts.service);
  const runId = crypto.randomUUID();
  const deltas: EventPayload<"chat.delta">[] = [];
  const final = await new Promise<Final>((resolve) => {
    const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
      const parsed = events[event].parse(payload);
      if (event === "chat.delta") {
        deltas.push(parsed as EventPayload<"chat.delta">);
        if (opts.cancelAfterFirstDelta && deltas.length === 1) expect(service.cancel(runId)).toBe(true);
      } else if (event === "chat.finished" || event === "chat.failed") resolve({ event, payload: parsed } as Final);
    };
    service.start({ runId, connection: conn, request, simulatorFailure: opts.failure, emit, secrets: () => opts.secrets ?? [] });
  });
  const text = (index = 0) =>
    deltas.flatMap((d) => d.deltas.filter((x) => x.index === index).map((x) => x.content)).join("");
  return { final, deltas, text, service, runId };
}

function failed(final: Final): EventPayload<"chat.failed"> {
  expect(final.event).toBe("chat.failed");
  return final.payload as EventPayload<"chat.failed">;
}
function finished(final: Final): EventPayload<"chat.finished">["result"] {
  expect(final.event).toBe("chat.finished");
  return (final.payload as EventPayload<"chat.finished">).result;
}

describe("chat service against the simulator", () => {
  it("streams a run whose deltas add up to the final content, with usage, metrics and request id", async () => {
    const { final, text } = await run(connection(sim.url), prompt());
    const result = finished(final);
    expect(result.choices).toHaveLength(1);
    expect(result.choices[0]!.content.length).toBeGreaterThan(0);
    expect(text()).toBe(result.choices[0]!.content);
    expect(result.choices[0]!.finishReason).toMatch(/^(stop|length)$/);
    expect(result.usage!.completionTokens).toBeGreaterThan(0);
    expect(result.usage!.totalTokens).toBe(result.usage!.promptTokens + result.usage!.completionTokens);
    expect(result.requestId).toBeTruthy();
    expect(result.model).toBe("sim-chat-1");
    expect(result.provider.kind).toBe("simulator");
    expect(result.metrics.attempts).toBe(1);
    expect(result.metrics.ttftMs).not.toBeNull();
    expect(result.metrics.totalMs).toBeGreaterThanOrEqual(result.metrics.ttftMs!);
    expect(result.metrics.tokensPerSecond).toBeGreaterThan(0);
    expect(result.stopped).toBe(false);
  });

  it("keeps each choice apart when n > 1", async () => {
    const { final, text } = await run(connection(sim.url), { ...prompt(), n: 2, temperature: 1.5, seed: 3 });
    const result = finished(final);
    expect(result.choices.map((c) => c.index)).toEqual([0, 1]);
    expect([text(0), text(1)]).toEqual(result.choices.map((c) => c.content));
  });

  it("stops mid-stream on cancel, keeping the partial text with stopped: true", async () => {
    const { final, text, service, runId } = await run(connection(slowSim.url), prompt(400), { cancelAfterFirstDelta: true });
    const result = finished(final);
    expect(result.stopped).toBe(true);
    expect(result.choices[0]!.finishReason).toBeNull();
    expect(result.choices[0]!.content.length).toBeGreaterThan(0);
    expect(result.choices[0]!.content).toBe(text());
    // 400 tokens at 20 ms each would take 8 s: a stop that worked leaves far fewer.
    expect(result.usage).toBeNull();
    expect(service.cancel(runId)).toBe(false);
  });

  it("retries a rate limit and reports attempts 2, rate_limited and the retry-after", async () => {
    const { final } = await run(connection(sim.url), prompt(), { failure: "rate_limit", service: { maxRetries: 1 } });
    const { error, metrics } = failed(final);
    expect(metrics.attempts).toBe(2);
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, retryAfterSeconds: 1 });
    expect(error.requestId).toBeTruthy();
    expect(error.message).toContain("after 2 attempts");
  });

  it("reports insufficient_quota as quota, without retrying it into a rate limit", async () => {
    const { final } = await run(connection(sim.url), prompt(), { failure: "insufficient_quota", service: { maxRetries: 2 } });
    const { error, metrics } = failed(final);
    expect(error).toMatchObject({ kind: "quota", status: 429, code: "insufficient_quota" });
    expect(error.message).toContain("billing");
    expect(metrics.attempts).toBe(1);
  });

  it("reports a wrong key as invalid_key with the echoed key redacted", async () => {
    // No secrets passed in: the service itself knows the key it sent must not come back.
    const { final } = await run(connection(lockedSim.url, "compatible", WRONG_KEY), prompt());
    const { error } = failed(final);
    expect(error).toMatchObject({ kind: "invalid_key", status: 401 });
    expect(error.message).toContain("Check the key for profile Test compatible in Settings");
    for (let i = 0; i + 8 <= WRONG_KEY.length; i++) expect(error.message).not.toContain(WRONG_KEY.slice(i, i + 8));
  });

  it("stops a stalled stream after the idle timeout and says how long it waited", async () => {
    const { final, text } = await run(connection(slowSim.url), prompt(200), { failure: "stall", service: { idleTimeoutMs: 300 } });
    const { error, partial } = failed(final);
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("No data arrived for 0.3 s");
    expect(error.requestId).toBeTruthy();
    expect(partial[0]!.content.length).toBeGreaterThan(0);
    expect(partial[0]!.content).toBe(text());
  });

  it("reports a connection dropped mid-stream as network, keeping the partial text", async () => {
    const { final, text } = await run(connection(slowSim.url), prompt(200), { failure: "drop", service: { maxRetries: 0 } });
    const { error, partial } = failed(final);
    expect(error.kind).toBe("network");
    expect(error.message).toContain("dropped mid-stream");
    expect(partial[0]!.content.length).toBeGreaterThan(0);
    expect(partial[0]!.content).toBe(text());
  });

  it("gives up on a server that sends no headers within the request timeout, counting every attempt", async () => {
    const { final } = await run(connection(sim.url), prompt(), { failure: "slow_first_byte", service: { requestTimeoutMs: 200, maxRetries: 1 } });
    const { error, metrics } = failed(final);
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("did not answer within 0.2 s after 2 attempts");
    expect(metrics.attempts).toBe(2);
  });

  it("reports a malformed chunk as network, naming it", async () => {
    const { final } = await run(connection(sim.url), prompt(200), { failure: "malformed_chunk", service: { maxRetries: 0 } });
    const { error } = failed(final);
    expect(error.kind).toBe("network");
    expect(error.message).toContain("the server sent a malformed stream chunk");
  });

  it("lists the simulator's models and tests the connection", async () => {
    const service = createChatService();
    const models = await service.listModels(connection(sim.url));
    // The simulator answers to its sim-* models and every real name in the model catalog.
    const ids = models.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(["sim-chat-1", "sim-chat-mini-1", "sim-embedding-1", "sim-moderation-1", "gpt-4.1-mini", "text-embedding-3-small"]));
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(models.every((m) => m.ownedBy === "prompt-dojo-simulator")).toBe(true);
    const test = await service.testConnection(connection(sim.url));
    expect(test.modelCount).toBe(MODEL_CATALOG.length);
    expect(test.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("gives listModels a precise, redacted error for a wrong key and an unreachable server", async () => {
    const service = createChatService({ maxRetries: 0 });
    const refused = service.listModels(connection(lockedSim.url, "compatible", WRONG_KEY));
    await expect(refused).rejects.toMatchObject({ error: { kind: "invalid_key", status: 401 } });
    const message = await refused.catch((e: Error) => e.message);
    expect(message).not.toContain(WRONG_KEY.slice(8, 20));
    const closed = await startSimulator();
    const url = closed.url;
    await closed.close();
    await expect(service.testConnection(connection(url))).rejects.toMatchObject({ error: { kind: "network" } });
  });
});

describe("the run record (inspector and history)", () => {
  it("keeps the exact request with the key masked, the response headers and every chunk in order", async () => {
    const records: RunRecord[] = [];
    const key = "sk-proj-TheRightKey000000000000";
    const { final } = await run(connection(lockedSim.url, "openai", key), prompt(32), {
      service: { onRunSettled: (r) => records.push(RunRecord.parse(r)) },
    });
    const result = finished(final);
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record.wire.url).toBe(`${lockedSim.url}/chat/completions`);
    expect(record.wire.headers.authorization).toBe("Bearer sk-...0000");
    expect(JSON.stringify(record)).not.toContain(key);
    expect(record.wire.body).toMatchObject({ model: "sim-chat-1", stream: true, stream_options: { include_usage: true } });
    expect(record.response?.status).toBe(200);
    expect(record.response?.headers["x-request-id"]).toBe(result.requestId);
    expect(record.response?.headers["x-ratelimit-limit-requests"]).toBeDefined();
    expect(record.chunks.length).toBeGreaterThan(2);
    const times = record.chunks.map((c) => c.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(record.result?.choices[0]?.content).toBe(result.choices[0]?.content);
  });

  it("lists each attempt of a retried run with its status and the retry-after it was told", async () => {
    const records: RunRecord[] = [];
    const { final } = await run(connection(sim.url), prompt(), {
      failure: "rate_limit",
      service: { maxRetries: 1, onRunSettled: (r) => records.push(r) },
    });
    expect(failed(final).error.kind).toBe("rate_limited");
    const attempts = records[0]!.attempts;
    expect(attempts.map((a) => a.status)).toEqual([429, 429]);
    expect(attempts.map((a) => a.retryAfter)).toEqual(["1", "1"]);
    expect(attempts[1]!.t).toBeGreaterThan(attempts[0]!.t);
    expect(records[0]!.error?.kind).toBe("rate_limited");
  });
});
