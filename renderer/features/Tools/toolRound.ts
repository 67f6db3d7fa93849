// Renderer: one tool round: the calls of an answer, each moving from "checking" to a result
// (mock, by hand, refused, denied). Pure: every step takes a round and returns a new one.
import type { ChatRequest } from "../../../shared/chatRequest";
import type { ChoiceResult } from "../../../shared/contract";
import { DEFAULT_TOOL_SETTINGS, type ToolSettings } from "../../../shared/toolSettings";
import { limitViolations } from "./argumentLimits";
import { mockResultFor } from "./mockResult";
import { declaresKey, refundCallFor, refundResultText, type KeySource } from "./refundEffect";
import type { RefundCall, RefundOutcome } from "../../../shared/contracts/reliability";

/** Where one call is. */
export type CallPhase =
  | "checking" // arguments being validated against the tool's schema
  | "refused" // outside a limit: refused before any mock ran
  | "invalid" // arguments are not JSON or break the schema: answer by hand or report the errors
  | "awaiting-approval" // a sensitive tool: nothing runs until the user approves
  | "denied" // the user did not approve
  | "manual" // waiting for a result typed by hand
  | "running-effect" // a side-effecting mock (refund) is being performed on the main side
  | "ready"; // has a result to send

/** Who produced a call's result. */
export type ResultSource = "mock" | "effect" | "manual" | "refusal" | "denial" | "error-report";

/** A side-effecting call (the refund mock): the ledger call it makes and the ledger's last answer. */
export interface CallEffect {
  /** The exact ledger call, idempotency key included; a replay re-sends it unchanged. */
  request: RefundCall;
  /** Whether the key came from the call's idempotency_key argument or from its tool-call id. */
  keySource: KeySource;
  /** The ledger's answer to the latest send, or null while none has come back. */
  outcome: RefundOutcome | null;
  /** How many times the call was sent to the ledger. */
  sends: number;
}

/** One tool call of the answer and what the playground does with it. */
export interface ToolCallState {
  id: string;
  name: string;
  /** The arguments exactly as the model wrote them. */
  arguments: string;
  /** The parsed arguments; undefined when they are not JSON. */
  args: unknown;
  sensitive: boolean;
  phase: CallPhase;
  /** Why the arguments break the tool's schema (each names its JSON path). */
  errors: string[];
  /** Why the call was refused (limits), or null. */
  refusal: string | null;
  /** The tool message's content to send back, or null while there is none. */
  result: string | null;
  resultSource: ResultSource | null;
  /** Something to tell the user, e.g. why the mock could not run. */
  note: string | null;
  /** True when the tool's schema declares an idempotency_key argument (the refund mock uses it). */
  keyDeclared?: boolean;
  /** The side effect this call performs, when its tool's mock is one. */
  effect?: CallEffect;
}

/** The tool calls of one answer, from the run that produced them. */
export interface ToolRound {
  runId: string;
  /** The choice the calls came from (the first one that called tools). */
  choiceIndex: number;
  /** Text the model wrote beside its calls, if any; sent back with them. */
  content: string | null;
  calls: ToolCallState[];
}

/** Settings for a tool name, falling back to the shared defaults (the same object every call). */
export function settingsFor(settings: Readonly<Record<string, ToolSettings>>, name: string): ToolSettings {
  return Object.prototype.hasOwnProperty.call(settings, name) ? (settings[name] as ToolSettings) : DEFAULT_TOOL_SETTINGS;
}

/** The parameters schema the request declares for a tool, or undefined (unknown tool or no schema). */
export function parametersOf(request: Pick<ChatRequest, "tools">, name: string): Record<string, unknown> | undefined {
  return request.tools?.find((t) => t.function.name === name)?.function.parameters;
}

function parseArgs(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: `The arguments are not valid JSON (${err instanceof Error ? err.message : String(err)}).` };
  }
}

/** The tool message sent back for a refused call, so the model can tell the user why. */
export function refusalResult(reasons: readonly string[]): string {
  return JSON.stringify({ error: "refused", reason: `The call was refused before running: ${reasons.join(" ")}` });
}

/** The tool message sent back when the user does not approve a sensitive call. */
export const DENIAL_RESULT = JSON.stringify({ error: "not_approved", reason: "The user did not approve this call." });

/**
 * The round for a finished answer, or null when no choice called a tool. Limits are checked
 * here, before anything else: a refused call never reaches approval or a mock.
 */
export function startRound(
  runId: string,
  choices: readonly ChoiceResult[],
  request: Pick<ChatRequest, "tools">,
  settings: Readonly<Record<string, ToolSettings>>,
): ToolRound | null {
  const choice = choices.find((c) => c.toolCalls.length > 0);
  if (!choice) return null;
  const calls = choice.toolCalls.map((call): ToolCallState => {
    const own = settingsFor(settings, call.name);
    const base: ToolCallState = {
      id: call.id,
      name: call.name,
      arguments: call.arguments,
      args: undefined,
      sensitive: own.sensitive,
      phase: "checking",
      errors: [],
      refusal: null,
      result: null,
      resultSource: null,
      note: null,
      keyDeclared: declaresKey(parametersOf(request, call.name)),
    };
    const known = request.tools?.some((t) => t.function.name === call.name) ?? false;
    if (!known) return { ...base, phase: "invalid", errors: [`The model called "${call.name}", which the request does not define.`] };
    const parsed = parseArgs(call.arguments);
    if (!parsed.ok) return { ...base, phase: "invalid", errors: [parsed.error] };
    const reasons = limitViolations(parsed.value, own.limits, parametersOf(request, call.name));
    if (reasons.length) {
      return { ...base, args: parsed.value, phase: "refused", refusal: reasons.join(" "), result: refusalResult(reasons), resultSource: "refusal" };
    }
    return { ...base, args: parsed.value };
  });
  return { runId, choiceIndex: choice.index, content: choice.content ? choice.content : null, calls };
}

