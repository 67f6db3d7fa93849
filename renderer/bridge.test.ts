// Tests (renderer): the SSE frame parser, call-result checking, and both transports over doubles.
import { describe, expect, it, vi } from "vitest";
import {
  BridgeError,
  createDesktopBridge,
  createWebBridge,
  parseSseFrames,
  readCallResult,
  takeTokenFromHash,
  TOKEN_STORAGE_KEY,
  type DesktopApi,
  type WebEnvironment,
} from "./bridge";
import { channelNames, eventNames } from "../shared/contract";
import { appError } from "../shared/errors";

const RUN_ID = "6c1f0e2d-7a3b-4c5d-9e8f-1a2b3c4d5e6f";

describe("parseSseFrames", () => {
  it("parses complete frames and keeps an incomplete one as the rest", () => {
    const { frames, rest } = parseSseFrames('event: hello\ndata: {"clientId":"a"}\n\nevent: chat.delta\ndata: {"x"');
    expect(frames).toEqual([{ event: "hello", data: '{"clientId":"a"}', id: null }]);
    expect(rest).toBe('event: chat.delta\ndata: {"x"');
  });

  it("gives the same frames however the text is split into chunks", () => {
    const text = "event: a\ndata: 1\n\n: ping\n\nevent: b\r\ndata: 2\r\n\r\ndata: 3\r\rid: 7\ndata: x\ndata: y\n\n";
    const expected = parseSseFrames(text).frames;
    expect(expected).toEqual([
      { event: "a", data: "1", id: null },
      { event: "b", data: "2", id: null },
      { event: "message", data: "3", id: null },
      { event: "message", data: "x\ny", id: "7" },
    ]);
    for (let cut = 1; cut < text.length; cut++) {
      const first = parseSseFrames(text.slice(0, cut));
      const second = parseSseFrames(first.rest + text.slice(cut));
      expect([...first.frames, ...second.frames], `cut at ${cut}`).toEqual(expected);
      expect(second.rest).toBe("");
    }
  });

  it("ignores comments and frames without data, and strips only one space after the colon", () => {
    const { frames } = parseSseFrames(": heartbeat\n\nevent: lonely\n\ndata:  two spaces\ndata:none\nfield-without-colon\n\n");
    expect(frames).toEqual([{ event: "message", data: " two spaces\nnone", id: null }]);
  });

  it("treats a CR at the end of the text as possibly half of a CRLF", () => {
    expect(parseSseFrames("data: 1\r\n\r").frames).toEqual([]);
    expect(parseSseFrames("data: 1\r\n\r\n").frames).toEqual([{ event: "message", data: "1", id: null }]);
  });
});

describe("readCallResult", () => {
  it("returns an output that matches the contract", () => {
    expect(readCallResult("chat.cancel", { ok: true, value: { cancelled: true } })).toEqual({ cancelled: true });
  });

  it("rejects an output that does not match, with an internal error", () => {
    expect(() => readCallResult("chat.cancel", { ok: true, value: { cancelled: "yes" } })).toThrow(BridgeError);
    try {
      readCallResult("chat.cancel", { ok: true, value: {} });
    } catch (err) {
      expect((err as BridgeError).error.kind).toBe("internal");
      expect((err as BridgeError).error.message).toMatch(/cancelled/);
    }
  });

  it("throws the AppError of a failed call as a BridgeError", () => {
    const error = appError("rate_limited", "Slow down", { status: 429, retryAfterSeconds: 2 });
    try {
      readCallResult("models.list", { ok: false, error });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(BridgeError);
      expect((err as BridgeError).error).toEqual(error);
      expect((err as BridgeError).message).toBe("Slow down");
    }
  });

  it("reports anything that is not a call result as internal", () => {
    for (const raw of [undefined, null, "ok", { ok: false, error: { kind: "nonsense" } }, { value: 1 }]) {
      expect(() => readCallResult("app.info", raw)).toThrow(/not a call result/);
    }
  });
});

