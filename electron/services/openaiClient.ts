// Main process: builds the official openai SDK client for a connection, counting attempts. Every
// provider response enters the app here, so here its headers and body are scrubbed of secrets.
import OpenAI from "openai";
import { keyHint } from "../../shared/redact";
import { currentScrubber } from "./knownSecrets";
import { DEFAULT_RETRY_POLICY } from "../../shared/retryPolicy";
import { DojoError } from "../errors";
import type { Connection } from "./profiles";

export type { Connection } from "./profiles";

/** A client plus how many HTTP attempts it has made (1 + retries). */
export interface CountingClient {
  client: OpenAI;
  attempts(): number;
}

/** What the wrapped fetch saw of one attempt: the request as sent (key masked) and its answer. */
export interface ObservedAttempt {
  /** performance.now() when the attempt was sent. */
  sentAt: number;
  method: string;
  url: string;
  /** Request headers as sent, the Authorization header masked to a hint. */
  requestHeaders: Record<string, string>;
  status: number | null;
  /** performance.now() when the headers arrived or the attempt failed. */
  settledAt: number;
  /** Every response header (the record keeps the ones worth showing). */
  responseHeaders: Record<string, string>;
  /** The thrown error's message when no response arrived (unredacted: callers redact). */
  error: string | null;
}

/** Masks a bearer key in request headers: "Bearer sk-...abcd". */
function maskedHeaders(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    out[name] = name === "authorization" ? `Bearer ${keyHint(value.replace(/^Bearer\s+/i, ""))}` : value;
  });
  return out;
}

/** Sent to a compatible server with no key set: local servers (Ollama, LM Studio) need none. */
export const NO_KEY_PLACEHOLDER = "no-key-set";

/**
 * The key to send, or a precise error saying how to provide one. (The profile service gives the
 * simulator profile its placeholder key.) A compatible server without a key gets a placeholder,
 * since the SDK needs a value; if that server does want a key, its 401 says so.
 */
export function apiKeyFor(connection: Connection): string {
  if (connection.apiKey) return connection.apiKey;
  if (connection.provider.kind === "compatible") return NO_KEY_PLACEHOLDER;
  throw new DojoError(
    "invalid_key",
    `No API key is set for profile ${connection.provider.profileName}: add one in Settings or set OPENAI_API_KEY.`,
  );
}

/**
 * The connection's key as a secret to redact. The simulator's placeholder is no secret, and
 * scrubbing it would mangle the word "simulator" in its messages.
 */
export function connectionSecrets(connection: Connection): string[] {
  return connection.apiKey && connection.provider.kind !== "simulator" ? [connection.apiKey] : [];
}

/**
 * The SDK retries every 429, but one that says `insufficient_quota` is about billing: waiting
 * cannot fix it, so it is marked with the `x-should-retry: false` header the SDK obeys.
 */
