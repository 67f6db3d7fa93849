// Renderer: asks what an import does with experiments whose ids are already in the workspace:
// replace them, keep both, skip them, or cancel; nothing is written until the user answers.
import { useAppStore } from "../../store/appStore";

/** The oldest waiting import's question, or nothing when no import waits. */
export function ImportConflictPrompt() {
  const pending = useAppStore((s) => s.experiments.pendingImports[0] ?? null);
  const waiting = useAppStore((s) => s.experiments.pendingImports.length);
  const resolveImport = useAppStore((s) => s.resolveImport);
  if (!pending) return null;
  const count = pending.conflicts.length;
  return (
    <div className="import-conflict" role="alertdialog" aria-labelledby="import-conflict-title" data-testid="import-conflict">
      <p id="import-conflict-title">
        <strong>
          {count === 1 ? "An experiment in this file is already here" : `${count} experiments in this file are already here`}
        </strong>
        {waiting > 1 ? <span className="hint"> ({waiting - 1} more file{waiting === 2 ? "" : "s"} waiting)</span> : null}
      </p>
      <ul>
        {pending.conflicts.map((c) => (
          <li key={c.id}>
            "{c.name}" would replace "{c.existingName}" <span className="mono hint">{c.id}</span>
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" data-testid="import-replace" onClick={() => void resolveImport("replace")}>
          Replace
        </button>
        <button type="button" data-testid="import-keep-both" onClick={() => void resolveImport("keep_both")}>
          Keep both
        </button>
        <button type="button" data-testid="import-skip" onClick={() => void resolveImport("skip")}>
          Skip these
        </button>
        <button type="button" className="button-quiet" data-testid="import-cancel" onClick={() => void resolveImport("cancel")}>
          Cancel
        </button>
      </div>
    </div>
  );
}
