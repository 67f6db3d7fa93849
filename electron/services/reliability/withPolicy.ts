// Main process: runs one SDK call under the client policy: our own retry loop around an SDK
// client made with `maxRetries: 0`, so every attempt, every wait and its reason, and the deadline
// are known and can be shown. Embeddings, evaluations and any other caller use this same function.
import { setTimeout as sleepFor } from "node:timers/promises";
import { APIConnectionError, APIError, APIUserAbortError } from "openai";
import { decideRetry, formatWait, retryAfterMs, type FailedAttempt, type StopReason, type WaitReason } from "../../../shared/retryPlan";
import type { ClientPolicy } from "../../../shared/retryPolicy";

/** A wait the policy chose after failed attempt `afterAttempt` (1-based). */
export interface PolicyWait {
  afterAttempt: number;
  waitMs: number;
  reason: WaitReason;
  why: string;
}

/** Thrown when the policy stops: the last attempt's error is the `cause`, `why` says why no more. */
export class PolicyStopError extends Error {
  constructor(
    readonly stop: StopReason,
    readonly why: string,
    readonly attempts: number,
    cause: unknown,
  ) {
    super(why, { cause });
    this.name = "PolicyStopError";
  }
}

/** What a caller may pass besides the policy; everything has a default. */
export interface PolicyOptions {
  /** Aborted by the caller (Stop): the current attempt or wait ends at once. */
  signal?: AbortSignal;
  /** performance.now() when the request started (the deadline counts from it); default: now. */
  startedAt?: number;
  /** The clock; default performance.now. */
  now?: () => number;
  /** Random numbers in [0, 1) for jitter; default Math.random. */
  random?: () => number;
  /** Waits `ms` or rejects when `signal` aborts; default a timer. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told of each wait before it starts. */
  onWait?: (wait: PolicyWait) => void;
  /** Told why the policy stopped, before the error is thrown. */
  onStop?: (stop: { afterAttempt: number; stop: StopReason; why: string }) => void;
  /**
   * The call's value is whole when it resolves (not a stream still to be read), so nothing needs
   * the caller's signal afterwards: the link to it is removed then too. Callers that share one
   * signal across many calls (an evaluation run) need this, or every finished call would stay
   * subscribed to it.
   */
  wholeOnReturn?: boolean;
}

/** What the policy needs to know about a thrown error; null when it is not an attempt's failure. */
export function failureOf(err: unknown, nowMs: number = Date.now()): FailedAttempt | null {
  if (err instanceof APIUserAbortError) return null;
  if (err instanceof APIConnectionError) return { status: null, code: null, shouldRetry: null, retryAfterMs: null };
  if (err instanceof APIError && typeof err.status === "number") {
    const headers = err.headers;
    const body = err.error as { message?: unknown } | undefined;
    return {
      status: err.status,
      code: typeof err.code === "string" ? err.code : null,
      message: typeof body?.message === "string" ? body.message : err.message,
      shouldRetry: headers?.get("x-should-retry") ?? null,
      retryAfterMs: retryAfterMs((name) => headers?.get(name), nowMs),
    };
  }
  return null;
}

/** Runs `call` until it succeeds or the policy stops; `call` gets a signal and the 1-based attempt number. */
export async function withPolicy<T>(policy: ClientPolicy, call: (signal: AbortSignal, attempt: number) => Promise<T>, options: PolicyOptions = {}): Promise<T> {
  const now = options.now ?? (() => performance.now());
  const startedAt = options.startedAt ?? now();
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number, signal: AbortSignal) => sleepFor(ms, undefined, { signal }));
  const controller = new AbortController();
  let deadlinePassed = false;
  const onAbort = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  // The deadline covers every attempt and every wait; an attempt still running then is aborted.
  const deadlineTimer = setTimeout(() => {
    deadlinePassed = true;
    controller.abort();
  }, Math.max(0, startedAt + policy.deadlineMs - now()));
  const stop = (afterAttempt: number, reason: StopReason, why: string, cause: unknown): PolicyStopError => {
    options.onStop?.({ afterAttempt, stop: reason, why });
    return new PolicyStopError(reason, why, afterAttempt, cause);
  };
  let succeeded = false;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        if (controller.signal.aborted) throw new APIUserAbortError();
        const value = await call(controller.signal, attempt);
        succeeded = true;
        return value;
      } catch (err) {
        if (deadlinePassed) throw stop(attempt, "deadline", `Stopped: the request's deadline of ${formatWait(policy.deadlineMs)} passed during attempt ${attempt}.`, err);
        if (options.signal?.aborted) throw err;
        const failure = failureOf(err);
        if (!failure) throw err;
        const decision = decideRetry({ policy, attemptsMade: attempt, failure, elapsedMs: now() - startedAt, random });
        if (!decision.retry) throw stop(attempt, decision.stop, decision.why, err);
        options.onWait?.({ afterAttempt: attempt, waitMs: decision.waitMs, reason: decision.reason, why: decision.why });
        try {
          await sleep(decision.waitMs, controller.signal);
        } catch {
          if (deadlinePassed) throw stop(attempt, "deadline", `Stopped: the request's deadline of ${formatWait(policy.deadlineMs)} passed while waiting.`, err);
          // Stop pressed during the wait: end at once, as an abort.
          throw new APIUserAbortError();
        }
      }
    }
  } finally {
    clearTimeout(deadlineTimer);
    // After a success the caller's signal must still reach the call: a stream read after the
    // headers arrived is stopped through it. Otherwise the link is no longer needed.
    if (!succeeded || options.wholeOnReturn) options.signal?.removeEventListener("abort", onAbort);
  }
}
