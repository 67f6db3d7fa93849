// Renderer tests: a tool round from the answer's calls to results ready to send back.
import { describe, expect, it } from "vitest";
import type { ChatRequest } from "../../../shared/chatRequest";
import type { ChoiceResult } from "../../../shared/contract";
import type { ToolSettings } from "../../../shared/toolSettings";
import {
  DENIAL_RESULT,
  answerByHand,
  applyArgumentCheck,
  applyEffectFailure,
  applyEffectOutcome,
  approveCall,
  canAnswerByHand,
  canReplay,
  effectsToRun,
  denyCall,
  pendingCalls,
  reportErrors,
  settingsFor,
  startRound,
} from "./toolRound";

const request: Pick<ChatRequest, "tools"> = {
  tools: [
    { type: "function", function: { name: "get_order_status", parameters: { type: "object", properties: { order_id: { type: "string" } } } } },
    { type: "function", function: { name: "create_refund", parameters: { type: "object", properties: { order_id: { type: "string" }, amount: { type: "number" } } } } },
  ],
};

const settings: Record<string, ToolSettings> = {
  get_order_status: { sensitive: false, mock: { kind: "template", template: '{"order":"{{order_id}}","status":"shipped"}' }, limits: [] },
  create_refund: { sensitive: true, mock: { kind: "template", template: '{"refund":"rf_{{order_id}}","amount":{{amount}}}' }, limits: [{ argument: "amount", max: 100 }] },
};

function choice(calls: { id: string; name: string; arguments: string }[], content = ""): ChoiceResult {
  return { index: 0, content, refusal: null, toolCalls: calls, finishReason: "tool_calls" };
}

describe("startRound", () => {
  it("is null when no choice called a tool", () => {
    expect(startRound("r", [choice([])], request, settings)).toBeNull();
  });

  it("refuses a call over its limit at once, with the reason as the result and no mock run", () => {
    const round = startRound("r", [choice([{ id: "c1", name: "create_refund", arguments: '{"order_id":"A1","amount":250}' }])], request, settings);
    const call = round?.calls[0];
    expect(call?.phase).toBe("refused");
    expect(call?.refusal).toBe("amount is 250, above the limit of 100 set for this tool.");
    expect(JSON.parse(call?.result ?? "")).toEqual({ error: "refused", reason: expect.stringContaining("above the limit of 100") });
    expect(call?.resultSource).toBe("refusal");
  });

  it("marks arguments that are not JSON, and calls to undefined tools, as invalid", () => {
    const round = startRound(
      "r",
      [choice([{ id: "c1", name: "get_order_status", arguments: '{"order_id":' }, { id: "c2", name: "delete_all", arguments: "{}" }])],
      request,
      settings,
    );
    expect(round?.calls.map((c) => c.phase)).toEqual(["invalid", "invalid"]);
    expect(round?.calls[0]?.errors[0]).toMatch(/not valid JSON/);
    expect(round?.calls[1]?.errors[0]).toMatch(/does not define/);
  });

  it("keeps text the model wrote beside its calls", () => {
    const round = startRound("r", [choice([{ id: "c1", name: "get_order_status", arguments: "{}" }], "Let me check.")], request, settings);
    expect(round?.content).toBe("Let me check.");
  });
});

describe("after the arguments are checked", () => {
  const start = () =>
    startRound(
      "r",
      [choice([{ id: "c1", name: "get_order_status", arguments: '{"order_id":"A1"}' }, { id: "c2", name: "create_refund", arguments: '{"order_id":"A1","amount":40}' }])],
      request,
      settings,
    )!;

  it("runs the mock of an ordinary tool and holds a sensitive one for approval", () => {
    let round = applyArgumentCheck(start(), "c1", [], settings);
    round = applyArgumentCheck(round, "c2", [], settings);
    expect(round.calls[0]).toMatchObject({ phase: "ready", result: '{"order":"A1","status":"shipped"}', resultSource: "mock" });
    expect(round.calls[1]).toMatchObject({ phase: "awaiting-approval", result: null });
    expect(pendingCalls(round).map((c) => c.id)).toEqual(["c2"]);
    expect(canAnswerByHand(round.calls[1]!)).toBe(false);
  });

  it("runs the sensitive tool's mock only once approved", () => {
    let round = applyArgumentCheck(start(), "c2", [], settings);
    round = approveCall(round, "c2", settings);
    expect(round.calls[1]).toMatchObject({ phase: "ready", result: '{"refund":"rf_A1","amount":40}', resultSource: "mock" });
  });

  it("tells the model when the user denies a call", () => {
    let round = applyArgumentCheck(start(), "c2", [], settings);
    round = denyCall(round, "c2");
    expect(round.calls[1]).toMatchObject({ phase: "denied", result: DENIAL_RESULT });
    // Approving afterwards changes nothing.
    expect(approveCall(round, "c2", settings).calls[1]?.phase).toBe("denied");
  });

  it("holds a call whose arguments break the schema; the errors can be sent back or answered by hand", () => {
    let round = applyArgumentCheck(start(), "c1", ['$ is missing the required property "order_id".'], settings);
    expect(round.calls[0]).toMatchObject({ phase: "invalid", result: null });
    const reported = reportErrors(round, "c1");
    expect(JSON.parse(reported.calls[0]?.result ?? "")).toEqual({ error: "invalid_arguments", details: ['$ is missing the required property "order_id".'] });
    round = answerByHand(round, "c1", '{"status":"unknown"}');
    expect(round.calls[0]).toMatchObject({ phase: "ready", resultSource: "manual" });
    expect(answerByHand(round, "c1", "").calls[0]).toMatchObject({ phase: "invalid", result: null });
  });

  it("waits for a hand answer when the tool has no mock, or its mock fails", () => {
    const manual = { ...settings, get_order_status: { sensitive: false, mock: { kind: "manual" as const }, limits: [] } };
    expect(applyArgumentCheck(start(), "c1", [], manual).calls[0]?.phase).toBe("manual");
    const broken = { ...settings, get_order_status: { sensitive: false, mock: { kind: "template" as const, template: '{"o":"{{nope}}"}' }, limits: [] } };
    const call = applyArgumentCheck(start(), "c1", [], broken).calls[0];
    expect(call?.phase).toBe("manual");
    expect(call?.note).toMatch(/mock could not run.*no "nope"/);
  });
});

