// Main process: how many evaluation requests may be in flight: halved on a 429 with every request
// paused for the server's retry-after, raised by one again after a run of successes (AIMD, as TCP
// does), never above the user's setting.

/** Rejects waiting callers when the run is cancelled. */
export class LimiterAborted extends Error {
  constructor() {
    super("cancelled");
    this.name = "LimiterAborted";
  }
}

export interface LimiterOptions {
  /** The user's concurrency setting: the ceiling. */
  max: number;
  now?: () => number;
}

/** An adaptive semaphore. */
export class AdaptiveLimiter {
  private current: number;
  private active = 0;
  private streak = 0;
  private pausedUntil = 0;
  private waiters = new Set<() => void>();
  private readonly max: number;
  private readonly now: () => number;

  constructor(options: LimiterOptions) {
    this.max = Math.max(1, Math.floor(options.max));
    this.current = this.max;
    this.now = options.now ?? Date.now;
  }

  /** Requests allowed in flight right now. */
  get limit(): number {
    return this.current;
  }

  /** Requests in flight. */
  get inFlight(): number {
    return this.active;
  }

  private wakeAll(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiting) wake();
  }

  /** Waits for a slot (and for any retry-after pause to end); rejects with LimiterAborted on abort. */
  async acquire(signal: AbortSignal): Promise<void> {
    for (;;) {
      if (signal.aborted) throw new LimiterAborted();
      const pause = this.pausedUntil - this.now();
      if (pause <= 0 && this.active < this.current) {
        this.active += 1;
        return;
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener("abort", done);
          this.waiters.delete(done);
          resolve();
        };
        // A paused limiter re-checks when the pause ends; a full one when a slot frees.
        const timer = pause > 0 ? setTimeout(done, pause) : undefined;
        this.waiters.add(done);
        signal.addEventListener("abort", done, { once: true });
      });
    }
  }

  /** Frees a slot. */
  release(): void {
    this.active = Math.max(0, this.active - 1);
    this.wakeAll();
  }

  /** A request succeeded: after as many successes in a row as the current limit, allow one more. */
  succeeded(): void {
    this.streak += 1;
    if (this.streak >= this.current && this.current < this.max) {
      this.current += 1;
      this.streak = 0;
      this.wakeAll();
    }
  }

  /** The server said 429: halve the limit and pause everyone for `retryAfterMs`. */
  rateLimited(retryAfterMs: number): void {
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.streak = 0;
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + Math.max(0, retryAfterMs));
  }
}
