// Tests: the mock refund ledger: a replayed call with the same idempotency key has no second effect.
import { describe, expect, it } from "vitest";
import { createEffectLedger } from "./effectLedger";

const call = (idempotencyKey: string | null, extra: Partial<{ amount: number; loseResponse: boolean }> = {}) => ({
  orderId: "A1234",
  amount: extra.amount ?? 40,
  idempotencyKey,
  loseResponse: extra.loseResponse ?? false,
});

describe("effect ledger", () => {
  it("returns the first result for a replay with the same key and makes no second refund", () => {
    const ledger = createEffectLedger({ now: () => 1 });
    const first = ledger.refund(call("key-1"));
    const again = ledger.refund(call("key-1"));
    expect(first.outcome).toBe("created");
    expect(again.outcome).toBe("replayed");
    expect(again.refund).toEqual(first.refund);
    expect(again.message).toMatch(/no second refund/);
    expect(ledger.list()).toHaveLength(1);
    expect(again.refundCount).toBe(1);
  });

  it("repeats the effect when retries carry no key", () => {
    const ledger = createEffectLedger();
    ledger.refund(call(null));
    const retry = ledger.refund(call(null));
    expect(retry.outcome).toBe("created");
    expect(ledger.list()).toHaveLength(2);
  });

  it("after a lost response, a retry with the same key gets the refund that was made, once", () => {
    const ledger = createEffectLedger();
    const lost = ledger.refund(call("key-2", { loseResponse: true }));
    expect(lost).toMatchObject({ outcome: "lost", refund: null, refundCount: 1 });
    const retry = ledger.refund(call("key-2"));
    expect(retry.outcome).toBe("replayed");
    expect(retry.refund?.id).toBe(ledger.list()[0]?.id);
    expect(ledger.list()).toHaveLength(1);
  });

  it("refuses a key reused with other arguments, changing nothing", () => {
    const ledger = createEffectLedger();
    ledger.refund(call("key-3"));
    const other = ledger.refund(call("key-3", { amount: 90 }));
    expect(other).toMatchObject({ outcome: "conflict", refund: null, refundCount: 1 });
    expect(ledger.list()).toHaveLength(1);
  });

  it("forgets everything on reset", () => {
    const ledger = createEffectLedger();
    ledger.refund(call("key-4"));
    ledger.reset();
    expect(ledger.list()).toEqual([]);
    expect(ledger.refund(call("key-4")).outcome).toBe("created");
  });
});