describe("a side-effecting (refund) mock", () => {
  const keyed: Pick<ChatRequest, "tools"> = {
    tools: [
      {
        type: "function",
        function: { name: "create_refund", parameters: { type: "object", properties: { order_id: { type: "string" }, amount: { type: "number" }, idempotency_key: { type: "string" } } } },
      },
    ],
  };
  const refundSettings: Record<string, ToolSettings> = { create_refund: { sensitive: true, mock: { kind: "refund" }, limits: [] } };
  const created = { outcome: "created" as const, refund: { id: "rf_0001", orderId: "A1", amount: 40, idempotencyKey: "k-7", createdAt: 1 }, message: "Created", refundCount: 1 };

  function approved(args: string, req: Pick<ChatRequest, "tools"> = keyed) {
    const round = startRound("r", [choice([{ id: "c1", name: "create_refund", arguments: args }])], req, refundSettings)!;
    return approveCall(applyArgumentCheck(round, "c1", [], refundSettings), "c1", refundSettings);
  }

  it("runs nothing before approval, then waits on the ledger with the call's own key", () => {
    const round = approved('{"order_id":"A1","amount":40,"idempotency_key":"k-7"}');
    expect(round.calls[0]).toMatchObject({ phase: "running-effect", result: null, effect: { request: { orderId: "A1", amount: 40, idempotencyKey: "k-7" }, keySource: "argument", sends: 0 } });
    expect(effectsToRun(round).map((c) => c.id)).toEqual(["c1"]);
    expect(pendingCalls(round)).toHaveLength(1);
  });

  it("derives the key from the tool-call id when the tool declares no idempotency_key", () => {
    const round = approved('{"order_id":"A1","amount":40}', request);
    expect(round.calls[0]?.effect).toMatchObject({ request: { idempotencyKey: "toolcall:c1" }, keySource: "call-id" });
  });

  it("uses the ledger's answer as the result, and a replay keeps the call ready with the replay recorded", () => {
    const done = applyEffectOutcome(approved('{"order_id":"A1","amount":40,"idempotency_key":"k-7"}'), "c1", created);
    expect(done.calls[0]).toMatchObject({ phase: "ready", resultSource: "effect", effect: { sends: 1 } });
    expect(JSON.parse(done.calls[0]!.result!)).toMatchObject({ refund_id: "rf_0001", replayed: false });
    expect(canReplay(done.calls[0]!)).toBe(true);
    const replayed = applyEffectOutcome(done, "c1", { ...created, outcome: "replayed" });
    expect(replayed.calls[0]).toMatchObject({ phase: "ready", effect: { sends: 2, outcome: { outcome: "replayed", refundCount: 1 } } });
    expect(JSON.parse(replayed.calls[0]!.result!)).toMatchObject({ refund_id: "rf_0001", replayed: true });
  });

  it("falls back to a hand answer when the ledger cannot be reached or the arguments make no refund", () => {
    const failed = applyEffectFailure(approved('{"order_id":"A1","amount":40}'), "c1", "offline.");
    expect(failed.calls[0]).toMatchObject({ phase: "manual", note: expect.stringMatching(/could not run: offline/) });
    expect(approved('{"amount":40}').calls[0]).toMatchObject({ phase: "manual", note: expect.stringMatching(/order_id/) });
  });
});

describe("settingsFor", () => {
  it("returns the same default object for a tool with no settings, so a store selector is stable", () => {
    const first = settingsFor({}, "new_tool");
    expect(settingsFor({}, "new_tool")).toBe(first);
    expect(settingsFor({ other: settings.get_order_status as ToolSettings }, "new_tool")).toBe(first);
    expect(first).toEqual({ sensitive: false, mock: { kind: "manual" }, limits: [] });
    expect(Object.isFrozen(first)).toBe(true);
  });
});
