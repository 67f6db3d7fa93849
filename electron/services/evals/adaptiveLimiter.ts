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

/** A caller waiting for a slot. */
interface Waiter {
  grant(): void;
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

  /** Waits for a slot (and for any retry-after pause to end); rejects with LimiterAborted on abort. */
  async acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw new LimiterAborted();
    if (!this.queue.length && this.active < this.current && this.pausedUntil <= this.now()) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
        reject(new LimiterAborted());
      };
      signal.addEventListener("abort", onAbort, { once: true });
      this.queue.push(waiter);
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
