// Tests: the chat service's edge cases the simulator cannot stage, against a tiny scripted server.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { events, type EventName, type EventPayload, type ProviderKind } from "../../shared/contract";
import { createChatService } from "./chat";
import type { Connection } from "./openaiClient";

type Script = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A server that answers each request with the script; records the headers it received. */
async function scriptedServer(script: Script) {
  const seen: IncomingMessage["headers"][] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on("end", () => script(req, res, seen.length));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push({ close: () => server.close() && server.closeAllConnections() });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, seen };
}

function sse(res: ServerResponse, chunks: object[], end = true) {
  res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": "req_scripted" });
  for (const c of chunks) res.write(`data: ${JSON.stringify(c)}\n\n`);
  if (end) res.end("data: [DONE]\n\n");
}

const chunk = (content: string, finish: string | null = null) => ({
  id: "c1",
  object: "chat.completion.chunk",
  created: 1,
  model: "scripted-1",
  choices: [{ index: 0, delta: { content }, finish_reason: finish }],
});

function connection(url: string, kind: ProviderKind = "simulator", apiKey: string | null = "sk-test-0123456789abcdef"): Connection {
  return { provider: { profileId: kind, profileName: `My ${kind}`, kind, baseURL: url }, baseURL: url, apiKey };
}

/** Collects a run's events, each checked against the contract, until its final event. */
function recorder() {
  const got: { event: EventName; payload: unknown }[] = [];
  let settle: () => void = () => {};
  const done = new Promise<void>((resolve) => (settle = resolve));
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    got.push({ event, payload: events[event].parse(payload) });
    if (event === "chat.finished" || event === "chat.failed") settle();
  };
  return {
    emit,
    done,
    got,
    final: () => got.at(-1)!,
    text: () =>
      got
        .filter((g) => g.event === "chat.delta")
        .flatMap((g) => (g.payload as EventPayload<"chat.delta">).deltas.map((d) => d.content))
        .join(""),
  };
}

const request = { model: "scripted-1", messages: [{ role: "user" as const, content: "hi" }] };
const runId = "7d0c3a52-4f43-4b7e-9a43-2a0f6f3c0c11";

