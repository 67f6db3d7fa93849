// Renderer: the learning aid that asks the simulator to fail on purpose (simulator profile only).
import { SimulatorFailure } from "../../../shared/contract";
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
    </div>
  );
}
