// Renderer: "Test connection": lists the profile's models and shows latency and count, or the error.
import { useAppStore } from "../../store/appStore";
import { errorHeadline } from "../Playground/errorHeadline";

/** The test button and its last result for one profile. */
export function ConnectionTest({ profileId }: { profileId: string }) {
  const test = useAppStore((s) => s.connectionTests[profileId]);
  const run = useAppStore((s) => s.testConnection);
  return (
    <div className="connection-test">
      <button type="button" data-testid="profile-test" disabled={test?.status === "running"} onClick={() => void run(profileId)}>
        Test connection
      </button>
      <div data-testid="profile-test-result" data-status={test?.status ?? "idle"} role="status">
        {!test ? null : test.status === "running" ? (
          "Testing..."
        ) : test.status === "ok" ? (
          `Connected in ${Math.round(test.latencyMs)} ms; ${test.modelCount} model${test.modelCount === 1 ? "" : "s"} listed.`
        ) : (
          <span className="field-error">
            {errorHeadline(test.error).title}: {test.error.message}
            {test.error.status !== null ? ` (HTTP ${test.error.status})` : ""}
          </span>
        )}
      </div>
    </div>
  );
}
