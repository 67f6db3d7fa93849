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
  /**
   * The run's signal: when it aborts, every waiter is rejected. The limiter listens once; waiters
   * add nothing to it (one listener per waiter made each wait cost a walk of all the others).
   */
  signal?: AbortSignal;
  now?: () => number;
}

/** A caller waiting for a slot. */
interface Waiter {
  grant(): void;
  abort(): void;
}

/** An adaptive semaphore; waiters get slots in the order they asked. */
export class AdaptiveLimiter {
  private current: number;
  private active = 0;
  private streak = 0;
  private pausedUntil = 0;
  private readonly queue: Waiter[] = [];
  private pauseTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly max: number;
  private readonly now: () => number;
  private readonly signal: AbortSignal | undefined;

  constructor(options: LimiterOptions) {
    this.max = Math.max(1, Math.floor(options.max));
    this.current = this.max;
    this.now = options.now ?? Date.now;
    this.signal = options.signal;
    this.signal?.addEventListener(
      "abort",
      () => {
        for (const waiter of this.queue.splice(0)) waiter.abort();
        if (this.pauseTimer) clearTimeout(this.pauseTimer);
        this.pauseTimer = null;
      },
      { once: true },
    );
  }

  /** Requests allowed in flight right now. */
  get limit(): number {
    return this.current;
  }

  /** Requests in flight. */
  get inFlight(): number {
    return this.active;
  }

  /** Hands free slots to waiters, oldest first; while paused, re-checks when the pause ends. */
  private pump(): void {
    const pause = this.pausedUntil - this.now();
    if (pause > 0) {
      if (this.queue.length && !this.pauseTimer) {
        this.pauseTimer = setTimeout(() => {
          this.pauseTimer = null;
          this.pump();
        }, pause);
      }
      return;
    }
    while (this.queue.length && this.active < this.current) {
      this.active += 1;
      (this.queue.shift() as Waiter).grant();
    }
  }

  /** Waits for a slot (and for any retry-after pause to end); rejects with LimiterAborted once the run's signal aborts. */
  async acquire(): Promise<void> {
    if (this.signal?.aborted) throw new LimiterAborted();
    if (!this.queue.length && this.active < this.current && this.pausedUntil <= this.now()) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ grant: resolve, abort: () => reject(new LimiterAborted()) });
      this.pump();
    });
  }

  /** Frees a slot. */
  release(): void {
    this.active = Math.max(0, this.active - 1);
    this.pump();
  }

  /** A request succeeded: after as many successes in a row as the current limit, allow one more. */
  succeeded(): void {
    this.streak += 1;
    if (this.streak >= this.current && this.current < this.max) {
      this.current += 1;
      this.streak = 0;
      this.pump();
    }
  }

  /** The server said 429: halve the limit and pause everyone for `retryAfterMs`. */
  rateLimited(retryAfterMs: number): void {
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.streak = 0;
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + Math.max(0, retryAfterMs));
  }
}
