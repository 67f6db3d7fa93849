// Integration tests: the web host over real HTTP on loopback (http.request, so Host can be forged),
// with a hand-written Handlers double, and the renderer's web bridge talking to it end to end.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { channelNames, type EventName } from "../../shared/contract";
import type { Handlers } from "../../electron/dispatch";
import { startWebHost, type WebHost } from "../../electron/web";
import { CONTENT_SECURITY_POLICY } from "../../electron/window";
import { BridgeError, createWebBridge, parseSseFrames, type SseFrame } from "../../renderer/bridge";

const RUN_A = "0b7f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b";
const RUN_B = "9e8d7c6b-5a49-4837-a261-5f4e3d2c1b0a";
const SECRET_KEY = "sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX1234";

const cancelCalls: unknown[] = [];

/** Every channel of the contract; the ones these tests use answer like the real services would. */
function testHandlers(): Handlers {
  const unused = Object.fromEntries(
    channelNames.map((c) => [c, async () => { throw new Error(`${c} is not used in this test`); }]),
  ) as unknown as Handlers;
  return {
    ...unused,
    "app.info": async () => ({
      version: "9.9.9",
      mode: "web",
      simulatorURL: "http://127.0.0.1:1/v1",
      keychainAvailable: false,
      keychainProblem: null,
      envKeySet: false,
      notices: [],
    }),
    "chat.cancel": async (input, ctx) => {
      cancelCalls.push(input);
      // Lets a test mark a client's stream: the marker goes to whoever made this call.
      ctx.emit("chat.delta", { runId: input.runId, deltas: [{ index: 0, content: "marker" }] });
      return { cancelled: true };
    },
    "chat.start": async ({ runId }, ctx) => {
      // Like the real chat service: events follow after the call has returned.
      setImmediate(() => ctx.emit("chat.delta", { runId, deltas: [{ index: 0, content: "Hello" }] }));
      return { runId };
    },
    "secrets.clear": async () => {
      throw new Error(`keychain said no for ${SECRET_KEY}`);
    },
  };
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request with full control of path and headers (fetch would normalise both). */
function request(
  host: WebHost,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: host.port,
        method: options.method ?? "GET",
        path: options.path,
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

function call(host: WebHost, channel: string, input: unknown, headers: Record<string, string> = {}) {
  return request(host, {
    method: "POST",
    path: `/api/${channel}`,
    headers: { "content-type": "application/json", "x-dojo-token": host.token, ...headers },
    body: JSON.stringify(input),
  });
}

/** An open event stream: frames as they arrive, and a way to wait for the next matching one. */
interface EventStream {
  status: number;
  frames: SseFrame[];
  next(predicate?: (frame: SseFrame) => boolean): Promise<SseFrame>;
  close(): void;
}

function openEvents(host: WebHost, headers: Record<string, string> = {}): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const frames: SseFrame[] = [];
    let seen = 0;
    let wake: (() => void) | null = null;
    const req = http.request(
      {
        host: "127.0.0.1",
        port: host.port,
        path: "/api/events",
        headers: { host: `127.0.0.1:${host.port}`, "x-dojo-token": host.token, ...headers },
      },
      (res) => {
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          const parsed = parseSseFrames(buffer + chunk);
          buffer = parsed.rest;
          frames.push(...parsed.frames);
          wake?.();
        });
        res.on("error", () => {});
        resolve({
          status: res.statusCode ?? 0,
          frames,
          async next(predicate = () => true) {
            for (;;) {
              while (seen < frames.length) {
                const frame = frames[seen++]!;
                if (predicate(frame)) return frame;
              }
              await new Promise<void>((r) => (wake = r));
            }
          },
          close: () => req.destroy(),
        });
      },
    );
    req.on("error", (err) => {
      if ((err as NodeJS.ErrnoException).code !== "ECONNRESET") reject(err);
    });
    req.end();
  });
}

async function helloOf(stream: EventStream): Promise<string> {
  const hello = await stream.next((f) => f.event === "hello");
  return (JSON.parse(hello.data) as { clientId: string }).clientId;
}

let tmp: string;
let host: WebHost;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "dojo-webhost-"));
  const staticDir = path.join(tmp, "renderer");
  await mkdir(path.join(staticDir, "assets"), { recursive: true });
  await writeFile(path.join(staticDir, "index.html"), "<!doctype html><title>Prompt Dojo</title>");
  await writeFile(path.join(staticDir, "assets", "app.js"), "console.log('dojo');");
  await writeFile(path.join(staticDir, "assets", "app.css"), "body{}");
  // Outside the static root: must never be served.
  await writeFile(path.join(tmp, "secret.txt"), "TOP SECRET");
  host = await startWebHost({ handlers: testHandlers(), knownSecrets: () => [SECRET_KEY], staticDir });
});

