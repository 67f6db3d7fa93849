// Renderer: Run and Stop, with their keyboard shortcuts, and why a request cannot run yet.
import { useAppStore } from "../../store/appStore";
import { selectIsRunning, selectRequestProblem } from "../../store/selectors";
import { isApplePlatform, runShortcutLabel } from "./shortcuts";

const apple = typeof navigator !== "undefined" && isApplePlatform(navigator.platform);

/** The Run button (Ctrl/Cmd+Enter) and, while streaming, the Stop button (Escape). */
export function RunControls() {
  const running = useAppStore(selectIsRunning);
  const stopping = useAppStore((s) => s.run.stopping);
  const problem = useAppStore(selectRequestProblem);
  const startRun = useAppStore((s) => s.startRun);
  const stopRun = useAppStore((s) => s.stopRun);
  return (
    <div className="run-controls">
      <button type="button" className="button-primary" data-testid="run-button" disabled={running} onClick={() => void startRun()}>
        Run <kbd>{runShortcutLabel(apple)}</kbd>
      </button>
      <button type="button" data-testid="stop-button" disabled={!running || stopping} onClick={() => void stopRun()}>
        {stopping ? "Stopping..." : "Stop"} <kbd>Esc</kbd>
      </button>
      {problem ? <small className="field-error">Not ready to run: {problem}</small> : null}
    </div>
  );
}
