// Renderer: the playground's way into the inspector for the run it just showed.
import { useAppStore } from "../../store/appStore";

/** "Inspect this run": opens the inspector on the playground's last run once it has ended. */
export function InspectRunButton() {
  const runId = useAppStore((s) => s.run.runId);
  const status = useAppStore((s) => s.run.status);
  const inspectRun = useAppStore((s) => s.inspectRun);
  const setView = useAppStore((s) => s.setView);
  if (!runId || status === "idle" || status === "streaming") return null;
  return (
    <button
      type="button"
      className="button-quiet"
      data-testid="inspect-run"
      onClick={() => {
        void inspectRun(runId);
        setView("inspector");
      }}
    >
      Inspect this run (request, headers, chunks)
    </button>
  );
}
