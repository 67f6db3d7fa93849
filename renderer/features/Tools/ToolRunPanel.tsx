// Renderer: the tool calls of the last answer: each with its arguments and their check, approval
// for sensitive tools, refusals, the result to send back; then the next step of the conversation.
import { useAppStore } from "../../store/appStore";
import { selectIsRunning } from "../../store/selectors";
import { toolStepsTaken } from "./continuation";
import { REPLAYED_TEXT } from "./refundEffect";
import { canAnswerByHand, canReplay, pendingCalls, type CallPhase, type ToolCallState } from "./toolRound";

const PHASE_TEXT: Record<CallPhase, string> = {
  checking: "checking the arguments...",
  refused: "refused: outside a limit",
  invalid: "arguments invalid",
  "awaiting-approval": "waiting for your approval",
  denied: "not approved",
  manual: "waiting for your result",
  "running-effect": "performing the refund...",
  ready: "result ready",
};

/** Shown when the last answer called tools. */
export function ToolRunPanel() {
  const round = useAppStore((s) => s.toolRound);
  const problem = useAppStore((s) => s.toolRoundProblem);
  const stepLimit = useAppStore((s) => s.stepLimit);
  const steps = useAppStore((s) => toolStepsTaken(s.request.messages));
  const running = useAppStore(selectIsRunning);
  const continueToolRound = useAppStore((s) => s.continueToolRound);
  const clearToolExchange = useAppStore((s) => s.clearToolExchange);
  if (!round) return null;
  const waiting = pendingCalls(round).length;
  const atLimit = steps >= stepLimit;
  return (
    <section className="tool-run" aria-label="Tool calls" data-testid="tool-run">
      <h3>
        Tool calls: round <span data-testid="tool-step">{steps + 1}</span> of at most {stepLimit} (step limit)
      </h3>
      {round.content ? <p className="hint">The model also wrote: {round.content}</p> : null}
      {round.calls.map((call) => (
        <ToolCallCard key={call.id} call={call} />
      ))}
      <div className="run-controls">
        <button type="button" className="button-primary" data-testid="tool-continue" disabled={running || waiting > 0 || atLimit} onClick={() => void continueToolRound()}>
          Send results and continue
        </button>
        <button type="button" className="button-quiet" disabled={running} onClick={clearToolExchange} title="Remove the tool calls and results after the last user message">
          Start the exchange over
        </button>
      </div>
      {waiting > 0 ? <small className="hint">{waiting} call{waiting === 1 ? "" : "s"} still need{waiting === 1 ? "s" : ""} a result.</small> : null}
      {atLimit ? (
        <p className="field-error" data-testid="tool-step-limit">
          Step limit reached: {steps} tool rounds were already sent back (limit {stepLimit}). Change the prompt or raise the limit.
        </p>
      ) : null}
      {problem ? <p className="field-error">{problem}</p> : null}
    </section>
  );
}

function ToolCallCard({ call }: { call: ToolCallState }) {
  const approve = useAppStore((s) => s.approveToolCall);
  const deny = useAppStore((s) => s.denyToolCall);
  const answer = useAppStore((s) => s.answerToolCall);
  const report = useAppStore((s) => s.reportToolCallErrors);
  const replay = useAppStore((s) => s.replayToolCall);
  return (
    <article className={`tool-call-card phase-${call.phase}`} data-testid="tool-call" data-tool={call.name} data-phase={call.phase}>
      <header className="choice-head">
        <code>{call.name}</code>
        <span className="hint">{call.id}</span>
        {call.sensitive ? <span className="tag tag-sensitive">sensitive</span> : null}
        <span className="tag" data-testid="tool-call-phase">
          {PHASE_TEXT[call.phase]}
        </span>
      </header>
      <pre className="mono" data-testid="tool-call-arguments">
        {prettyArguments(call.arguments)}
      </pre>
      {call.phase !== "checking" && call.phase !== "invalid" && call.phase !== "refused" ? <small className="ok-text">Arguments match the tool&apos;s schema.</small> : null}
      {call.errors.length ? (
        <ul className="field-error" data-testid="tool-call-errors">
          {call.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      ) : null}
      {call.refusal ? (
        <p className="field-error" data-testid="tool-call-refusal">
          Refused before anything ran: {call.refusal} The model is told so.
        </p>
      ) : null}
      {call.phase === "awaiting-approval" ? (
        <div className="approval" data-testid="tool-approval">
          <p>This tool is marked sensitive. Nothing runs until you approve this call with these arguments.</p>
          <button type="button" className="button-primary" data-testid="tool-approve" onClick={() => approve(call.id)}>
            Approve
          </button>{" "}
          <button type="button" data-testid="tool-deny" onClick={() => deny(call.id)}>
            Deny
          </button>
        </div>
      ) : null}
      {call.note ? <p className="hint">{call.note}</p> : null}
      {call.effect ? <EffectSummary call={call} onReplay={() => void replay(call.id)} /> : null}
      {call.phase === "invalid" ? (
        <button type="button" data-testid="tool-report-errors" onClick={() => report(call.id)}>
          Send the errors back to the model
        </button>
      ) : null}
      {canAnswerByHand(call) || call.result !== null ? (
        <label className="stacked-field">
          <span>
            Result sent back as the tool message{call.resultSource ? ` (${RESULT_SOURCE_TEXT[call.resultSource] ?? call.resultSource})` : ""}
          </span>
          <textarea
            className="mono"
            rows={3}
            spellCheck={false}
            value={call.result ?? ""}
            readOnly={!canAnswerByHand(call)}
            placeholder='Type the result, e.g. {"status": "ok"}'
            data-testid="tool-call-result"
            onChange={(e) => answer(call.id, e.target.value)}
          />
        </label>
      ) : null}
    </article>
  );
}

const RESULT_SOURCE_TEXT: Partial<Record<NonNullable<ToolCallState["resultSource"]>, string>> = {
  mock: "from the mock",
  effect: "from the refund ledger",
  manual: "typed by hand",
};

/** A side-effecting call: its idempotency key, what the ledger did, and a replay button to show a retry. */
function EffectSummary({ call, onReplay }: { call: ToolCallState; onReplay: () => void }) {
  const effect = call.effect;
  if (!effect) return null;
  const outcome = effect.outcome;
  return (
    <div className="tool-effect" data-testid="tool-effect" data-outcome={outcome?.outcome ?? "pending"}>
      <p>
        Idempotency key <code data-testid="tool-effect-key">{effect.request.idempotencyKey}</code>{" "}
        <span className="hint">({effect.keySource === "argument" ? "from the call's idempotency_key argument" : "derived from the tool-call id"})</span>
      </p>
      {outcome?.outcome === "replayed" ? (
        <p className="ok-text" data-testid="tool-effect-replayed">
          {REPLAYED_TEXT}
        </p>
      ) : null}
      {outcome ? (
        <p className="hint" data-testid="tool-effect-message">
          {outcome.message} Refunds in the ledger: {outcome.refundCount}. Sent {effect.sends} time{effect.sends === 1 ? "" : "s"}.
        </p>
      ) : null}
      {canReplay(call) ? (
        <button type="button" data-testid="tool-replay" onClick={onReplay} title="Send the same call, with the same key, to the ledger again, as a retry would">
          Replay this call
        </button>
      ) : null}
    </div>
  );
}

/** The arguments indented when they are JSON, as written otherwise. */
function prettyArguments(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
