// Main process (simulator): the x-ratelimit-* headers the real service sends, from a simulated
// budget that refills continuously (OpenAI's rate-limit guide documents the headers; the spec does not).

/** Requests and tokens allowed per minute by the simulated budget. */
export const REQUESTS_PER_MINUTE = 500;
export const TOKENS_PER_MINUTE = 200_000;
const MINUTE_MS = 60_000;

/**
 * A duration the way the service writes it (Go's time.Duration format): "12ms", "1s", "8.64s", "6m0s".
 */
export function formatDuration(ms: number): string {
  const rounded = Math.max(0, Math.round(ms));
  if (rounded < 1000) return `${rounded}ms`;
  if (rounded < MINUTE_MS) return `${Number((rounded / 1000).toFixed(3))}s`;
  const minutes = Math.floor(rounded / MINUTE_MS);
  const seconds = Number(((rounded % MINUTE_MS) / 1000).toFixed(3));
  return `${minutes}m${seconds}s`;
}

/** Tracks use of the simulated budget; one per running simulator. */
export class RateLimitBudget {
  private usedRequests = 0;
  private usedTokens = 0;
  private updatedAt: number;

  constructor(private readonly now: () => number = Date.now) {
    this.updatedAt = now();
  }

  /** Lets the budget refill for the time that passed: the whole limit per minute. */
  private refill(): void {
    const t = this.now();
    const elapsed = t - this.updatedAt;
    this.updatedAt = t;
    this.usedRequests = Math.max(0, this.usedRequests - (elapsed * REQUESTS_PER_MINUTE) / MINUTE_MS);
    this.usedTokens = Math.max(0, this.usedTokens - (elapsed * TOKENS_PER_MINUTE) / MINUTE_MS);
  }

  /** Counts one request of about `tokens` tokens and returns the headers that describe the budget after it. */
  consume(tokens: number): Record<string, string> {
    this.refill();
    this.usedRequests = Math.min(REQUESTS_PER_MINUTE, this.usedRequests + 1);
    this.usedTokens = Math.min(TOKENS_PER_MINUTE, this.usedTokens + Math.max(0, tokens));
    return {
      "x-ratelimit-limit-requests": String(REQUESTS_PER_MINUTE),
      "x-ratelimit-limit-tokens": String(TOKENS_PER_MINUTE),
      "x-ratelimit-remaining-requests": String(Math.floor(REQUESTS_PER_MINUTE - this.usedRequests)),
      "x-ratelimit-remaining-tokens": String(Math.floor(TOKENS_PER_MINUTE - this.usedTokens)),
      "x-ratelimit-reset-requests": formatDuration((this.usedRequests * MINUTE_MS) / REQUESTS_PER_MINUTE),
      "x-ratelimit-reset-tokens": formatDuration((this.usedTokens * MINUTE_MS) / TOKENS_PER_MINUTE),
    };
  }
}
