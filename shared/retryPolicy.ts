// Both processes: how the main side retries and times out API calls, as data the renderer can show.

/** Retry and timeout settings of every API call the main side makes. */
export interface RetryPolicy {
  /** Extra attempts after the first (the openai SDK's `maxRetries`). */
  readonly maxRetries: number;
  /** How long one attempt may wait for the server's response headers (the SDK's `timeout`). */
  readonly requestTimeoutMs: number;
  /** How long a started stream may send nothing before it is treated as stalled and stopped. */
  readonly idleTimeoutMs: number;
}

/**
 * HTTP statuses the openai SDK retries by itself (besides connection errors and timeouts);
 * see `shouldRetry` in the SDK's client. A server may override with `x-should-retry`.
 */
export const RETRIED_STATUSES: readonly string[] = Object.freeze(["408", "409", "429", "5xx"]);

/** The policy the app uses unless a caller overrides it. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxRetries: 2,
  requestTimeoutMs: 60_000,
  idleTimeoutMs: 30_000,
});

/** Whole seconds when exact, else one decimal: "60 s", "0.5 s". */
function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** One sentence describing a policy for the UI. */
export function describeRetryPolicy(policy: RetryPolicy = DEFAULT_RETRY_POLICY): string {
  const retries =
    policy.maxRetries === 0
      ? "Failed requests are not retried"
      : `Failed requests are retried up to ${policy.maxRetries} time${policy.maxRetries === 1 ? "" : "s"} ` +
        `(on ${RETRIED_STATUSES.join(", ")} and connection errors, but never an out-of-quota 429; waiting as long as ` +
        "the server's retry-after asks, else an increasing back-off)";
  return (
    `${retries}; each attempt waits at most ${seconds(policy.requestTimeoutMs)} for the server to answer, ` +
    `and a stream that sends nothing for ${seconds(policy.idleTimeoutMs)} is stopped.`
  );
}
