// Renderer tests: the refund mock's pure parts: which idempotency key a call carries, the ledger
// call its arguments make, and the tool result shaped from the ledger's answer.
import { describe, expect, it } from "vitest";
import type { RefundOutcome } from "../../../shared/contracts/reliability";
import { declaresKey, idempotencyKeyFor, refundCallFor, refundResultText } from "./refundEffect";

const refund = { id: "rf_0001", orderId: "A1234", amount: 40, idempotencyKey: "k-1", createdAt: 1 };

describe("the idempotency key", () => {
  it("is the call's own idempotency_key when the tool declares that argument", () => {
    expect(idempotencyKeyFor("call_1", { idempotency_key: " refund-A1234 " }, true)).toEqual({ key: "refund-A1234", source: "argument" });
  });

  it("is derived from the tool-call id when the tool does not declare it, even if the model sent one", () => {
    expect(idempotencyKeyFor("call_1", { idempotency_key: "made-up" }, false)).toEqual({ key: "toolcall:call_1", source: "call-id" });
  });

  it("falls back to the tool-call id when the declared argument is empty or not a string", () => {
    expect(idempotencyKeyFor("call_2", { idempotency_key: "  " }, true).source).toBe("call-id");
    expect(idempotencyKeyFor("call_2", { idempotency_key: 7 }, true).key).toBe("toolcall:call_2");
  });

  it("is the same for the same call and different for another call", () => {
    expect(idempotencyKeyFor("a", {}, false).key).toBe(idempotencyKeyFor("a", {}, false).key);
    expect(idempotencyKeyFor("a", {}, false).key).not.toBe(idempotencyKeyFor("b", {}, false).key);
  });

  it("is declared only by a schema with an idempotency_key property", () => {
    expect(declaresKey({ type: "object", properties: { idempotency_key: { type: "string" } } })).toBe(true);
    expect(declaresKey({ type: "object", properties: { order_id: { type: "string" } } })).toBe(false);
    expect(declaresKey(undefined)).toBe(false);
  });
});

describe("refundCallFor", () => {
  it("makes the ledger call from order_id and amount, with the key and no lost response", () => {
    expect(refundCallFor("c1", { order_id: "A1234", amount: 40, reason: "damaged" }, false)).toEqual({
      ok: true,
      call: { orderId: "A1234", amount: 40, idempotencyKey: "toolcall:c1", loseResponse: false },
      source: "call-id",
    });
  });

  it("says which argument is missing or wrong", () => {
    expect(refundCallFor("c1", { amount: 40 }, false)).toMatchObject({ ok: false, error: expect.stringMatching(/order_id/) });
    expect(refundCallFor("c1", { order_id: "A1", amount: "40" }, false)).toMatchObject({ ok: false, error: expect.stringMatching(/amount/) });
    expect(refundCallFor("c1", { order_id: "A1", amount: -5 }, false)).toMatchObject({ ok: false });
  });
});

describe("refundResultText", () => {
  it("returns the refund and marks a replay", () => {
    const created: RefundOutcome = { outcome: "created", refund, message: "Created", refundCount: 1 };
    const replayed: RefundOutcome = { ...created, outcome: "replayed" };
    expect(JSON.parse(refundResultText(created))).toEqual({ refund_id: "rf_0001", order_id: "A1234", amount: 40, idempotency_key: "k-1", status: "refunded", replayed: false });
    expect(JSON.parse(refundResultText(replayed))).toMatchObject({ refund_id: "rf_0001", replayed: true });
  });

  it("turns a refused call into an error the model can read", () => {
    const conflict: RefundOutcome = { outcome: "conflict", refund: null, message: "Refused: the key was first used for another refund.", refundCount: 1 };
    expect(JSON.parse(refundResultText(conflict))).toEqual({ error: "conflict", reason: "Refused: the key was first used for another refund." });
  });
});
