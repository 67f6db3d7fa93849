// Renderer: the pure parts of the "side effect: refund" mock: which idempotency key a tool call
// carries, the ledger call it becomes, and the tool result shaped from the ledger's answer.
import type { RefundCall, RefundOutcome } from "../../../shared/contracts/reliability";
import { valueAtPath } from "./mockResult";

/** The argument a tool declares to carry its own idempotency key. */
export const KEY_ARGUMENT = "idempotency_key";

/** What the card says when the ledger reports a replay. */
export const REPLAYED_TEXT = "replayed: first result returned, no second effect";

/** Where a call's key came from: its own argument, or derived from the tool-call id. */
export type KeySource = "argument" | "call-id";

/** True when the tool's parameters schema declares an `idempotency_key` property. */
export function declaresKey(parameters: Record<string, unknown> | undefined): boolean {
  const properties = parameters?.properties;
  return typeof properties === "object" && properties !== null && Object.prototype.hasOwnProperty.call(properties, KEY_ARGUMENT);
}

/**
 * The call's idempotency key. A tool that declares `idempotency_key` gets the model's own value
 * (so a model retrying the same operation reuses it); otherwise the key is derived from the
 * tool-call id, which is stable for this call and its replays but new for every other call.
 */
export function idempotencyKeyFor(callId: string, args: unknown, keyDeclared: boolean): { key: string; source: KeySource } {
  if (keyDeclared) {
    const own = valueAtPath(args, KEY_ARGUMENT);
    if (typeof own === "string" && own.trim() !== "") return { key: own.trim().slice(0, 200), source: "argument" };
  }
  return { key: `toolcall:${callId}`.slice(0, 200), source: "call-id" };
}

/** The ledger call, or why the arguments cannot make one. */
export type RefundCallOutcome = { ok: true; call: RefundCall; source: KeySource } | { ok: false; error: string };

/** The create_refund ledger call for a tool call's arguments (`order_id` and `amount`). */
export function refundCallFor(callId: string, args: unknown, keyDeclared: boolean): RefundCallOutcome {
  const orderId = valueAtPath(args, "order_id");
  const amount = valueAtPath(args, "amount");
  if (typeof orderId !== "string" || orderId.trim() === "" || orderId.trim().length > 64) {
    return { ok: false, error: 'The refund needs an "order_id" argument (a string of 1 to 64 characters).' };
  }
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount <= 0 || amount > 1_000_000) {
    return { ok: false, error: 'The refund needs an "amount" argument (a number above 0, at most 1,000,000).' };
  }
  const { key, source } = idempotencyKeyFor(callId, args, keyDeclared);
  return { ok: true, call: { orderId: orderId.trim(), amount, idempotencyKey: key, loseResponse: false }, source };
}

/**
 * The tool message sent back to the model: the refund the ledger returned and whether it was a
 * replay, or the refusal. The effect count stays out: the model's real API would not report it.
 */
export function refundResultText(outcome: RefundOutcome): string {
  if (outcome.refund === null) return JSON.stringify({ error: outcome.outcome, reason: outcome.message });
  const { id, orderId, amount, idempotencyKey } = outcome.refund;
  return JSON.stringify({ refund_id: id, order_id: orderId, amount, idempotency_key: idempotencyKey, status: "refunded", replayed: outcome.outcome === "replayed" });
}
