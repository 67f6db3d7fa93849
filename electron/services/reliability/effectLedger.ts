// Main process: a mock side-effect ledger for the idempotency lesson: create_refund moves money
// (here, appends a refund). A call with an idempotency key the ledger has seen returns the first
// result and changes nothing; without a key, every retry is a new refund.
import type { Refund, RefundCall, RefundOutcome } from "../../../shared/contracts/reliability";

/** The ledger's calls. */
export interface EffectLedger {
  refund(call: RefundCall): RefundOutcome;
  list(): Refund[];
  reset(): void;
}

/** How many keys are remembered; the oldest are forgotten first (real APIs keep keys about a day). */
export const REMEMBERED_KEYS = 1000;

/** A fresh, empty ledger; `now` and the id source can be pinned in tests. */
export function createEffectLedger(options: { now?: () => number } = {}): EffectLedger {
  const now = options.now ?? Date.now;
  let refunds: Refund[] = [];
  // Key -> the arguments it was first used with and the refund it produced.
  let seen = new Map<string, { args: string; refund: Refund }>();
  let counter = 0;

  return {
    refund(call) {
      const args = JSON.stringify([call.orderId, call.amount]);
      const first = call.idempotencyKey === null ? undefined : seen.get(call.idempotencyKey);
      if (first) {
        if (first.args !== args) {
          return {
            outcome: "conflict",
            refund: null,
            message: `Refused: the key ${call.idempotencyKey} was first used for another refund (${first.refund.orderId}, ${first.refund.amount}). A key names one operation; use a new key for a new refund.`,
            refundCount: refunds.length,
          };
        }
        return {
          outcome: "replayed",
          refund: first.refund,
          message: `Replayed: the key ${call.idempotencyKey} was seen before, so the first result (${first.refund.id}) was returned and no second refund was made.`,
          refundCount: refunds.length,
        };
      }
      counter += 1;
      const refund: Refund = { id: `rf_${String(counter).padStart(4, "0")}`, orderId: call.orderId, amount: call.amount, idempotencyKey: call.idempotencyKey, createdAt: now() };
      refunds = [...refunds, refund];
      if (call.idempotencyKey !== null) {
        seen.set(call.idempotencyKey, { args, refund });
        if (seen.size > REMEMBERED_KEYS) seen.delete(seen.keys().next().value as string);
      }
      if (call.loseResponse) {
        return {
          outcome: "lost",
          refund: null,
          message: `The refund ${refund.id} was made, but its response was lost on the way back: the caller cannot tell whether it happened. Retry ${call.idempotencyKey === null ? "without a key and a second refund is made" : "with the same key and the first result comes back"}.`,
          refundCount: refunds.length,
        };
      }
      return { outcome: "created", refund, message: `Created refund ${refund.id} of ${call.amount} for order ${call.orderId}.`, refundCount: refunds.length };
    },
    list: () => [...refunds],
    reset() {
      refunds = [];
      seen = new Map();
    },
  };
}
