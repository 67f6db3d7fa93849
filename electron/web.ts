// Main side (web mode): the HTTP door. Serves the built renderer and the same handlers as IPC on
// 127.0.0.1: one POST per call, server-sent events for events, a per-launch token on every API call.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { CallResult, ChannelName, EventName } from "../shared/contract";
import { appError, type AppError } from "../shared/errors";
import { LARGE_BODY_CHANNELS, MAX_IMPORT_BODY_BYTES } from "../shared/contracts/importLimits";
import { JsonTooDeepError, MAX_JSON_DEPTH, parseJsonWithin, tooDeepMessage } from "../shared/jsonDepth";
import { dispatch, isChannelName, type HandlerContext, type Handlers } from "./dispatch";
import { contentTypeOf } from "./contentTypes";
import { foreignRequestReason } from "./requestOrigin";
import { CONTENT_SECURITY_POLICY } from "./window";

/** Largest request body accepted (a draft with a long conversation fits many times over). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Event streams open at once, at most: a page needs one; more are a leak or a flood. */
export const MAX_EVENT_STREAMS = 16;
/** Client ids kept at most (live streams and dropped ones waiting for a reconnect). */
export const MAX_EVENT_CLIENTS = 64;

/** The body limit of a channel: imports and a dataset's save carry a whole file (see importLimits.ts). */
export function bodyLimitFor(channel: string): number {
  return LARGE_BODY_CHANNELS.includes(channel) ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES;
}
/** A comment frame keeps idle event streams (and proxies, if any) from timing out. */
export const HEARTBEAT_MS = 15_000;
/** How long a dropped event stream's client id (and the events meant for it) is kept for a reconnect. */
export const DETACHED_CLIENT_TTL_MS = 60_000;
/** Events queued for a dropped stream, at most; older ones are discarded first. */
export const DETACHED_QUEUE_LIMIT = 2_000;

export interface WebHostOptions {
  handlers: Handlers;
  knownSecrets: () => readonly string[];
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface WebHost {
  /** The address to open, token included in the fragment: http://127.0.0.1:PORT/#token=TOKEN */
  url: string;
  token: string;
  port: number;
  /** The event streams the host knows: live ones, and dropped ones kept for a reconnect (diagnostics). */
  eventClients(): { id: string; connected: boolean; queued: number }[];
  close(): Promise<void>;
}


/** The MIME type of a file by its extension; unknown ones are served as opaque bytes. */
export function mimeTypeFor(filePath: string): string {
  return contentTypeOf(filePath);
}

/** Headers every response carries. */
const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

export { isLoopbackHost, isSameOriginRequest } from "./requestOrigin";

/** Compares a presented token with the real one in constant time (hashing makes lengths equal). */
export function tokenMatches(presented: string | undefined, token: string): boolean {
  if (typeof presented !== "string" || presented.length === 0) return false;
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(token).digest();
  return timingSafeEqual(a, b);
}

/**
 * Maps a URL path to a file inside `root`, or null when it would leave it (`..`, encoded `%2e%2e`
 * or `%2f`, NUL bytes, malformed escapes). `/` is index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const relative = decoded === "/" || decoded === "" ? "index.html" : decoded.replace(/^\/+/, "");
  const base = path.resolve(root);
  const resolved = path.resolve(base, relative);
  return resolved.startsWith(base + path.sep) ? resolved : null;
}

/** One event stream: its response while connected, or a queue while it waits for a reconnect. */
interface EventClient {
  id: string;
  res: ServerResponse | null;
  queue: string[];
  expiry: NodeJS.Timeout | null;
}

/** Formats one server-sent-events frame (JSON never holds a raw newline, so one data line). */
function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
    ...extra,
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: AppError, extra: Record<string, string> = {}): void {
  const body: CallResult<ChannelName> = { ok: false, error };
  sendJson(res, status, body, extra);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  res.end(text);
}

class BodyTooLarge extends Error {}