describe("takeTokenFromHash", () => {
  it("takes the token and keeps the rest of the fragment", () => {
    expect(takeTokenFromHash("#token=abc_-1")).toEqual({ token: "abc_-1", hash: "" });
    expect(takeTokenFromHash("#token=abc&view=lessons")).toEqual({ token: "abc", hash: "#view=lessons" });
    expect(takeTokenFromHash("#/lessons")).toEqual({ token: null, hash: "#/lessons" });
    expect(takeTokenFromHash("")).toEqual({ token: null, hash: "" });
  });
});

/** A window.dojo double: calls answered by a map, events delivered by the test. */
function fakeDesktopApi(answers: Record<string, unknown>) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: DesktopApi = {
    calls: Object.fromEntries(channelNames.map((c) => [c, async () => answers[c]])),
    events: Object.fromEntries(
      eventNames.map((e) => [
        e,
        (listener: (payload: unknown) => void) => {
          if (!listeners.has(e)) listeners.set(e, new Set());
          listeners.get(e)!.add(listener);
          return () => listeners.get(e)!.delete(listener);
        },
      ]),
    ),
  };
  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { api, emit };
}

describe("the desktop bridge", () => {
  it("resolves checked outputs and rejects typed errors", async () => {
    const { api } = fakeDesktopApi({
      "chat.cancel": { ok: true, value: { cancelled: false } },
      "profiles.delete": { ok: false, error: appError("not_found", "No such profile") },
    });
    const bridge = createDesktopBridge(api);
    expect(bridge.mode).toBe("desktop");
    expect(await bridge.call("chat.cancel", { runId: RUN_ID })).toEqual({ cancelled: false });
    await expect(bridge.call("profiles.delete", { profileId: "x" })).rejects.toMatchObject({ error: { kind: "not_found" } });
  });

  it("turns a rejected invoke (no handler yet) into a BridgeError", async () => {
    const api: DesktopApi = { calls: { "app.info": async () => Promise.reject(new Error("No handler registered")) }, events: {} };
    await expect(createDesktopBridge(api).call("app.info", {})).rejects.toBeInstanceOf(BridgeError);
  });

  it("delivers checked event payloads, drops invalid ones, and unsubscribes", () => {
    const { api, emit } = fakeDesktopApi({});
    const bridge = createDesktopBridge(api);
    const seen: unknown[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const off = bridge.on("chat.delta", (p) => seen.push(p));
    emit("chat.delta", { runId: RUN_ID, deltas: [{ index: 0, content: "a" }] });
    emit("chat.delta", { runId: "not-a-uuid", deltas: [] });
    off();
    emit("chat.delta", { runId: RUN_ID, deltas: [] });
    expect(seen).toEqual([{ runId: RUN_ID, deltas: [{ index: 0, content: "a" }] }]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});

/** A controllable event stream response: the test pushes text, or ends/drops it. */
function controllableStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } }),
    push: (text: string) => controller.enqueue(encoder.encode(text)),
    drop: () => controller.error(new Error("connection reset")),
  };
}

/** A fake page + web host: records every request; event streams are handed out in order. */
function fakeWebHost(options: { hash?: string; stored?: string } = {}) {
  const storage = new Map<string, string>(options.stored ? [[TOKEN_STORAGE_KEY, options.stored]] : []);
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const streams: ReturnType<typeof controllableStream>[] = [];
  const streamOpened: (() => void)[] = [];
  let callAnswer: (url: string, init: RequestInit | undefined) => Response = () =>
    Response.json({ ok: true, value: { cancelled: true } });
  const replaced: (string | undefined)[] = [];
  const fetchFn = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const href = String(url);
    requests.push({ url: href, init });
    if (href.endsWith("/api/events")) {
      const stream = controllableStream();
      streams.push(stream);
      streamOpened.splice(0).forEach((wake) => wake());
      return stream.response;
    }
    return callAnswer(href, init);
  });
  const env: WebEnvironment = {
    fetch: fetchFn as unknown as typeof fetch,
    origin: "http://dojo.test",
    location: { pathname: "/", search: "", hash: options.hash ?? "" },
    history: { replaceState: (_d, _u, url) => void replaced.push(url) },
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    setTimeout: (callback) => setTimeout(callback, 0),
  };
  const nextStream = async (index: number) => {
    while (streams.length <= index) await new Promise<void>((r) => streamOpened.push(r));
    return streams[index]!;
  };
  return {
    env,
    storage,
    requests,
    replaced,
    nextStream,
    answerCalls: (fn: typeof callAnswer) => void (callAnswer = fn),
  };
}