describe("createChatService", () => {
  it("streams, relays and finishes with a result the contract accepts", async () => {
    const { url } = await scriptedServer((_req, res) => sse(res, [chunk("Hello"), chunk(", world"), chunk("", "stop")]));
    const rec = recorder();
    createChatService().start({ runId, connection: connection(url), request, emit: rec.emit, secrets: () => [] });
    await rec.done;
    const { result } = rec.final().payload as EventPayload<"chat.finished">;
    expect(rec.text()).toBe("Hello, world");
    expect(result).toMatchObject({ model: "scripted-1", requestId: "req_scripted", stopped: false, usage: null });
    expect(result.choices[0]).toMatchObject({ content: "Hello, world", finishReason: "stop" });
    expect(result.metrics.attempts).toBe(1);
    expect(result.metrics.ttftMs).not.toBeNull();
    expect(result.metrics.tokensPerSecond).toBeNull(); // the server sent no usage
  });

  it("fails with invalid_key naming the profile when a real profile has no key, without calling", async () => {
    const { url, seen } = await scriptedServer((_req, res) => sse(res, [chunk("x", "stop")]));
    const rec = recorder();
    createChatService().start({ runId, connection: connection(url, "openai", null), request, emit: rec.emit, secrets: () => [] });
    await rec.done;
    const failed = rec.final().payload as EventPayload<"chat.failed">;
    expect(failed.error.kind).toBe("invalid_key");
    expect(failed.error.message).toBe("No API key is set for profile My openai: add one in Settings or set OPENAI_API_KEY.");
    expect(seen).toHaveLength(0);
  });

  it("counts the SDK's retries as attempts", async () => {
    const { url } = await scriptedServer((_req, res, attempt) => {
      if (attempt === 1) {
        res.writeHead(500, { "content-type": "application/json", "retry-after-ms": "0" });
        res.end(JSON.stringify({ error: { message: "boom", type: "server_error", param: null, code: null } }));
      } else sse(res, [chunk("ok", "stop")]);
    });
    const rec = recorder();
    createChatService().start({ runId, connection: connection(url), request, emit: rec.emit, secrets: () => [] });
    await rec.done;
    expect((rec.final().payload as EventPayload<"chat.finished">).result.metrics.attempts).toBe(2);
  });

  it("tells the renderer each attempt and wait as they happen (chat.progress), before the run ends", async () => {
    const { url } = await scriptedServer((_req, res, attempt) => {
      if (attempt === 1) {
        res.writeHead(503, { "content-type": "application/json", "retry-after-ms": "40" });
        res.end(JSON.stringify({ error: { message: "busy", type: "server_error", param: null, code: null } }));
      } else sse(res, [chunk("ok", "stop")]);
    });
    const rec = recorder();
    createChatService().start({ runId, connection: connection(url), request, emit: rec.emit, secrets: () => [] });
    await rec.done;
    const progress = rec.got.filter((g) => g.event === "chat.progress").map((g) => g.payload as EventPayload<"chat.progress">);
    expect(progress.map((p) => p.phase)).toEqual(["sending", "waiting", "sending", "streaming"]);
    expect(progress.map((p) => p.attempts.length)).toEqual([0, 1, 1, 2]);
    const waiting = progress[1]!;
    expect(waiting.attempts[0]).toMatchObject({ status: 503, waitMs: 40, waitReason: "retry-after" });
    expect(waiting.waitMs).toBe(40);
    // Every progress event comes before the run's end.
    expect(rec.got.findIndex((g) => g.event === "chat.finished")).toBeGreaterThan(rec.got.findLastIndex((g) => g.event === "chat.progress"));
  });

  it("sends the failure header to the simulator only", async () => {
    const { url, seen } = await scriptedServer((_req, res) => sse(res, [chunk("ok", "stop")]));
    const service = createChatService();
    for (const kind of ["simulator", "openai"] as const) {
      const rec = recorder();
      service.start({ runId, connection: connection(url, kind), request, simulatorFailure: "stall", emit: rec.emit, secrets: () => [] });
      await rec.done;
    }
    expect(seen.map((h) => h["x-dojo-simulate"])).toEqual(["stall", undefined]);
  });

  it("reports a stream that ends without a finish_reason as a dropped answer, keeping the text", async () => {
    const { url } = await scriptedServer((_req, res) => sse(res, [chunk("Half an ans")]));
    const rec = recorder();
    createChatService().start({ runId, connection: connection(url), request, emit: rec.emit, secrets: () => [] });
    await rec.done;
    const failed = rec.final().payload as EventPayload<"chat.failed">;
    expect(failed.error).toMatchObject({ kind: "network", requestId: "req_scripted" });
    expect(failed.error.message).toContain("no finish_reason");
    expect(failed.partial[0]!.content).toBe("Half an ans");
  });

  it("maps an error object sent inside the stream, keeping the partial text", async () => {
    const { url } = await scriptedServer((_req, res) =>
      sse(res, [chunk("Par"), { error: { message: "The model crashed", type: "server_error", param: null, code: "server_error" } }]),
    );
    const rec = recorder();
    createChatService().start({ runId, connection: connection(url), request, emit: rec.emit, secrets: () => [] });
    await rec.done;
    const failed = rec.final().payload as EventPayload<"chat.failed">;
    expect(failed.error).toMatchObject({ kind: "server", code: "server_error", requestId: "req_scripted" });
    expect(failed.partial[0]!.content).toBe("Par");
  });

  it("stops at once while the policy waits to retry, rather than after the server's retry-after", async () => {
    let firstRequest: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (firstRequest = resolve));
    const { url, seen } = await scriptedServer((_req, res) => {
      // Far longer than the test timeout (yet within the default deadline, so the policy does wait):
      // only an immediate stop lets this test pass.
      res.writeHead(429, { "content-type": "application/json", "retry-after": "60", connection: "close" });
      res.end(JSON.stringify({ error: { message: "slow down", type: "requests", param: null, code: "rate_limit_exceeded" } }));
      // Once the socket is closed the client has the whole 429; a moment later the policy is waiting.
      res.socket?.once("close", () => setTimeout(firstRequest, 100));
    });
    const service = createChatService();
    const rec = recorder();
    service.start({ runId, connection: connection(url), request, emit: rec.emit, secrets: () => [] });
    await arrived;
    expect(service.cancel(runId)).toBe(true);
    await rec.done;
    const { result } = rec.final().payload as EventPayload<"chat.finished">;
    expect(result).toMatchObject({ stopped: true, choices: [] });
    expect(seen).toHaveLength(1);
    expect(service.cancel(runId)).toBe(false);
  });

  it("refuses a run id already running and reports false for unknown runs", async () => {
    const { url } = await scriptedServer((_req, res) => sse(res, [chunk("a")], false));
    const service = createChatService();
    const rec = recorder();
    service.start({ runId, connection: connection(url), request, emit: rec.emit, secrets: () => [] });
    expect(() => service.start({ runId, connection: connection(url), request, emit: rec.emit, secrets: () => [] })).toThrow(/already running/);
    expect(service.cancel("00000000-0000-4000-8000-000000000000")).toBe(false);
    expect(service.cancel(runId)).toBe(true);
    await rec.done;
    expect(rec.final().event).toBe("chat.finished");
  });
});