function update(round: ToolRound, id: string, change: (call: ToolCallState) => ToolCallState): ToolRound {
  return { ...round, calls: round.calls.map((c) => (c.id === id ? change(c) : c)) };
}

/** Runs the tool's mock (if it has one) for a call cleared to run. */
function runMock(call: ToolCallState, settings: ToolSettings): ToolCallState {
  if (settings.mock.kind === "refund") {
    const planned = refundCallFor(call.id, call.args, call.keyDeclared === true);
    if (!planned.ok) return { ...call, phase: "manual", note: `The refund could not run: ${planned.error} Answer by hand.` };
    return { ...call, phase: "running-effect", effect: { request: planned.call, keySource: planned.source, outcome: null, sends: 0 } };
  }
  const outcome = mockResultFor(settings.mock, call.args);
  if (outcome === null) return { ...call, phase: "manual" };
  if (!outcome.ok) return { ...call, phase: "manual", note: `The mock could not run: ${outcome.error} Answer by hand.` };
  return { ...call, phase: "ready", result: outcome.text, resultSource: "mock" };
}

/**
 * Takes the schema validation of a call's arguments: errors make it "invalid"; otherwise a
 * sensitive tool waits for approval and any other runs its mock (or waits for a hand answer).
 */
export function applyArgumentCheck(
  round: ToolRound,
  id: string,
  errors: readonly string[],
  settings: Readonly<Record<string, ToolSettings>>,
): ToolRound {
  return update(round, id, (call) => {
    if (call.phase !== "checking") return call;
    if (errors.length) return { ...call, phase: "invalid", errors: [...errors] };
    if (call.sensitive) return { ...call, phase: "awaiting-approval" };
    return runMock(call, settingsFor(settings, call.name));
  });
}

/** The user approves a sensitive call: its mock runs now (or it waits for a hand answer). */
export function approveCall(round: ToolRound, id: string, settings: Readonly<Record<string, ToolSettings>>): ToolRound {
  return update(round, id, (call) => (call.phase === "awaiting-approval" ? runMock(call, settingsFor(settings, call.name)) : call));
}

/** The user does not approve a sensitive call: the model is told so. */
export function denyCall(round: ToolRound, id: string): ToolRound {
  return update(round, id, (call) =>
    call.phase === "awaiting-approval" ? { ...call, phase: "denied", result: DENIAL_RESULT, resultSource: "denial" } : call,
  );
}

/** Phases in which the user may type the result; refused, denied and unapproved calls stay as they are. */
const ANSWERABLE: readonly CallPhase[] = ["invalid", "manual", "ready"];

/** True when the user may answer this call by hand. */
export function canAnswerByHand(call: ToolCallState): boolean {
  return ANSWERABLE.includes(call.phase);
}

/** The user types the result (empty text clears it). */
export function answerByHand(round: ToolRound, id: string, text: string): ToolRound {
  return update(round, id, (call) => {
    if (!canAnswerByHand(call)) return call;
    if (text === "") return { ...call, phase: call.errors.length ? "invalid" : "manual", result: null, resultSource: null };
    return { ...call, phase: "ready", result: text, resultSource: "manual" };
  });
}

/** Sends the argument errors back as the call's result, so the model can correct itself. */
export function reportErrors(round: ToolRound, id: string): ToolRound {
  return update(round, id, (call) =>
    call.phase === "invalid"
      ? { ...call, phase: "ready", result: JSON.stringify({ error: "invalid_arguments", details: call.errors }), resultSource: "error-report" }
      : call,
  );
}

/** The calls that still need something before the round can be sent back. */
export function pendingCalls(round: ToolRound): ToolCallState[] {
  return round.calls.filter((c) => c.result === null);
}

/** The calls whose side effect should be sent to the ledger now. */
export function effectsToRun(round: ToolRound): ToolCallState[] {
  return round.calls.filter((c) => c.phase === "running-effect" && c.effect !== undefined);
}

/** True when a performed side effect can be sent again with the same key, to show what a replay does. */
export function canReplay(call: ToolCallState): boolean {
  return call.phase === "ready" && call.resultSource === "effect" && call.effect?.outcome != null;
}

/**
 * The ledger answered a call's side effect (first send or replay): its answer becomes the tool
 * result. A refused (conflict) call still has a result: the model is told why.
 */
export function applyEffectOutcome(round: ToolRound, id: string, outcome: RefundOutcome): ToolRound {
  return update(round, id, (call) => {
    if (!call.effect || (call.phase !== "running-effect" && !canReplay(call))) return call;
    return {
      ...call,
      phase: "ready",
      result: refundResultText(outcome),
      resultSource: "effect",
      note: null,
      effect: { ...call.effect, outcome, sends: call.effect.sends + 1 },
    };
  });
}

/** The ledger could not be reached: a first send waits for a hand answer, saying why. */
export function applyEffectFailure(round: ToolRound, id: string, message: string): ToolRound {
  return update(round, id, (call) => {
    if (call.phase === "running-effect") return { ...call, phase: "manual", note: `The refund could not run: ${message} Answer by hand.` };
    // A failed replay leaves the first result in place and says why nothing was shown.
    return canReplay(call) ? { ...call, note: `The replay could not reach the ledger: ${message}` } : call;
  });
}