export async function withQuotaNotRetried(response: Response): Promise<Response> {
  if (response.status !== 429 || response.headers.get("x-should-retry")) return response;
  const body = await response.text();
  const headers = new Headers(response.headers);
  if (body.includes('"insufficient_quota"')) headers.set("x-should-retry", "false");
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** Bodies read whole and scrubbed as text; a stream is scrubbed piece by piece where it is read (the relay). */
const TEXT_BODY = /^(application\/(json|problem\+json|x-ndjson|jsonl)|text\/(?!event-stream))/i;

/**
 * The response with every known secret (and `own`, the connection's key) removed from its headers
 * and, for a JSON or text body, from the body: a server that echoes the key in a header, the
 * request id, an error or an answer cannot get it into a record, an event or a file.
 */
export async function scrubbedResponse(response: Response, own: readonly string[]): Promise<Response> {
  const scrubber = currentScrubber(own);
  const headers = new Headers();
  let headersChanged = false;
  response.headers.forEach((value, name) => {
    const clean = scrubber.text(value);
    if (clean !== value) headersChanged = true;
    headers.append(name, clean);
  });
  const textBody = TEXT_BODY.test(response.headers.get("content-type") ?? "") && response.body !== null;
  if (!textBody && !headersChanged) return response;
  let body: BodyInit | null = response.body;
  if (textBody) {
    const raw = await response.text();
    const clean = scrubber.text(raw);
    // Scrubbing replaces runs of key characters inside strings; should a secret hold JSON syntax, scrub the parsed value.
    const broken = clean !== raw && isJsonType(response) && !parses(clean) && parses(raw);
    body = broken ? JSON.stringify(scrubber.value(JSON.parse(raw) as unknown)) : clean;
  }
  headers.delete("content-length");
  headers.delete("content-encoding");
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

const isJsonType = (response: Response) => /json/i.test(response.headers.get("content-type") ?? "");

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The key under which a call's own observer rides in the SDK's per-request `fetchOptions`; the SDK
 * spreads those options into the `init` it hands to `fetch`, so one client shared by many calls
 * (an evaluation run's) still tells each call about its own attempts.
 */
const CALL_OBSERVER = Symbol("prompt-dojo.callObserver");

type ObservedInit = RequestInit & { [CALL_OBSERVER]?: (attempt: ObservedAttempt) => void };

type SdkFetchOptions = NonNullable<NonNullable<Parameters<OpenAI["models"]["list"]>[0]>["fetchOptions"]>;

/** Per-request SDK options that route this call's attempts to `observe` (for a shared client). */
export function observedBy(observe: (attempt: ObservedAttempt) => void): { fetchOptions: SdkFetchOptions } {
  // No RequestInit field is set: only the marker, which the SDK copies through untouched.
  return { fetchOptions: { [CALL_OBSERVER]: observe } as SdkFetchOptions };
}

/**
 * Creates the SDK client for one run or call. Every HTTP attempt goes through the wrapped
 * `fetch`, so the count includes the SDK's own retries.
 */
/**
 * Admits HTTP attempts: an evaluation run's limiter, so "concurrency" counts requests actually on
 * the wire, while the SDK prepares the next ones and parses finished ones outside it.
 */
export interface RequestGate {
  /** Resolves when the attempt may be sent; rejects when the run is cancelled. */
  acquire(): Promise<void>;
  /** The attempt's answer is in (or it failed). */
  release(): void;
}

export function createCountingClient(
  connection: Connection,
  policy: { requestTimeoutMs?: number; maxRetries?: number; fetch?: typeof fetch; gate?: RequestGate } = {},
  observe?: (attempt: ObservedAttempt) => void,
): CountingClient {
  // The HTTP layer under the counting: the global fetch, or one a caller pools connections with.
  const baseFetch = policy.fetch ?? fetch;
  const apiKey = apiKeyFor(connection);
  let attempts = 0;
  const gate = policy.gate;
  const countingFetch: typeof fetch = async (input, init?: ObservedInit) => {
    // Time spent waiting at the gate is the runner's queue, not the attempt's: the clock starts after.
    if (gate) await gate.acquire();
    try {
      return await observedFetch(input, init);
    } finally {
      gate?.release();
    }
  };
  const observedFetch: typeof fetch = async (input, init?: ObservedInit) => {
    attempts += 1;
    // A call's own observer (observedBy) wins over the client's.
    const seen = init?.[CALL_OBSERVER] ?? observe;
    const sentAt = performance.now();
    const base = {
      sentAt,
      method: init?.method ?? "GET",
      url: typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
      requestHeaders: seen ? maskedHeaders(init?.headers) : {},
    };
    try {
      const response = await scrubbedResponse(await withQuotaNotRetried(await baseFetch(input, init)), connectionSecrets(connection));
      if (seen) {
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, name) => (responseHeaders[name] = value));
        seen({ ...base, status: response.status, settledAt: performance.now(), responseHeaders, error: null });
      }
      return response;
    } catch (err) {
      seen?.({ ...base, status: null, settledAt: performance.now(), responseHeaders: {}, error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  };
  const client = new OpenAI({
    apiKey,
    // An empty base URL means OpenAI's own; the SDK would otherwise read OPENAI_BASE_URL.
    baseURL: connection.baseURL || "https://api.openai.com/v1",
    timeout: policy.requestTimeoutMs ?? DEFAULT_RETRY_POLICY.requestTimeoutMs,
    maxRetries: policy.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    fetch: countingFetch,
    // The SDK logs unparsable stream data and retries to the console; errors reach the user
    // through the mapped AppError instead, redacted.
    logLevel: "off",
  });
  return { client, attempts: () => attempts };
}
