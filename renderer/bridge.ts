// Renderer: the one module that talks to the main side, over the preload's `window.dojo` (desktop)
// or HTTP + server-sent events (web mode). Every answer is checked against the shared contract.
import {
  channels,
  events,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
} from "../shared/contract";
import { AppError, appError, describeZodError } from "../shared/errors";

/** A failed call: carries the typed AppError the main side (or the bridge itself) reported. */
export class BridgeError extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = "BridgeError";
    this.error = error;
  }
}

/** The main side as the rest of the renderer sees it, whatever the transport. */
export interface Bridge {
  readonly mode: "desktop" | "web";
  /** Calls a channel; resolves with its contract-checked output or rejects with BridgeError. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Subscribes to an event (payloads are contract-checked); returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The shape of `window.dojo` that electron/preload.ts exposes. */
export interface DesktopApi {
  readonly calls: Readonly<Record<string, (input: unknown) => Promise<unknown>>>;
  readonly events: Readonly<Record<string, (listener: (payload: unknown) => void) => () => void>>;
}

/**
 * Turns a raw CallResult into the channel's output: the value is parsed with the contract's output
 * schema, an error is re-checked as an AppError; anything else is reported as an internal error.
 */
export function readCallResult<C extends ChannelName>(channel: C, raw: unknown): ChannelOutput<C> {
  if (typeof raw === "object" && raw !== null && "ok" in raw) {
    const result = raw as { ok: unknown; value?: unknown; error?: unknown };
    if (result.ok === true) {
      const parsed = channels[channel].output.safeParse(result.value);
      if (parsed.success) return parsed.data as ChannelOutput<C>;
      throw new BridgeError(
        appError("internal", `The answer to ${channel} does not match the contract: ${describeZodError(parsed.error)}`),
      );
    }
    if (result.ok === false) {
      const parsed = AppError.safeParse(result.error);
      if (parsed.success) throw new BridgeError(parsed.data);
    }
  }
  throw new BridgeError(appError("internal", `The answer to ${channel} is not a call result.`));
}

/** Checks an event payload against the contract; an invalid one is reported and dropped. */
function checkedPayload(event: EventName, payload: unknown): { ok: true; value: unknown } | { ok: false } {
  const parsed = events[event].safeParse(payload);
  if (parsed.success) return { ok: true, value: parsed.data };
  console.warn(`bridge: dropped a ${event} event that does not match the contract: ${describeZodError(parsed.error)}`);
  return { ok: false };
}

function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

/** The desktop transport: calls and events go through the preload's frozen `window.dojo`. */
export function createDesktopBridge(api: DesktopApi): Bridge {
  return {
    mode: "desktop",
    async call(channel, input) {
      const invoke = api.calls[channel];
      if (!invoke) throw new BridgeError(appError("internal", `The preload does not expose ${channel}.`));
      let raw: unknown;
      try {
        raw = await invoke(input);
      } catch (err) {
        // Electron rejects when no handler is registered (e.g. the main side failed to start).
        const message = err instanceof Error ? err.message : String(err);
        throw new BridgeError(appError("internal", `${channel} could not reach the main process: ${message}`));
      }
      return readCallResult(channel, raw);
    },
    on(event, listener) {
      const subscribe = api.events[event];
      if (!subscribe) throw new BridgeError(appError("internal", `The preload does not expose the ${event} event.`));
      return subscribe((payload) => {
        const checked = checkedPayload(event, payload);
        if (checked.ok) listener(checked.value as EventPayload<typeof event>);
      });
    },
  };
}

/** One server-sent-events frame. */
export interface SseFrame {
  /** The `event:` field, "message" when absent. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The `id:` field of this frame, or null. */
  id: string | null;
}

/**
 * Parses the complete frames at the start of `text` (the bytes received so far, decoded) and
 * returns them with the unparsed remainder, to be prefixed to the next chunk. Follows the
 * event-stream rules of the HTML standard: CRLF, LF or CR line ends, ":" comments, one optional
 * space after the colon, frames without data are not dispatched.
 */
export function parseSseFrames(text: string): { frames: SseFrame[]; rest: string } {
  const frames: SseFrame[] = [];
  let pos = 0;
  let consumed = 0;
  let event = "";
  let data: string[] = [];
  let id: string | null = null;
  while (pos < text.length) {
    let end = pos;
    while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
    if (end >= text.length) break; // The line is not complete yet.
    // A CR at the very end may be the first half of a CRLF split across chunks: wait for more.
    if (text[end] === "\r" && end + 1 >= text.length) break;
    const line = text.slice(pos, end);
    pos = end + (text[end] === "\r" && text[end + 1] === "\n" ? 2 : 1);
    if (line === "") {
      if (data.length > 0) frames.push({ event: event || "message", data: data.join("\n"), id });
      event = "";
      data = [];
      id = null;
      consumed = pos;
      continue;
    }
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id") id = value;
  }
  return { frames, rest: text.slice(consumed) };
}

/**
 * Takes the access token out of a URL fragment such as "#token=abc" or "#token=abc&view=x".
 * Returns the token (or null) and the fragment to keep, without the token ("" when nothing is left).
 */
export function takeTokenFromHash(hash: string): { token: string | null; hash: string } {
  const body = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!/(^|&)token=/.test(body)) return { token: null, hash };
  const params = new URLSearchParams(body);
  const token = params.get("token");
  params.delete("token");
  const rest = params.toString();
  return { token: token || null, hash: rest ? `#${rest}` : "" };
}

