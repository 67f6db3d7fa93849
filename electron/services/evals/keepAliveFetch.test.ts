// Tests (main process): the evaluation runs' keep-alive fetch, through the official SDK against the
// simulator: answers and their headers, API errors, reused sockets, cancel, and a refused connection.
import { createServer } from "node:net";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../simulator/server";
import { createKeepAliveFetch } from "./keepAliveFetch";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

const client = (f: typeof fetch, baseURL = sim.url) => new OpenAI({ apiKey: "simulator-no-key", baseURL, maxRetries: 0, fetch: f, logLevel: "off" });
const ask = { model: "sim-chat-1", messages: [{ role: "user" as const, content: "Tell me about Rome." }] };

describe("keep-alive fetch", () => {
  it("answers through the SDK with the response's headers, and reuses one socket for calls in turn", async () => {
    const pool = createKeepAliveFetch();
    const ports = new Set<number>();
    // A bare HTTP server that notes the client port of every connection it accepts.
    const server = await new Promise<{ url: string; close: () => void }>((resolve) => {
      const s = createServer((socket) => {
        ports.add(socket.remotePort ?? 0);
        socket.on("data", () => socket.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\n{}"));
      });
      s.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(s.address() as { port: number }).port}/`, close: () => s.close() }));
    });
    try {
      const { data, request_id } = await client(pool.fetch).chat.completions.create(ask).withResponse();
      expect(data.choices[0]?.message.content).toMatch(/rome/i);
      expect(data.usage?.total_tokens).toBeGreaterThan(0);
      expect(request_id).toMatch(/^req_/);
      for (let i = 0; i < 10; i += 1) expect(await (await pool.fetch(server.url, { method: "POST", body: `{"n":${i}}` })).json()).toEqual({});
      expect(ports.size).toBe(1);
    } finally {
      pool.close();
      server.close();
    }
  });

  it("passes API errors through as responses the SDK maps (status, body, retry-after)", async () => {
    const pool = createKeepAliveFetch();
    try {
      const err = await client(pool.fetch)
        .chat.completions.create(ask, { headers: { "x-dojo-simulate": "rate_limit" } })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OpenAI.RateLimitError);
      expect((err as InstanceType<typeof OpenAI.RateLimitError>).headers.get("retry-after")).toBe("1");
      expect((err as Error).message).toContain("Rate limit reached");
    } finally {
      pool.close();
    }
  });

  it("rejects at once when cancelled, and as a connection error when nothing listens", async () => {
    const pool = createKeepAliveFetch();
    try {
      const controller = new AbortController();
      const pending = client(pool.fetch).chat.completions.create(ask, { signal: controller.signal, headers: { "x-dojo-latency-ms": "30000" } });
      controller.abort();
      await expect(pending).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
      const closed = await new Promise<number>((resolve) => {
        const s = createServer();
        s.listen(0, "127.0.0.1", () => {
          const port = (s.address() as { port: number }).port;
          s.close(() => resolve(port));
        });
      });
      await expect(client(pool.fetch, `http://127.0.0.1:${closed}/v1`).chat.completions.create(ask)).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
      await expect(pool.fetch(`http://127.0.0.1:${closed}/`)).rejects.toThrow("fetch failed");
    } finally {
      pool.close();
    }
  });
});
