// Main process: a `fetch` for the SDK's non-streamed evaluation calls, built on node:http(s) with one
// keep-alive agent per evaluation run. Node's built-in fetch (undici) costs about four times the CPU
// per request here, which at hundreds of requests a second is what kept a run far from its bound.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/** A fetch with its own connection pool; `close()` ends the pool's idle sockets. */
export interface KeepAliveFetch {
  fetch: typeof fetch;
  close(): void;
}

/** A body this fetch sends itself; anything else (a form, a stream) goes through the global fetch. */
function simpleBody(body: RequestInit["body"]): string | Uint8Array | null | undefined {
  if (body === undefined || body === null || typeof body === "string" || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return undefined;
}

/** The error a spec fetch rejects with when its signal aborts. */
function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/** The response's headers, repeated ones kept (set-cookie). */
function headersOf(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string);
  return headers;
}

/**
 * Creates the fetch. It reads each answer whole before resolving (evaluation calls are not
 * streamed), rejects like a spec fetch (`TypeError("fetch failed")` with the cause; the signal's
 * AbortError), and hands anything it does not handle to the global fetch unchanged.
 */
export function createKeepAliveFetch(options: { maxSockets?: number } = {}): KeepAliveFetch {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64 };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);

  const keepAliveFetch: typeof fetch = (input, init) => {
    const body = simpleBody(init?.body);
    const url = typeof input === "string" ? new URL(input) : input instanceof URL ? input : null;
    if (!url || (body === undefined && init?.body !== undefined) || (url.protocol !== "http:" && url.protocol !== "https:")) return fetch(input, init);
    const signal = init?.signal ?? null;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    if (body != null) headers["content-length"] = String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength);
    const secure = url.protocol === "https:";

    return new Promise<Response>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener("abort", onAbort);
        fn();
      };
      const send = secure ? httpsRequest : httpRequest;
      const req = send(url, { method: init?.method ?? "GET", headers, agent: secure ? https : http }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("error", (err) => finish(() => reject(new TypeError("fetch failed", { cause: err }))));
        // The connection dropped before the answer was whole (after "end", this changes nothing).
        res.on("close", () => {
          if (!res.complete) finish(() => reject(new TypeError("fetch failed", { cause: new Error("the connection closed before the response ended") })));
        });
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          // A Response may not carry a body for these statuses.
          const noBody = status === 204 || status === 205 || status === 304 || init?.method === "HEAD";
          finish(() => resolve(new Response(noBody ? null : Buffer.concat(parts), { status, statusText: res.statusMessage ?? "", headers: headersOf(res) })));
        });
      });
      function onAbort() {
        req.destroy();
        finish(() => reject(abortError(signal as AbortSignal)));
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("error", (err) => finish(() => reject(new TypeError("fetch failed", { cause: err }))));
      req.end(body ?? undefined);
    });
  };

  return {
    fetch: keepAliveFetch,
    close() {
      http.destroy();
      https.destroy();
    },
  };
}