/** Reads a request body up to `limit` bytes; rejects with BodyTooLarge beyond it. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(header(req, "content-length"));
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on("error", (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
  });
}

/** Starts the web host on 127.0.0.1 with a fresh token. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString("base64url");
  const staticRoot = path.resolve(options.staticDir);
  const clients = new Map<string, EventClient>();
  let port = 0;

  const forbidden = (res: ServerResponse, api: boolean, why: string): void => {
    if (api) sendError(res, 403, appError("permission", why), { Connection: "close" });
    else sendText(res, 403, why);
  };

  const emitTo = (clientId: string | undefined): HandlerContext => ({
    emit(event: EventName, payload: unknown) {
      const client = clientId ? clients.get(clientId) : undefined;
      if (!client) return; // The caller has no event stream: nobody to tell.
      const frame = sseFrame(event, payload);
      if (client.res) client.res.write(frame);
      else {
        client.queue.push(frame);
        if (client.queue.length > DETACHED_QUEUE_LIMIT) client.queue.shift();
      }
    },
  });

  const openEventStream = (req: IncomingMessage, res: ServerResponse): void => {
    // A reconnecting page asks for its previous id, so events of runs it started still reach it.
    const wanted = header(req, "x-dojo-client");
    let client = wanted ? clients.get(wanted) : undefined;
    if (client?.res) client = undefined; // That id has a live stream: never hand it to a second one.
    const live = [...clients.values()].filter((c) => c.res !== null).length;
    if (live >= MAX_EVENT_STREAMS) {
      const why = `Too many event streams are open (${MAX_EVENT_STREAMS} at most): close other Prompt Dojo tabs and reload.`;
      sendError(res, 429, appError("rate_limited", why), { Connection: "close" });
      return;
    }
    if (!client) {
      client = { id: randomUUID(), res: null, queue: [], expiry: null };
      clients.set(client.id, client);
      // Dropped streams wait a minute for a reconnect; a flood of them must not grow without end.
      for (const old of clients.values()) {
        if (clients.size <= MAX_EVENT_CLIENTS) break;
        if (old.res || old === client) continue;
        if (old.expiry) clearTimeout(old.expiry);
        clients.delete(old.id);
      }
    }
    if (client.expiry) clearTimeout(client.expiry);
    client.expiry = null;
    client.res = res;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    res.write(sseFrame("hello", { clientId: client.id }));
    for (const frame of client.queue.splice(0)) res.write(frame);
    const current = client;
    res.on("close", () => {
      if (current.res !== res) return;
      current.res = null;
      current.expiry = setTimeout(() => clients.delete(current.id), DETACHED_CLIENT_TTL_MS);
      current.expiry.unref();
    });
  };

  const handleCall = async (channel: string, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isChannelName(channel)) {
      sendError(res, 404, appError("invalid_input", `Unknown channel "${channel.slice(0, 60)}".`));
      return;
    }
    let body: Buffer;
    const limit = bodyLimitFor(channel);
    try {
      body = await readBody(req, limit);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        const limitMb = limit / 1024 / 1024;
        sendError(res, 413, appError("invalid_input", `The request is larger than ${limitMb} MB.`), { Connection: "close" });
        // Stop reading the rest of an oversized upload once the answer is out.
        res.on("finish", () => req.destroy());
      } else {
        sendError(res, 400, appError("network", "The request body could not be read."));
      }
      return;
    }
    let input: unknown = undefined;
    if (body.length > 0) {
      try {
        input = parseJsonWithin(body.toString("utf8"), MAX_JSON_DEPTH);
      } catch (err) {
        const why = err instanceof JsonTooDeepError ? tooDeepMessage(`The body of ${channel}`, err.max) : `The body of ${channel} is not valid JSON.`;
        sendError(res, 400, appError("invalid_input", why));
        return;
      }
    }
    const result = await dispatch(options.handlers, channel, input, emitTo(header(req, "x-dojo-client")), options.knownSecrets);
    sendJson(res, 200, result);
  };

  const serveStatic = async (req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> => {
    const filePath = resolveStaticPath(staticRoot, urlPath);
    // Source maps carry the sources; a build made for debugging must not serve them either.
    if (!filePath || /\.map$/i.test(filePath)) {
      sendText(res, 404, "Not found");
      return;
    }
    const info = await stat(filePath).catch(() => null);
    if (!info?.isFile()) {
      sendText(res, 404, "Not found");
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "Content-Type": mimeTypeFor(filePath),
      "Content-Length": info.size,
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "Cache-Control": "no-cache",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    const stream = createReadStream(filePath);
    stream.on("error", () => res.destroy());
    stream.pipe(res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const rawPath = (req.url ?? "/").split("?")[0] ?? "/";
    let pathname: string;
    try {
      // A fixed base: the Host header is not trusted until checked below.
      pathname = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    } catch {
      return sendText(res, 400, "Bad request");
    }
    const isApi = pathname === "/api" || pathname.startsWith("/api/");
    const refused = foreignRequestReason({ host: header(req, "host"), origin: header(req, "origin") }, port);
    if (refused) return forbidden(res, isApi, refused);
    // Checked on the raw path: the URL parser already resolved "/../x" (and "%2e%2e") to "/x".
    if (/(^|\/)(\.|%2e){2}(\/|%2f|\\|$)/i.test(rawPath)) return sendText(res, 404, "Not found");

    if (!isApi) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.setHeader("Allow", "GET, HEAD");
        return sendText(res, 405, "Method not allowed");
      }
      return serveStatic(req, res, pathname);
    }

    if (!tokenMatches(header(req, "x-dojo-token"), token)) return forbidden(res, true, "Forbidden: missing or wrong token.");
    if (pathname === "/api/events") {
      if (req.method !== "GET") return sendError(res, 405, appError("invalid_input", "Use GET for /api/events."), { Allow: "GET" });
      return openEventStream(req, res);
    }
    if (req.method !== "POST") return sendError(res, 405, appError("invalid_input", "Calls use POST."), { Allow: "POST" });
    return handleCall(decodeURIComponentSafe(pathname.slice("/api/".length)), req, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // dispatch never throws; this is a bug in the host itself. Never echo details to the page.
      console.error("web host: request failed:", err instanceof Error ? err.message : err);
      if (!res.headersSent) sendError(res, 500, appError("internal", "The web host failed to answer."));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  const heartbeat = setInterval(() => {
    for (const client of clients.values()) client.res?.write(": ping\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    eventClients: () => [...clients.values()].map((c) => ({ id: c.id, connected: c.res !== null, queued: c.queue.length })),
    async close() {
      clearInterval(heartbeat);
      for (const client of clients.values()) {
        if (client.expiry) clearTimeout(client.expiry);
        client.res?.end();
      }
      clients.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