afterAll(async () => {
  await host.close();
  await rm(tmp, { recursive: true, force: true });
});

describe("the web host's address and token", () => {
  it("listens on 127.0.0.1 and puts a fresh 256-bit token in the fragment", async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startWebHost({ handlers: testHandlers(), knownSecrets: () => [], staticDir: tmp });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });
});

describe("refusals", () => {
  it("refuses a forged Host, for calls and static files alike (DNS rebinding)", async () => {
    const forged = { host: `evil.example:${host.port}` };
    const api = await call(host, "app.info", {}, forged);
    expect(api.status).toBe(403);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { kind: "permission" } });
    const page = await request(host, { path: "/", headers: forged });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain("Prompt Dojo");
    const events = await request(host, { path: "/api/events", headers: { ...forged, "x-dojo-token": host.token } });
    expect(events.status).toBe(403);
  });

  it("accepts the other loopback names", async () => {
    for (const name of [`localhost:${host.port}`, `[::1]:${host.port}`]) {
      const res = await call(host, "app.info", {}, { host: name });
      expect(res.status).toBe(200);
    }
  });

  it("refuses a cross-site Origin, even with the right token", async () => {
    const res = await call(host, "app.info", {}, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    const own = await call(host, "app.info", {}, { origin: `http://127.0.0.1:${host.port}` });
    expect(own.status).toBe(200);
  });

  it("refuses a missing token and a wrong one of the same or another length", async () => {
    const wrongSameLength = host.token.slice(0, -1) + (host.token.endsWith("A") ? "B" : "A");
    const attempts: Record<string, string>[] = [{}, { "x-dojo-token": wrongSameLength }, { "x-dojo-token": "short" }, { "x-dojo-token": `${host.token}x` }];
    for (const headers of attempts) {
      const res = await request(host, {
        method: "POST",
        path: "/api/chat.cancel",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ runId: RUN_A }),
      });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error.kind).toBe("permission");
    }
    const events = await request(host, { path: "/api/events" });
    expect(events.status).toBe(403);
    expect(cancelCalls).toEqual([]);
  });

  it("answers an unknown channel with a typed error", async () => {
    for (const channel of ["shell.exec", "constructor", "__proto__"]) {
      const res = await call(host, channel, {});
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { kind: "invalid_input" } });
    }
  });

  it("answers invalid input with invalid_input, and the handler never runs", async () => {
    const res = await call(host, "chat.cancel", { runId: "not-a-uuid" });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { kind: "invalid_input" } });
    expect(cancelCalls).toEqual([]);
  });

  it("answers a body that is not JSON with 400 and a typed error", async () => {
    const res = await request(host, {
      method: "POST",
      path: "/api/chat.cancel",
      headers: { "x-dojo-token": host.token },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { kind: "invalid_input" } });
    expect(cancelCalls).toEqual([]);
  });

  it("refuses a body over 5 MB with 413", async () => {
    const res = await request(host, {
      method: "POST",
      path: "/api/draft.save",
      headers: { "x-dojo-token": host.token, "content-length": String(6 * 1024 * 1024) },
      body: "",
    }).catch((err: Error) => ({ status: -1, headers: {}, body: err.message }));
    expect(res.status).toBe(413);
  });

  it("refuses GET on a call and POST on a static file", async () => {
    expect((await request(host, { path: "/api/app.info", headers: { "x-dojo-token": host.token } })).status).toBe(405);
    expect((await request(host, { method: "POST", path: "/index.html" })).status).toBe(405);
  });
});

describe("calls", () => {
  it("runs a good call and returns its value", async () => {
    const res = await call(host, "app.info", {});
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { version: "9.9.9", mode: "web" } });
  });

  it("redacts known secrets from a failing handler's message", async () => {
    const res = await call(host, "secrets.clear", { profileId: "work" });
    expect(res.status).toBe(200);
    expect(res.body).not.toContain("ABCDEFGHIJKL");
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { kind: "internal" } });
  });
});

