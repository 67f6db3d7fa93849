// Renderer: the experiments view: saved playground states as files, searched, versioned, diffed,
// restored, moved to the trash and back, imported and exported.
import { useEffect, useState } from "react";
import { useAppStore } from "../../store/appStore";
import { readPickedFiles } from "../Embeddings/readFiles";
import { downloadText } from "./downloadText";
import { ExperimentDetail } from "./ExperimentDetail";
import { ExperimentList } from "./ExperimentList";
import "./experiments.css";

/** The whole view. */
export function Experiments() {
  const state = useAppStore((s) => s.experiments);
  const loadExperiments = useAppStore((s) => s.loadExperiments);
  const saveNewExperiment = useAppStore((s) => s.saveNewExperiment);
  const importExperiments = useAppStore((s) => s.importExperiments);
  const exportExperiments = useAppStore((s) => s.exportExperiments);
  const setWorkspaceDir = useAppStore((s) => s.setWorkspaceDir);
  const [name, setName] = useState("");
  const [message, setMessage] = useState("");
  const [tags, setTags] = useState("");
  const [folder, setFolder] = useState<string | null>(null);

  useEffect(() => {
    void loadExperiments();
  }, [loadExperiments]);

  const exportAll = async () => {
    const file = await exportExperiments();
    if (file) downloadText(file.fileName, file.text);
  };

  return (
    <div className="experiments">
      <h1>Experiments</h1>
      <p className="hint">
        Each experiment is a readable JSON file in <span className="mono" data-testid="workspace-dir">{state.workspaceDir || "…"}</span>, with every saved version in it, so it diffs and can be kept in git. Keys are never written.
      </p>
      {state.error ? (
        <p className="field-error" role="alert" data-testid="experiments-error">
          {state.error}
        </p>
      ) : null}
      {state.message ? (
        <p className="hint" role="status" data-testid="experiments-message">
          {state.message}
        </p>
      ) : null}
      {state.problems.length ? (
        <p className="field-error" data-testid="experiments-problems">
          Unreadable files: {state.problems.map((p) => `${p.file}: ${p.reason}`).join("; ")}
        </p>
      ) : null}

      <section className="experiment-panel">
        <h2>Save the playground as a new experiment</h2>
        <form
          className="experiment-actions"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            void saveNewExperiment(name.trim(), message.trim(), { tags: tags.split(",").map((t) => t.trim()).filter(Boolean) });
            setName("");
            setMessage("");
          }}
        >
          <label className="field">
            Name
            <input data-testid="experiment-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
          </label>
          <label className="field">
            Tags (comma-separated)
            <input data-testid="experiment-tags" value={tags} onChange={(e) => setTags(e.target.value)} />
          </label>
          <label className="field">
            Message
            <input data-testid="experiment-message" value={message} onChange={(e) => setMessage(e.target.value)} maxLength={500} />
          </label>
          <button type="submit" className="button-primary" data-testid="experiment-create" disabled={!name.trim()}>
            Save as new
          </button>
        </form>
      </section>

      <div className="experiments-columns">
        <div>
          <ExperimentList />
          <section className="experiment-panel">
            <h2>Import and export</h2>
            <label className="field">
              Import experiment files (.json)
              <input
                type="file"
                accept=".json,application/json"
                data-testid="experiments-import"
                onChange={async (e) => {
                  const files = await readPickedFiles(e.target.files);
                  e.target.value = "";
                  for (const file of files) await importExperiments(file.text);
                }}
              />
            </label>
            <button type="button" className="button-quiet" onClick={() => void exportAll()}>
              Export all
            </button>
          </section>
          <section className="experiment-panel">
            <h2>Workspace folder</h2>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (folder !== null) void setWorkspaceDir(folder.trim());
              }}
            >
              <label className="field">
                Full path (empty for the default in the app's data folder)
                <input value={folder ?? state.workspaceDir} onChange={(e) => setFolder(e.target.value)} />
              </label>
              <button type="submit" className="button-quiet">
                Use this folder
              </button>
            </form>
          </section>
        </div>
        {state.open ? <ExperimentDetail key={state.open.id} file={state.open} /> : <p className="hint">Choose an experiment to see its versions.</p>}
      </div>
    </div>
  );
}
