// Renderer tests: the tools slice over a fake bridge: a run that ends with tool calls opens a
// round, arguments are checked in the main process, and the round continues the conversation.
import { beforeEach, describe, expect, it } from "vitest";
import { applyPreset } from "../features/StructuredOutput/presets";
import { TOOL_PRESETS } from "../features/Tools/toolPresets";
import type { RefundOutcome } from "../../shared/contracts/reliability";
import type { AppStore } from "./createAppStore";
import type { FakeBridge } from "./fakeBridge";
import { finishedResult } from "./fixtures";
import { createTestStore, TEST_RUN_ID } from "./testStore";

let bridge: FakeBridge;
let store: AppStore;
const preset = TOOL_PRESETS[0]!;

beforeEach(async () => {
  ({ bridge, store } = createTestStore());
  bridge.handle("chat.start", ({ runId }) => ({ runId }));
  bridge.handle("schema.validate", () => ({ ok: true, parsed: true, errors: [] }));
  // The ledger's rule, reduced to what these tests need: a key seen before is a replay of the first refund.
  const seen = new Map<string, RefundOutcome["refund"]>();
  bridge.handle("effects.refund", (call) => {
    const first = call.idempotencyKey === null ? undefined : seen.get(call.idempotencyKey);
    if (first) return { outcome: "replayed", refund: first, message: "Replayed: no second refund.", refundCount: seen.size };
    const refund = { id: `rf_${seen.size + 1}`, orderId: call.orderId, amount: call.amount, idempotencyKey: call.idempotencyKey, createdAt: 1 };
    seen.set(call.idempotencyKey ?? refund.id, refund);
    return { outcome: "created", refund, message: "Created.", refundCount: seen.size };
  });
  await store.getState().loadProfiles();
  store.getState().editRequest((r) => applyPreset(r, preset));
  store.getState().replaceToolSettings(preset.toolSettings ?? {});
});

/** Runs the request and ends the run with the given tool calls. */
async function runWithCalls(calls: { id: string; name: string; arguments: string }[]): Promise<void> {
  await store.getState().startRun();
  store.getState().finishRun(
    finishedResult(TEST_RUN_ID, { choices: [{ index: 0, content: "", refusal: null, toolCalls: calls, finishReason: "tool_calls" }] }),
  );
  await new Promise((resolve) => setTimeout(resolve, 0)); // let the argument checks answer
}

describe("tool rounds", () => {
  it("checks the arguments against the tool's schema in the main process, then waits for approval", async () => {
    await runWithCalls([{ id: "c1", name: "create_refund", arguments: '{"order_id":"A1234","amount":40,"reason":"damaged"}' }]);
    expect(bridge.callsTo("schema.validate")).toEqual([
      { text: '{"order_id":"A1234","amount":40,"reason":"damaged"}', schema: preset.tools?.[1]?.function.parameters },
    ]);
    expect(store.getState().toolRound?.calls[0]?.phase).toBe("awaiting-approval");
  });

  it("continues after approval with the assistant's call and the mock result, counting the step", async () => {
    await runWithCalls([{ id: "c1", name: "create_refund", arguments: '{"order_id":"A1234","amount":40,"reason":"damaged"}' }]);
    await store.getState().continueToolRound();
    expect(store.getState().toolRoundProblem).toMatch(/Waiting for create_refund/);
    expect(bridge.callsTo("chat.start")).toHaveLength(1);

    store.getState().approveToolCall("c1");
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the ledger answer
    expect(bridge.callsTo("effects.refund")).toEqual([{ orderId: "A1234", amount: 40, idempotencyKey: "toolcall:c1", loseResponse: false }]);
    await store.getState().continueToolRound();
    const sent = bridge.callsTo("chat.start")[1]?.request;
    expect(sent?.messages.slice(-2)).toEqual([
      { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "create_refund", arguments: '{"order_id":"A1234","amount":40,"reason":"damaged"}' } }] },
      {
        role: "tool",
        tool_call_id: "c1",
        content: JSON.stringify({ refund_id: "rf_1", order_id: "A1234", amount: 40, idempotency_key: "toolcall:c1", status: "refunded", replayed: false }),
      },
    ]);
    // A new run started: the old round is gone.
    expect(store.getState().toolRound).toBeNull();
    expect(store.getState().run.status).toBe("streaming");
  });

  it("replaying a performed refund re-sends the same key and records the ledger's replay", async () => {
    await runWithCalls([{ id: "c1", name: "create_refund", arguments: '{"order_id":"A1234","amount":40,"reason":"damaged"}' }]);
    store.getState().approveToolCall("c1");
    await new Promise((resolve) => setTimeout(resolve, 0));
    await store.getState().replayToolCall("c1");
    const sent = bridge.callsTo("effects.refund");
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(store.getState().toolRound?.calls[0]).toMatchObject({ phase: "ready", effect: { sends: 2, outcome: { outcome: "replayed", refundCount: 1 } } });
  });

  it("refuses a refund over the limit without asking for approval or running the mock", async () => {
    await runWithCalls([{ id: "c1", name: "create_refund", arguments: '{"order_id":"A1234","amount":250,"reason":"damaged"}' }]);
    const call = store.getState().toolRound?.calls[0];
    expect(call).toMatchObject({ phase: "refused", resultSource: "refusal" });
    expect(call?.refusal).toMatch(/amount is 250, above the limit of 100/);
    expect(bridge.callsTo("schema.validate")).toEqual([]);
  });

  it("shows schema errors reported by the main process on the call", async () => {
    bridge.handle("schema.validate", () => ({ ok: false, parsed: true, errors: [{ path: "$", message: '$ is missing the required property "reason".' }] }));
    await runWithCalls([{ id: "c1", name: "create_refund", arguments: '{"order_id":"A1234","amount":40}' }]);
    expect(store.getState().toolRound?.calls[0]).toMatchObject({ phase: "invalid", errors: ['$ is missing the required property "reason".'] });
  });

  it("clearing the exchange removes tool messages after the last user message", async () => {
    await runWithCalls([{ id: "c1", name: "get_order_status", arguments: '{"order_id":"A1234"}' }]);
    await store.getState().continueToolRound();
    expect(store.getState().request.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "tool"]);
    store.getState().clearToolExchange();
    expect(store.getState().request.messages.map((m) => m.role)).toEqual(["system", "user"]);
  });

  it("keeps the step limit within 1 to 20", () => {
    store.getState().setStepLimit(0);
    expect(store.getState().stepLimit).toBe(1);
    store.getState().setStepLimit(99);
    expect(store.getState().stepLimit).toBe(20);
  });
});