const hello = (clientId: string) => `event: hello\ndata: ${JSON.stringify({ clientId })}\n\n`;
const headerOf = (init: RequestInit | undefined, name: string) => (init?.headers as Record<string, string>)[name];

describe("the web bridge", () => {
  it("moves the token from the fragment to sessionStorage and off the address bar", () => {
    const host = fakeWebHost({ hash: "#token=tok123" });
    createWebBridge(host.env);
    expect(host.storage.get(TOKEN_STORAGE_KEY)).toBe("tok123");
    expect(host.replaced).toEqual(["/"]);
  });

  it("uses the stored token after a reload, without touching the address bar", async () => {
    const host = fakeWebHost({ stored: "tok-stored" });
    const bridge = createWebBridge(host.env);
    expect(host.replaced).toEqual([]);
    const pending = bridge.call("chat.cancel", { runId: RUN_ID });
    (await host.nextStream(0)).push(hello("c1"));
    await pending;
    expect(host.requests.every((r) => headerOf(r.init, "x-dojo-token") === "tok-stored")).toBe(true);
  });

  it("rejects calls with a permission error when there is no token at all", async () => {
    const host = fakeWebHost();
    const bridge = createWebBridge(host.env);
    await expect(bridge.call("app.info", {})).rejects.toMatchObject({ error: { kind: "permission" } });
    expect(host.requests).toEqual([]);
  });

  it("holds calls until the hello frame, then sends them with the token and client id", async () => {
    const host = fakeWebHost({ hash: "#token=tok" });
    const bridge = createWebBridge(host.env);
    let settled = false;
    const pending = bridge.call("chat.cancel", { runId: RUN_ID }).then((v) => ((settled = true), v));
    const stream = await host.nextStream(0);
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(host.requests.map((r) => r.url)).toEqual(["http://dojo.test/api/events"]);
    stream.push(hello("client-1"));
    expect(await pending).toEqual({ cancelled: true });
    const callRequest = host.requests[1]!;
    expect(callRequest.url).toBe("http://dojo.test/api/chat.cancel");
    expect(callRequest.init?.method).toBe("POST");
    expect(headerOf(callRequest.init, "x-dojo-token")).toBe("tok");
    expect(headerOf(callRequest.init, "x-dojo-client")).toBe("client-1");
    expect(JSON.parse(String(callRequest.init?.body))).toEqual({ runId: RUN_ID });
  });

  it("rejects with the host's typed error, and with a network error when the host is unreachable", async () => {
    const host = fakeWebHost({ hash: "#token=tok" });
    const bridge = createWebBridge(host.env);
    const first = bridge.call("models.list", { profileId: "simulator" });
    (await host.nextStream(0)).push(hello("c"));
    host.answerCalls(() => Response.json({ ok: false, error: appError("not_found", "No such model") }, { status: 200 }));
    await expect(first).rejects.toMatchObject({ error: { kind: "not_found", message: "No such model" } });
    host.answerCalls(() => {
      throw new TypeError("fetch failed");
    });
    await expect(bridge.call("app.info", {})).rejects.toMatchObject({ error: { kind: "network" } });
    host.answerCalls(() => new Response("<html>proxy error</html>", { status: 502 }));
    await expect(bridge.call("app.info", {})).rejects.toMatchObject({ error: { kind: "network", status: 502 } });
  });

  it("delivers checked events from the stream to subscribers only", async () => {
    const host = fakeWebHost({ hash: "#token=tok" });
    const bridge = createWebBridge(host.env);
    const deltas: unknown[] = [];
    const all: unknown[] = [];
    const finished: unknown[] = [];
    const off = bridge.on("chat.delta", (p) => deltas.push(p));
    bridge.on("chat.delta", (p) => all.push(p));
    bridge.on("chat.finished", (p) => finished.push(p));
    const stream = await host.nextStream(0);
    const payload = { runId: RUN_ID, deltas: [{ index: 0, content: "Hi" }] };
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    stream.push(hello("c") + `event: chat.delta\ndata: ${JSON.stringify(payload)}\n\n`);
    stream.push(`event: chat.delta\ndata: {"runId":"bad"}\n\nevent: unknown.thing\ndata: {}\n\n`);
    await vi.waitFor(() => expect(deltas).toHaveLength(1));
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    off();
    stream.push(`event: chat.delta\ndata: ${JSON.stringify(payload)}\n\n: ping\n\n`);
    // The listener still subscribed proves the last frame was read before checking.
    await vi.waitFor(() => expect(all).toHaveLength(2));
    expect(deltas).toEqual([payload]);
    expect(finished).toEqual([]);
    warn.mockRestore();
  });

  it("reconnects after a drop, asking for its previous client id back", async () => {
    const host = fakeWebHost({ hash: "#token=tok" });
    const bridge = createWebBridge(host.env, { reconnectDelaysMs: [0] });
    const seen: unknown[] = [];
    bridge.on("chat.delta", (p) => seen.push(p));
    const first = await host.nextStream(0);
    first.push(hello("client-1"));
    await vi.waitFor(() => expect(headerOf(host.requests[0]!.init, "x-dojo-client")).toBeUndefined());
    await bridge.call("chat.cancel", { runId: RUN_ID }); // the hello has been read
    first.drop();
    const second = await host.nextStream(1);
    const reconnect = host.requests.filter((r) => r.url.endsWith("/api/events"))[1]!;
    expect(headerOf(reconnect.init, "x-dojo-client")).toBe("client-1");
    const payload = { runId: RUN_ID, deltas: [{ index: 0, content: "after the drop" }] };
    second.push(hello("client-1") + `event: chat.delta\ndata: ${JSON.stringify(payload)}\n\n`);
    await vi.waitFor(() => expect(seen).toEqual([payload]));
  });

  it("stops with a permission error when the host refuses the token", async () => {
    const host = fakeWebHost({ hash: "#token=old" });
    host.env.fetch = (async () => new Response("{}", { status: 403 })) as unknown as typeof fetch;
    const bridge = createWebBridge(host.env, { reconnectDelaysMs: [0] });
    await expect(bridge.call("app.info", {})).rejects.toMatchObject({ error: { kind: "permission" } });
    await expect(bridge.call("app.info", {})).rejects.toMatchObject({ error: { kind: "permission" } });
  });

  it("fails waiting calls with a network error when the event stream cannot be reached", async () => {
    const host = fakeWebHost({ hash: "#token=tok" });
    let attempts = 0;
    host.env.fetch = (async () => {
      attempts++;
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    const stop = new AbortController();
    const bridge = createWebBridge(host.env, { reconnectDelaysMs: [0], signal: stop.signal });
    await expect(bridge.call("app.info", {})).rejects.toMatchObject({ error: { kind: "network" } });
    expect(attempts).toBeGreaterThanOrEqual(1);
    stop.abort();
    await expect(bridge.call("app.info", {})).rejects.toMatchObject({ error: { kind: "cancelled" } });
  });
});
