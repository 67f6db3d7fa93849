// Tests: the delta relay's batching, ordering and flushing, driven by a fake clock.
import { describe, expect, it } from "vitest";
import { createScrubber } from "../../shared/redact";
import { createDeltaRelay, type ChoiceDelta, type RelayClock } from "./relay";

/** A manual clock: time moves only when the test says so, firing due timers in order. */
function fakeClock(): RelayClock & { advance(ms: number): void; starve(ms: number): void; pendingTimers(): number } {
  let now = 1000;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
    pendingTimers: () => timers.size,
    /** Moves time without firing timers, as when a busy event loop runs them late. */
    starve(ms: number) {
      now += ms;
    },
  };
}

function setup(intervalMs = 16) {
  const clock = fakeClock();
  const batches: { at: number; deltas: ChoiceDelta[] }[] = [];
  const relay = createDeltaRelay({ intervalMs, clock, send: (deltas) => batches.push({ at: clock.now(), deltas }) });
  return { clock, batches, relay };
}

describe("createDeltaRelay", () => {
  it("sends the first piece at once, then merges what arrives within the interval", () => {
    const { clock, batches, relay } = setup();
    relay.push(0, "Hel");
    expect(batches).toEqual([{ at: 1000, deltas: [{ index: 0, content: "Hel" }] }]);
    relay.push(0, "lo");
    clock.advance(5);
    relay.push(0, ", wor");
    relay.push(0, "ld");
    expect(batches).toHaveLength(1);
    clock.advance(11);
    expect(batches[1]).toEqual({ at: 1016, deltas: [{ index: 0, content: "lo, world" }] });
  });

  it("never sends two batches closer than the interval", () => {
    const { clock, batches, relay } = setup(16);
    for (let i = 0; i < 200; i++) {
      relay.push(i % 3, `t${i} `);
      clock.advance(3);
    }
    relay.close();
    const gaps = batches.slice(1).map((b, i) => b.at - batches[i]!.at);
    // The final flush may come early (it is forced); every timed batch keeps the interval.
    expect(Math.min(...gaps.slice(0, -1))).toBeGreaterThanOrEqual(16);
    expect(batches.length).toBeLessThan(200 / 5);
  });

  it("keeps each choice's text in order and lists choices by index", () => {
    const { clock, batches, relay } = setup();
    relay.push(0, "a");
    relay.push(2, "x");
    relay.push(1, "m");
    relay.push(2, "y");
    relay.push(0, "b");
    clock.advance(16);
    expect(batches[1]!.deltas).toEqual([
      { index: 0, content: "b" },
      { index: 1, content: "m" },
      { index: 2, content: "xy" },
    ]);
    const joined = (index: number) =>
      batches.flatMap((b) => b.deltas.filter((d) => d.index === index).map((d) => d.content)).join("");
    expect([joined(0), joined(1), joined(2)]).toEqual(["ab", "m", "xy"]);
  });

  it("sends on the first push after the interval when a busy event loop delays the timer", () => {
    const { clock, batches, relay } = setup();
    relay.push(0, "a");
    relay.push(0, "b");
    clock.starve(20);
    relay.push(0, "c");
    expect(batches.map((b) => [b.at, b.deltas[0]!.content])).toEqual([
      [1000, "a"],
      [1020, "bc"],
    ]);
    // The late timer finds nothing left to send.
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(100);
    expect(batches).toHaveLength(2);
  });

  it("flushes queued text immediately, before a final event, and cancels the timer", () => {
    const { clock, batches, relay } = setup();
    relay.push(0, "first");
    relay.push(0, " second");
    expect(clock.pendingTimers()).toBe(1);
    relay.close();
    expect(batches.map((b) => b.deltas[0]!.content)).toEqual(["first", " second"]);
    expect(clock.pendingTimers()).toBe(0);
    relay.push(0, "late");
    clock.advance(100);
    expect(batches).toHaveLength(2);
  });

  it("sends nothing when nothing arrived, even when flushed or when time passes", () => {
    const { clock, batches, relay } = setup();
    relay.flush();
    clock.advance(100);
    relay.push(0, "");
    relay.close();
    expect(batches).toEqual([]);
  });

  it("reports when each merged piece was pushed, for measuring the added delay", () => {
    const clock = fakeClock();
    const seen: { pushedAt: readonly number[]; sentAt: number }[] = [];
    const relay = createDeltaRelay({
      intervalMs: 16,
      clock,
      send: () => {},
      onBatchSent: (pushedAt, sentAt) => seen.push({ pushedAt, sentAt }),
    });
    relay.push(0, "a");
    clock.advance(4);
    relay.push(0, "b");
    clock.advance(4);
    relay.push(0, "c");
    clock.advance(20);
    expect(seen).toEqual([
      { pushedAt: [1000], sentAt: 1000 },
      { pushedAt: [1004, 1008], sentAt: 1016 },
    ]);
  });
});

describe("createDeltaRelay with a scrubber", () => {
  const KEY = "sk-proj-R3layKeyAbCdEfGh0123456789zz";

  it("never sends a key split over many pieces and two choices, and loses no other text", () => {
    const clock = fakeClock();
    const sent: ChoiceDelta[] = [];
    const scrubber = createScrubber([KEY]);
    const relay = createDeltaRelay({ intervalMs: 16, clock, send: (deltas) => sent.push(...deltas), scrub: () => scrubber.stream() });
    const text = `The key ${KEY} is here. Again:${KEY}`;
    const other = "The second choice streams prose only, interleaved with the first one's pieces.";
    for (let i = 0; i < Math.max(text.length, other.length); i += 3) {
      relay.push(0, text.slice(i, i + 3));
      relay.push(1, other.slice(i, i + 3));
      clock.advance(20);
    }
    relay.close();
    const joined = (index: number) => sent.filter((d) => d.index === index).map((d) => d.content).join("");
    expect(joined(0)).toBe("The key [redacted] is here. Again:[redacted]");
    // The other choice streamed no key and arrives whole; no batch of the first holds 8 key characters.
    expect(joined(1)).toBe(other);
    for (const d of sent.filter((x) => x.index === 0)) for (let i = 0; i + 8 <= KEY.length; i++) expect(d.content).not.toContain(KEY.slice(i, i + 8));
  });

  it("sends text held back at the end of the stream when it closes", () => {
    const { clock } = setup();
    const sent: ChoiceDelta[] = [];
    const relay = createDeltaRelay({ intervalMs: 16, clock, send: (deltas) => sent.push(...deltas), scrub: () => createScrubber([KEY]).stream() });
    // "sk" may begin a key: it waits for what follows.
    relay.push(0, "Hi, mu");
    relay.push(0, "sk");
    expect(sent.map((d) => d.content).join("")).toBe("Hi, mu");
    relay.close();
    expect(sent.map((d) => d.content).join("")).toBe("Hi, musk");
  });
});
