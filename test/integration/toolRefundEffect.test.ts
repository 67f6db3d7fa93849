// Integration: the playground's "side effect: refund" tool mock through the real main side (app
// core, dispatch, reliability handlers, effect ledger): the same tool call sent twice refunds once,
// and the second answer is a replay of the first.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppCore } from "../../electron/app";
import { dispatch, type HandlerContext } from "../../electron/dispatch";
import type { Refund, RefundOutcome } from "../../shared/contracts/reliability";
import { refundCallFor, refundResultText } from "../../renderer/features/Tools/refundEffect";
import { startTestCore } from "../fixtures/testCore";

let core: AppCore;
let dataDir: string;
const ctx: HandlerContext = { emit: () => undefined };

async function call<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(core.handlers, channel, input, ctx, core.knownSecrets);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** What the tools slice sends for one approved create_refund call. */
function ledgerCall(callId: string, args: unknown, keyDeclared: boolean) {
  const planned = refundCallFor(callId, args, keyDeclared);
  if (!planned.ok) throw new Error(planned.error);
  return planned.call;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "dojo-tool-refund-int-"));
  core = await startTestCore(dataDir);
});

afterAll(async () => {
  await core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a create_refund tool call answered by the refund mock", () => {
  it("sent twice with the key derived from its tool-call id, makes one refund and replays the first result", async () => {
    await call("effects.reset");
    const sent = ledgerCall("call_abc", { order_id: "A1234", amount: 40, reason: "damaged" }, false);
    const first = await call<RefundOutcome>("effects.refund", sent);
    const again = await call<RefundOutcome>("effects.refund", sent);
    expect(first).toMatchObject({ outcome: "created", refundCount: 1 });
    expect(again).toMatchObject({ outcome: "replayed", refundCount: 1, refund: first.refund });
    expect(JSON.parse(refundResultText(again))).toMatchObject({ refund_id: first.refund?.id, idempotency_key: "toolcall:call_abc", replayed: true });
    expect((await call<{ refunds: Refund[] }>("effects.list")).refunds).toHaveLength(1);
  });

  it("with the model's own idempotency_key, a second tool call (new id, same key) is a replay too", async () => {
    await call("effects.reset");
    const args = { order_id: "B77", amount: 12.5, idempotency_key: "refund-B77-1" };
    const first = await call<RefundOutcome>("effects.refund", ledgerCall("call_1", args, true));
    const retry = await call<RefundOutcome>("effects.refund", ledgerCall("call_2", args, true));
    expect(retry).toMatchObject({ outcome: "replayed", refundCount: 1, refund: { id: first.refund?.id, idempotencyKey: "refund-B77-1" } });
    // Without a declared key, the second tool call has a new derived key: a second refund is made.
    const other = await call<RefundOutcome>("effects.refund", ledgerCall("call_3", args, false));
    expect(other).toMatchObject({ outcome: "created", refundCount: 2 });
  });
});
