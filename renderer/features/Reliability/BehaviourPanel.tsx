// Renderer: the failure panel: what the simulator does with its next requests (a failure for the
// next N requests or until cleared) and the requests- and tokens-per-minute limits it enforces.
import { useEffect, useState } from "react";
import { SimulatorFailure } from "../../../shared/contract";
import { NORMAL_BEHAVIOUR, type SimBehaviour, type SimBehaviourState } from "../../../shared/contracts/reliability";
import { Field } from "../../components/Field";
import { NumberInput } from "../../components/NumberInput";
import { useAppStore } from "../../store/appStore";
import { FAILURE_LABELS } from "../Playground/FailureSelect";
import { failureInForce, remainingText } from "../../../shared/failureInForce";

/** What is in force, in a sentence. */
export function describeBehaviour(state: SimBehaviourState): string {
  const failure =
    state.failure === "none"
      ? "Answering normally"
      : `${FAILURE_LABELS[state.failure]} for ${remainingText(state.remaining)}`;
  const limits = [state.requestsPerMinute === null ? null : `${state.requestsPerMinute} requests/min`, state.tokensPerMinute === null ? null : `${state.tokensPerMinute} tokens/min`].filter(Boolean);
  return `${failure}; ${limits.length ? `enforcing ${limits.join(" and ")}` : "no rate limit enforced"}. Since set: ${state.served} served, ${state.failed} failed on purpose, ${state.limited} refused by the limits.`;
}

/** The form over the simulator's behaviour. */
export function BehaviourPanel() {
  const behaviour = useAppStore((s) => s.reliability.behaviour);
  const loadBehaviour = useAppStore((s) => s.loadBehaviour);
  const setBehaviour = useAppStore((s) => s.setBehaviour);
  const clearBehaviour = useAppStore((s) => s.clearBehaviour);
  const [draft, setDraft] = useState<SimBehaviour>(NORMAL_BEHAVIOUR);
  const [untilCleared, setUntilCleared] = useState(false);
  useEffect(() => {
    void loadBehaviour();
  }, [loadBehaviour]);
  // Until edited, the form shows what is in force, so Apply does not undo what it did not show.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!behaviour || touched) return;
    const { failure, remaining, firstByteDelayMs, requestsPerMinute, tokensPerMinute } = behaviour;
    setDraft({ failure, remaining, firstByteDelayMs, requestsPerMinute, tokensPerMinute });
    setUntilCleared(failure !== "none" && remaining === null);
  }, [behaviour, touched]);
  const edit = (change: Partial<SimBehaviour>) => {
    setTouched(true);
    setDraft((d) => ({ ...d, ...change }));
  };
  const apply = () => void setBehaviour({ ...draft, remaining: untilCleared ? null : (draft.remaining ?? 1) });
  return (
    <section className="behaviour-panel" aria-labelledby="behaviour-title">
      <h2 id="behaviour-title">Failures on demand</h2>
      <p className="hint">The offline simulator fails on purpose for its next requests, so you can watch the client's policy handle each failure. Real providers are never affected.</p>
      <div className="inline-fields">
        <Field label="Failure">
          {({ id }) => (
            <select id={id} data-testid="behaviour-failure" value={draft.failure} onChange={(e) => edit({ failure: SimulatorFailure.parse(e.target.value) })}>
              {SimulatorFailure.options.map((f) => (
                <option key={f} value={f}>
                  {FAILURE_LABELS[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="For the next N requests">
          {({ id }) => <NumberInput id={id} testId="behaviour-remaining" value={untilCleared ? undefined : (draft.remaining ?? 1)} min={1} max={1000} step={1} onChange={(v) => edit({ remaining: v === undefined ? null : Math.max(1, Math.round(v)) })} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" data-testid="behaviour-until-cleared" checked={untilCleared} onChange={(e) => {
              setTouched(true);
              setUntilCleared(e.target.checked);
            }} /> until cleared
        </label>
        {draft.failure === "slow_first_byte" ? (
          <Field label="Delay before the first byte (ms)">
            {({ id }) => <NumberInput id={id} value={draft.firstByteDelayMs ?? undefined} min={0} max={120_000} step={100} placeholder="15000" onChange={(v) => edit({ firstByteDelayMs: v === undefined ? null : Math.round(v) })} />}
          </Field>
        ) : null}
      </div>
      <h3>Rate limits the simulator enforces</h3>
      <p className="hint">Requests over a limit get a real 429 with accurate x-ratelimit-* and retry-after headers. Leave empty for no limit.</p>
      <div className="inline-fields">
        <Field label="Requests per minute">
          {({ id }) => <NumberInput id={id} testId="behaviour-rpm" value={draft.requestsPerMinute ?? undefined} min={1} step={1} onChange={(v) => edit({ requestsPerMinute: v === undefined ? null : Math.max(1, Math.round(v)) })} />}
        </Field>
        <Field label="Tokens per minute">
          {({ id }) => <NumberInput id={id} testId="behaviour-tpm" value={draft.tokensPerMinute ?? undefined} min={1} step={100} onChange={(v) => edit({ tokensPerMinute: v === undefined ? null : Math.max(1, Math.round(v)) })} />}
        </Field>
      </div>
      <div className="button-row">
        <button type="button" data-testid="behaviour-apply" onClick={apply}>
          Apply
        </button>
        <button type="button" className="button-quiet" data-testid="behaviour-clear" onClick={() => void clearBehaviour()}>
          Clear: answer normally
        </button>
        <button type="button" className="button-quiet" onClick={() => void loadBehaviour()}>
          Refresh
        </button>
      </div>
      <p data-testid="behaviour-status" aria-live="polite">
        {behaviour ? describeBehaviour(behaviour) : "Reading the simulator's behaviour..."}
      </p>
      <PlaygroundFailureNote />
    </section>
  );
}

/** The playground's own failure choice, which wins over this panel for the playground's runs. */
function PlaygroundFailureNote() {
  const draftFailure = useAppStore((s) => s.simulatorFailure);
  const behaviour = useAppStore((s) => s.reliability.behaviour);
  const setSimulatorFailure = useAppStore((s) => s.setSimulatorFailure);
  const next = failureInForce(draftFailure, behaviour);
  return (
    <p className="hint" data-testid="behaviour-playground" data-source={next.source} data-failure={next.failure}>
      {next.source === "playground" ? (
        <>
          The playground&apos;s draft asks for {FAILURE_LABELS[next.failure]} on each of its runs; for the playground that wins over this panel.{" "}
          <button type="button" className="button-quiet" data-testid="behaviour-clear-playground" onClick={() => setSimulatorFailure("none")}>
            Clear the playground&apos;s failure
          </button>
        </>
      ) : (
        `The playground's next run: ${next.source === "lab" ? `${FAILURE_LABELS[next.failure]}, from this panel` : "answered normally"}.`
      )}
    </p>
  );
}
