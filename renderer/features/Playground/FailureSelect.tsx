// Renderer: the learning aid that asks the simulator to fail on purpose (simulator profile only),
// with what the next run gets: this draft's failure, or the one set in the Reliability lab.
import { useEffect } from "react";
import { SimulatorFailure } from "../../../shared/contract";
import { failureInForce, remainingText } from "../../../shared/failureInForce";
import { Field } from "../../components/Field";
import { useAppStore } from "../../store/appStore";
import { selectIsSimulatorActive } from "../../store/selectors";

/** What each failure teaches, shown in the selector. */
export const FAILURE_LABELS: Record<SimulatorFailure, string> = {
  none: "None: answer normally",
  rate_limit: "429 rate limit, with retry-after",
  rate_limit_no_retry_after: "429 rate limit, without retry-after",
  insufficient_quota: "429 insufficient quota (billing)",
  server_error: "500 server error",
  unavailable: "503 service unavailable",
  invalid_key: "401 invalid API key",
  bad_request: "400 bad request naming a parameter",
  slow_first_byte: "Slow first byte (long wait before anything arrives)",
  stall: "Stream stalls mid-way and never ends",
  drop: "Connection dropped mid-stream",
  malformed_chunk: "A streamed chunk that is not JSON",
};

/** Chooses the failure the simulator produces on the next runs; hidden for real providers. */
export function FailureSelect() {
  const visible = useAppStore(selectIsSimulatorActive);
  const failure = useAppStore((s) => s.simulatorFailure);
  const setFailure = useAppStore((s) => s.setSimulatorFailure);
  if (!visible) return null;
  return (
    <div className="failure-simulator">
      <Field
        label="Failure simulator (learning aid)"
        hint="Makes the simulator fail on purpose on the next runs, so you can see how each error looks and is handled. Real providers never get this."
      >
        {({ id, describedBy }) => (
          <select
            id={id}
            value={failure}
            aria-describedby={describedBy}
            data-testid="failure-select"
            onChange={(e) => setFailure(SimulatorFailure.parse(e.target.value))}
          >
            {SimulatorFailure.options.map((f) => (
              <option key={f} value={f}>
                {FAILURE_LABELS[f]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FailureInForceLine />
    </div>
  );
}

/**
 * What the next run gets and who set it, read from the simulator itself (re-read after each run,
 * since a lab failure for the next N requests counts down), with a way to clear the lab's.
 */
function FailureInForceLine() {
  const draftFailure = useAppStore((s) => s.simulatorFailure);
  const behaviour = useAppStore((s) => s.reliability.behaviour);
  const runStatus = useAppStore((s) => s.run.status);
  const loadBehaviour = useAppStore((s) => s.loadBehaviour);
  const setBehaviour = useAppStore((s) => s.setBehaviour);
  useEffect(() => {
    if (runStatus !== "streaming") void loadBehaviour();
  }, [runStatus, loadBehaviour]);
  const next = failureInForce(draftFailure, behaviour);
  const clearLab = () => {
    if (behaviour) void setBehaviour({ failure: "none", remaining: null, firstByteDelayMs: behaviour.firstByteDelayMs, requestsPerMinute: behaviour.requestsPerMinute, tokensPerMinute: behaviour.tokensPerMinute });
  };
  return (
    <p className="hint failure-in-force" data-testid="failure-in-force" data-source={next.source} data-failure={next.failure}>
      {next.source === "none" ? "Next run: answered normally (nothing set here or in the Reliability lab)." : null}
      {next.source === "playground" ? (
        <>
          Next run: {FAILURE_LABELS[next.failure]}, chosen here, on every run of this draft.
          {next.labWaiting ? ` The Reliability lab's ${FAILURE_LABELS[next.labWaiting]} applies to other requests; this choice wins for the playground's.` : ""}
        </>
      ) : null}
      {next.source === "lab" ? (
        <>
          Next run: {FAILURE_LABELS[next.failure]}, set in the Reliability lab for {remainingText(next.remaining)} (from any client).{" "}
          <button type="button" className="button-quiet" data-testid="failure-clear-lab" onClick={clearLab}>
            Clear the lab&apos;s failure
          </button>
        </>
      ) : null}
    </p>
  );
}
