// Renderer: the reliability lab: failures and rate limits on demand in the simulator, and the
// idempotency lesson. The client's policy and fallbacks are edited in Settings.
import { useAppStore } from "../../store/appStore";
import { BehaviourPanel } from "./BehaviourPanel";
import { IdempotencyLab } from "./IdempotencyLab";
import "./reliability.css";

/** The view. */
export function Reliability() {
  const setView = useAppStore((s) => s.setView);
  const error = useAppStore((s) => s.reliability.error);
  return (
    <div className="reliability">
      <h1>Reliability lab</h1>
      <p className="hint">
        Make the simulator fail, then run in the Playground and read each run's timeline: its attempts, the waits and why, and the deadline. The client's retry policy and fallbacks are in{" "}
        <button type="button" className="link-button" onClick={() => setView("settings")}>
          Settings
        </button>
        .
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="reliability-grid">
        <BehaviourPanel />
        <IdempotencyLab />
      </div>
    </div>
  );
}
