// Main process (simulator): the x-ratelimit-* headers the real service sends, from a simulated
// budget that refills continuously (OpenAI's rate-limit guide documents the headers; the spec does
// not). By default the limits are generous and only reported; once the user sets requests- or
// tokens-per-minute limits, they are enforced: a request over them is refused with a real 429.

/** Requests and tokens allowed per minute by the simulated budget when no limit is set. */
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

/** Limits set by the user; null means the default (reported, not enforced). */
export interface EnforcedLimits {
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
}

/** Why a request is refused: which limit, how long until it would fit (null: never, it is too large), the 429's message. */
export interface Refusal {
  limit: "requests" | "tokens";
  retryAfterMs: number | null;
  message: string;
  /** The x-ratelimit-* headers describing the budget now. */
  headers: Record<string, string>;
}

/** Tracks use of the simulated budget; one per running simulator. */
export class RateLimitBudget {
  private usedRequests = 0;
  private usedTokens = 0;
  private updatedAt: number;
  private rpm = REQUESTS_PER_MINUTE;
  private tpm = TOKENS_PER_MINUTE;
  private enforced = false;

  constructor(private readonly now: () => number = Date.now) {
    this.updatedAt = now();
  }

  /** Sets (or, with both null, removes) enforced limits; use so far is kept, within the new limits. */
  setLimits(limits: EnforcedLimits): void {
    this.refill();
    this.enforced = limits.requestsPerMinute !== null || limits.tokensPerMinute !== null;
    this.rpm = limits.requestsPerMinute ?? REQUESTS_PER_MINUTE;
    this.tpm = limits.tokensPerMinute ?? TOKENS_PER_MINUTE;
    this.usedRequests = Math.min(this.usedRequests, this.rpm);
    this.usedTokens = Math.min(this.usedTokens, this.tpm);
  }

  /** Lets the budget refill for the time that passed: the whole limit per minute. */
  private refill(): void {
    const t = this.now();
    const elapsed = Math.max(0, t - this.updatedAt);
    this.updatedAt = t;
    this.usedRequests = Math.max(0, this.usedRequests - (elapsed * this.rpm) / MINUTE_MS);
    this.usedTokens = Math.max(0, this.usedTokens - (elapsed * this.tpm) / MINUTE_MS);
  }

  private headers(): Record<string, string> {
    return {
      "x-ratelimit-limit-requests": String(this.rpm),
      "x-ratelimit-limit-tokens": String(this.tpm),
      "x-ratelimit-remaining-requests": String(Math.max(0, Math.floor(this.rpm - this.usedRequests))),
      "x-ratelimit-remaining-tokens": String(Math.max(0, Math.floor(this.tpm - this.usedTokens))),
      "x-ratelimit-reset-requests": formatDuration((this.usedRequests * MINUTE_MS) / this.rpm),
      "x-ratelimit-reset-tokens": formatDuration((this.usedTokens * MINUTE_MS) / this.tpm),
    };
  }

  /**
   * Whether a request of `tokens` tokens fits the enforced limits now, without counting it; a
   * Refusal when it does not. Always fits when no limit is enforced.
   */
  admit(tokens: number, model: string): Refusal | null {
    this.refill();
    if (!this.enforced) return null;
    const used = (n: number) => Math.ceil(n);
    if (this.usedRequests + 1 > this.rpm) {
      const waitMs = Math.ceil(((this.usedRequests + 1 - this.rpm) * MINUTE_MS) / this.rpm);
      return {
        limit: "requests",
        retryAfterMs: waitMs,
        message: `Rate limit reached for ${model} in organization org-simulator on requests per min (RPM): Limit ${this.rpm}, Used ${used(this.usedRequests)}, Requested 1. Please try again in ${formatDuration(waitMs)}. (Simulated by Prompt Dojo.)`,
        headers: this.headers(),
      };
    }
    if (tokens > this.tpm) {
      return {
        limit: "tokens",
        retryAfterMs: null,
        message: `Request too large for ${model} in organization org-simulator on tokens per min (TPM): Limit ${this.tpm}, Requested ${tokens}. The input or output tokens must be reduced in order to run successfully. (Simulated by Prompt Dojo.)`,
        headers: this.headers(),
      };
    }
    if (this.usedTokens + tokens > this.tpm) {
      const waitMs = Math.ceil(((this.usedTokens + tokens - this.tpm) * MINUTE_MS) / this.tpm);
      return {
        limit: "tokens",
        retryAfterMs: waitMs,
        message: `Rate limit reached for ${model} in organization org-simulator on tokens per min (TPM): Limit ${this.tpm}, Used ${used(this.usedTokens)}, Requested ${tokens}. Please try again in ${formatDuration(waitMs)}. (Simulated by Prompt Dojo.)`,
        headers: this.headers(),
      };
    }
    return null;
  }

  /** Counts one request of about `tokens` tokens and returns the headers that describe the budget after it. */
  consume(tokens: number): Record<string, string> {
    this.refill();
    this.usedRequests = Math.min(this.rpm, this.usedRequests + 1);
    this.usedTokens = Math.min(this.tpm, this.usedTokens + Math.max(0, tokens));
    return this.headers();
  }

  /** The headers describing the budget now, without counting anything. */
  snapshot(): Record<string, string> {
    this.refill();
    return this.headers();
  }
}
