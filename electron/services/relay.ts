// Main process: batches streamed text so the renderer gets at most one delta event per frame, each
// choice's text scrubbed of secrets on the way (a key split across two pieces is still caught).
import type { StreamScrubber } from "../../shared/redact";

/** Text that arrived for one choice since the last batch. */
export interface ChoiceDelta {
  index: number;
  content: string;
}

/** Time and timers, injectable so tests can drive the relay without real waiting. */
export interface RelayClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real timers with a monotonic clock. */
export const realClock: RelayClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RelayOptions {
  /** Minimum time between two batches, in ms (16 is about one animation frame). */
  intervalMs: number;
  /** Receives each batch, choices in index order; never called with an empty batch. */
  send(deltas: ChoiceDelta[]): void;
  clock?: RelayClock;
  /**
   * Makes one stream scrubber per choice: each piece passes through it before it is queued, and
   * what it holds back (a run that may be part of a key) goes out once the run ends or at flush.
   */
  scrub?: () => StreamScrubber;
  /**
   * For benchmarks: told, after each batch is sent, when each piece merged into it was pushed.
   * Left out in the app, so the streaming path records nothing extra.
   */
  onBatchSent?(pushedAt: readonly number[], sentAt: number): void;
}

/** A throttle over streamed text: merges pieces per choice and sends them at a bounded rate. */
export interface DeltaRelay {
  /** Queues text for a choice; sends at once if the interval has passed, else at its end. */
  push(index: number, content: string): void;
  /** Sends whatever is queued now (before a final event, so no text is lost or reordered). */
  flush(): void;
  /** Flushes and cancels the pending timer; later pushes are ignored. */
  close(): void;
}

/**
 * Creates a relay. The first piece after a quiet spell goes out immediately (so the first token
 * shows without an extra frame of delay); pieces arriving within the interval after a batch are
 * merged and sent when it ends (by a timer, or by the first push after it, whichever runs first).
 */
export function createDeltaRelay(options: RelayOptions): DeltaRelay {
  const clock = options.clock ?? realClock;
  // Map keeps insertion order, but batches are sorted by index so the order never depends on
  // which choice happened to speak first.
  const pending = new Map<number, string>();
  const scrubbers = new Map<number, StreamScrubber>();
  const pushTimes: number[] = [];
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let timer: unknown = null;
  let closed = false;

  /** Queues each choice's held-back text: the stream is ending, nothing more will join it. */
  function drainScrubbers(): void {
    for (const [index, scrubber] of scrubbers) {
      const rest = scrubber.end();
      if (rest !== "") pending.set(index, (pending.get(index) ?? "") + rest);
    }
  }

  function send(): void {
    if (timer !== null) {
      clock.clearTimeout(timer);
      timer = null;
    }
    if (pending.size === 0) return;
    const deltas = [...pending].sort((a, b) => a[0] - b[0]).map(([index, content]) => ({ index, content }));
    pending.clear();
    lastSentAt = clock.now();
    options.send(deltas);
    if (options.onBatchSent) {
      options.onBatchSent(pushTimes.splice(0), lastSentAt);
    }
  }

  return {
    push(index, raw) {
      if (closed || raw === "") return;
      let content = raw;
      if (options.scrub) {
        let scrubber = scrubbers.get(index);
        if (!scrubber) scrubbers.set(index, (scrubber = options.scrub()));
        content = scrubber.push(raw);
      }
      const now = clock.now();
      if (options.onBatchSent) pushTimes.push(now);
      // Held back whole by the scrubber: it goes out with a later piece (its push time counts from now).
      if (content === "") return;
      pending.set(index, (pending.get(index) ?? "") + content);
      const wait = lastSentAt + options.intervalMs - now;
      // Checked on every push, not only by the timer: while a fast stream keeps the event loop
      // busy the timer fires late, but the pushes themselves still see the interval pass.
      if (wait <= 0) send();
      else if (timer === null) timer = clock.setTimeout(send, wait);
    },
    flush() {
      drainScrubbers();
      send();
    },
    close() {
      drainScrubbers();
      send();
      closed = true;
    },
  };
}