/** What the web transport needs of the page; a test passes its own. */
export interface WebEnvironment {
  fetch: typeof fetch;
  /** Prefix of the API URLs: "" in the page itself (same origin), "http://127.0.0.1:PORT" in tests. */
  origin: string;
  location: { pathname: string; search: string; hash: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  setTimeout(callback: () => void, ms: number): unknown;
}

/** Where the token is kept for the tab's life (it survives reloads, not the tab). */
export const TOKEN_STORAGE_KEY = "dojo.token";
/** Pauses before reconnecting a dropped event stream; the last one repeats. */
export const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000, 10_000];

const NO_TOKEN =
  "This page has no access token. Open the address printed by `npm run web` (it ends with #token=...).";
const BAD_TOKEN =
  "The web host refused this page's token (it changes at every launch). Open the address printed by `npm run web` again.";

/**
 * The web transport: calls are `POST /api/<channel>`, events arrive on one server-sent-events
 * stream read with fetch (EventSource cannot send the token header). Calls wait for the stream's
 * hello frame, so events they cause can be routed to this page. Aborting `signal` closes the
 * stream and stops reconnecting (the page never does; tests do).
 */
export function createWebBridge(
  env: WebEnvironment,
  options: { reconnectDelaysMs?: number[]; signal?: AbortSignal } = {},
): Bridge {
  const delays = options.reconnectDelaysMs ?? RECONNECT_DELAYS_MS;
  const { signal } = options;

  // Take the token out of the address bar at once: it must not linger in history or screenshots.
  const fromHash = takeTokenFromHash(env.location.hash);
  if (fromHash.token) {
    env.storage.setItem(TOKEN_STORAGE_KEY, fromHash.token);
    env.history.replaceState(null, "", `${env.location.pathname}${env.location.search}${fromHash.hash}`);
  }
  const token = fromHash.token ?? env.storage.getItem(TOKEN_STORAGE_KEY);

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let clientId: string | null = null;
  let fatal: AppError | null = token ? null : appError("permission", NO_TOKEN);
  let streaming = false;
  let waiters: { resolve: (id: string) => void; reject: (err: BridgeError) => void }[] = [];

  const settleWaiters = (outcome: { id: string } | { error: AppError }): void => {
    const pending = waiters;
    waiters = [];
    for (const waiter of pending) {
      if ("id" in outcome) waiter.resolve(outcome.id);
      else waiter.reject(new BridgeError(outcome.error));
    }
  };

  const deliver = (frame: SseFrame): void => {
    if (frame.event === "hello") {
      const hello = safeJson(frame.data) as { clientId?: unknown } | undefined;
      if (typeof hello?.clientId !== "string") return;
      clientId = hello.clientId;
      settleWaiters({ id: clientId });
      return;
    }
    if (!isEventName(frame.event)) return;
    const payload = safeJson(frame.data);
    const checked = checkedPayload(frame.event, payload);
    if (!checked.ok) return;
    for (const listener of [...(listeners.get(frame.event) ?? [])]) listener(checked.value);
  };

  /** One connection: resolves when the stream ends or fails; returns whether hello arrived. */
  const connectOnce = async (): Promise<boolean> => {
    const headers: Record<string, string> = { "x-dojo-token": token ?? "" };
    // Ask for the previous id back, so events of runs started before the drop still arrive.
    if (clientId) headers["x-dojo-client"] = clientId;
    const helloBefore = clientId;
    let sawHello = false;
    try {
      const res = await env.fetch(`${env.origin}/api/events`, { headers, cache: "no-store", signal });
      if (res.status === 403) {
        fatal = appError("permission", BAD_TOKEN, { status: 403 });
        return false;
      }
      if (!res.ok || !res.body) throw new Error(`the event stream answered ${res.status}`);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const { frames, rest } = parseSseFrames(buffer);
        buffer = rest;
        for (const frame of frames) {
          if (frame.event === "hello") sawHello = true;
          deliver(frame);
        }
      }
    } catch {
      // Dropped or unreachable: the loop below reconnects.
    }
    if (!sawHello && helloBefore === null && clientId === null) {
      settleWaiters({ error: appError("network", "Could not reach the web host's event stream; retrying.") });
    }
    return sawHello;
  };

  const runStream = async (): Promise<void> => {
    let attempt = 0;
    while (!fatal) {
      const connected = await connectOnce();
      if (signal?.aborted) fatal = appError("cancelled", "The bridge was shut down.");
      if (fatal) break;
      attempt = connected ? 0 : attempt + 1;
      const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1_000;
      await new Promise<void>((resolve) => env.setTimeout(resolve, delay));
    }
    streaming = false;
    if (fatal) settleWaiters({ error: fatal });
  };

  const ready = (): Promise<string> => {
    if (signal?.aborted) fatal ??= appError("cancelled", "The bridge was shut down.");
    if (fatal) return Promise.reject(new BridgeError(fatal));
    if (!streaming) {
      streaming = true;
      void runStream();
    }
    if (clientId) return Promise.resolve(clientId);
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  };

  return {
    mode: "web",
    async call(channel, input) {
      const id = await ready();
      let res: Response;
      try {
        res = await env.fetch(`${env.origin}/api/${encodeURIComponent(channel)}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-dojo-token": token ?? "", "x-dojo-client": id },
          body: JSON.stringify(input ?? {}),
          cache: "no-store",
        });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new BridgeError(appError("network", `Could not reach the web host for ${channel}: ${message}`));
      }
      const body = safeJson(await res.text().catch(() => ""));
      if (body === undefined) {
        throw new BridgeError(appError("network", `The web host answered ${channel} with ${res.status} and no result.`, { status: res.status }));
      }
      return readCallResult(channel, body);
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      // A wrapper per subscription: the same function subscribed twice is two subscriptions.
      const entry = (payload: unknown): void => listener(payload as EventPayload<typeof event>);
      set.add(entry);
      void ready().catch(() => {}); // Open the stream; a failure is reported by the next call.
      return () => {
        listeners.get(event)?.delete(entry);
      };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A bridge for when there is no page at all (unit tests in Node): every call says so. */
function createDetachedBridge(): Bridge {
  return {
    mode: "web",
    call: async (channel) => {
      throw new BridgeError(appError("internal", `${channel}: there is no main side to call in this environment.`));
    },
    on: () => () => {},
  };
}

function detectBridge(): Bridge {
  if (typeof window === "undefined") return createDetachedBridge();
  const dojo = (window as Window & { dojo?: DesktopApi }).dojo;
  if (dojo) return createDesktopBridge(dojo);
  return createWebBridge({
    fetch: (...args) => window.fetch(...args),
    origin: "",
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  });
}

/** The app's bridge: desktop when the preload exposed `window.dojo`, web otherwise. */
export const bridge: Bridge = detectBridge();