describe("events", () => {
  it("reach the event stream named by the call, and no other", async () => {
    const a = await openEvents(host);
    const b = await openEvents(host);
    expect(a.status).toBe(200);
    const idA = await helloOf(a);
    const idB = await helloOf(b);
    expect(idA).not.toBe(idB);

    const started = await call(host, "chat.start", startInput(RUN_A), { "x-dojo-client": idA });
    expect(JSON.parse(started.body)).toEqual({ ok: true, value: { runId: RUN_A } });
    const delta = await a.next((f) => f.event === "chat.delta");
    expect(JSON.parse(delta.data)).toEqual({ runId: RUN_A, deltas: [{ index: 0, content: "Hello" }] });

    // B's first event must be its own marker: A's delta never reached it.
    await call(host, "chat.cancel", { runId: RUN_B }, { "x-dojo-client": idB });
    const firstOfB = await b.next((f) => f.event !== "hello");
    expect(JSON.parse(firstOfB.data).runId).toBe(RUN_B);
    a.close();
    b.close();
  });

  it("keep a dropped stream's events for its reconnect under the same id", async () => {
    const first = await openEvents(host);
    const id = await helloOf(first);
    first.close();
    const state = () => host.eventClients().find((c) => c.id === id);
    await vi.waitFor(() => expect(state()?.connected).toBe(false));

    await call(host, "chat.cancel", { runId: RUN_A }, { "x-dojo-client": id });
    expect(state()?.queued).toBe(1);

    const again = await openEvents(host, { "x-dojo-client": id });
    expect(await helloOf(again)).toBe(id);
    const queued = await again.next((f) => f.event === "chat.delta");
    expect(JSON.parse(queued.data).runId).toBe(RUN_A);
    expect(state()).toMatchObject({ connected: true, queued: 0 });
    again.close();
  });

  it("never hands a live stream's id to a second stream", async () => {
    const a = await openEvents(host);
    const idA = await helloOf(a);
    const thief = await openEvents(host, { "x-dojo-client": idA });
    expect(await helloOf(thief)).not.toBe(idA);
    a.close();
    thief.close();
  });
});

describe("static files", () => {
  it("serves index.html for / with the CSP, nosniff and the right MIME type", async () => {
    const res = await request(host, { path: "/" });
    expect(res.status).toBe(200);
    expect(res.body).toContain("Prompt Dojo");
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("serves assets with their MIME types", async () => {
    expect((await request(host, { path: "/assets/app.js" })).headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect((await request(host, { path: "/assets/app.css" })).headers["content-type"]).toBe("text/css; charset=utf-8");
    expect((await request(host, { path: "/assets/missing.js" })).status).toBe(404);
    expect((await request(host, { path: "/assets" })).status).toBe(404); // a directory is not a file
  });

  it("never serves a file outside the static folder", async () => {
    for (const p of ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt", "/assets/..%2f..%2fsecret.txt", "/assets/../../secret.txt", "/..\\secret.txt"]) {
      const res = await request(host, { path: p });
      expect(res.status, p).toBe(404);
      expect(res.body, p).not.toContain("TOP SECRET");
    }
  });
});

describe("the renderer's web bridge against the host", () => {
  it("takes the token from the fragment, calls, and receives the events its calls cause", async () => {
    const storage = new Map<string, string>();
    const replaced: (string | undefined)[] = [];
    const stop = new AbortController();
    const bridge = createWebBridge(
      {
      fetch,
      origin: `http://127.0.0.1:${host.port}`,
      location: { pathname: "/", search: "", hash: `#token=${host.token}` },
      history: { replaceState: (_d, _u, url) => void replaced.push(url) },
      storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      },
      { signal: stop.signal },
    );
    expect(replaced).toEqual(["/"]);
    expect(storage.get("dojo.token")).toBe(host.token);

    const info = await bridge.call("app.info", {});
    expect(info.version).toBe("9.9.9");

    const received: string[] = [];
    const gotDelta = new Promise<void>((resolve) => {
      bridge.on("chat.delta" as EventName, (payload) => {
        const delta = payload as { runId: string; deltas: { content: string }[] };
        if (delta.runId === RUN_B) {
          received.push(delta.deltas[0]!.content);
          resolve();
        }
      });
    });
    await bridge.call("chat.start", startInput(RUN_B));
    await gotDelta;
    expect(received).toEqual(["Hello"]);

    const failure = await bridge.call("chat.cancel", { runId: "nope" }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(BridgeError);
    expect((failure as BridgeError).error.kind).toBe("invalid_input");
    stop.abort();
  });

  it("rejects every call with a permission error when the token is wrong", async () => {
    const bridge = createWebBridge(
      {
        fetch,
        origin: `http://127.0.0.1:${host.port}`,
        location: { pathname: "/", search: "", hash: "#token=wrong-token" },
        history: { replaceState: () => {} },
        storage: { getItem: () => null, setItem: () => {} },
        setTimeout: (callback, ms) => setTimeout(callback, ms),
      },
      { reconnectDelaysMs: [0] },
    );
    const failure = await bridge.call("app.info", {}).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(BridgeError);
    expect((failure as BridgeError).error.kind).toBe("permission");
  });
});

function startInput(runId: string) {
  return {
    runId,
    profileId: "simulator",
    request: { model: "sim-chat-1", messages: [{ role: "user" as const, content: "Hi" }] },
  };
}
