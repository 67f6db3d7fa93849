// Main process (simulator): writing responses with the headers the real service sends on every one.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleepFor } from "node:timers/promises";
import type { ApiError } from "./apiError";
import type { RateLimitBudget } from "./rateLimits";

/** One request in flight: its ids, clocks, and a signal that fires when it must stop (client gone or server closing). */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
  startedAt: number;
  signal: AbortSignal;
  budget: RateLimitBudget;
}

/** A fresh request id in the service's format ("req_" and 32 hex digits). */
export function newRequestId(): string {
  return `req_${randomUUID().replace(/-/g, "")}`;
}

/** Headers of every response: request id, processing time, rate-limit budget, and the simulator's name. */
export function commonHeaders(ex: Exchange, tokens: number, extra: Record<string, string> = {}, counted = true): Record<string, string> {
  return {
    "x-request-id": ex.requestId,
    "openai-processing-ms": String(Math.max(0, Math.round(performance.now() - ex.startedAt))),
    "openai-version": "2020-10-01",
    "x-dojo-simulator": "prompt-dojo-simulator",
    ...(counted ? ex.budget.consume(tokens) : ex.budget.snapshot()),
    ...extra,
  };
}

/** Sends a JSON body; `counted` false leaves the rate-limit budget untouched (a refused request). */
export function sendJson(ex: Exchange, status: number, body: unknown, tokens = 0, extra: Record<string, string> = {}, counted = true): void {
  const text = JSON.stringify(body);
  ex.res.writeHead(status, {
    ...commonHeaders(ex, tokens, extra, counted),
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
  });
  ex.res.end(text);
}

/** Sends an error in the spec's ErrorResponse shape, with its status and headers. */
export function sendError(ex: Exchange, error: ApiError): void {
  const extra = { ...error.headers };
  // A simulated 429 on demand says the request budget is spent; an enforced one brings its own headers.
  if (error.status === 429 && error.code === "rate_limit_exceeded" && !extra["x-ratelimit-remaining-requests"]) extra["x-ratelimit-remaining-requests"] = "0";
  sendJson(ex, error.status, error.body(), 0, extra, error.counted);
}

let waitsInProgress = 0;

/**
 * How many pauses and hangs are in progress in this process. A diagnostic for tests that check
 * a disconnect or close() releases them (counting the process's timers is at the mercy of
 * whatever else runs in it).
 */
export function pendingWaits(): number {
  return waitsInProgress;
}

/** Waits `ms`; resolves false instead if the exchange is aborted first (the timer is cleared either way). */
export async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  waitsInProgress++;
  try {
    await sleepFor(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  } finally {
    waitsInProgress--;
  }
}

/** Resolves when the exchange is aborted: used to hang without holding a timer. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  waitsInProgress++;
  return new Promise((resolve) =>
    signal.addEventListener(
      "abort",
      () => {
        waitsInProgress--;
        resolve();
      },
      { once: true },
    ),
  );
}

/** Writes text, waiting for the socket to drain when its buffer is full; false when aborted meanwhile. */
export async function writeText(ex: Exchange, text: string): Promise<boolean> {
  if (ex.signal.aborted || ex.res.destroyed) return false;
  if (ex.res.write(text)) return true;
  try {
    await once(ex.res, "drain", { signal: ex.signal });
    return true;
  } catch {
    return false;
  }
}
