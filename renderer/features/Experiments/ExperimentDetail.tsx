// Renderer: one experiment: rename, duplicate, delete, export; its versions with load and restore;
// save the playground as the next version; and the diff of any two versions.
import { useEffect, useMemo, useRef, useState } from "react";
import type { ExperimentFile } from "../../../shared/experiments";
import { hashOfLocation } from "../../shell/deepLinks";
import { useAppStore } from "../../store/appStore";
import { experimentStateOf, playgroundDiffersFrom } from "../../store/experimentsSlice";
import { downloadText } from "./downloadText";
import { VersionDiff } from "./VersionDiff";

/** The detail pane of an experiment. */
export function ExperimentDetail({ file }: { file: ExperimentFile }) {
  const loaded = useAppStore((s) => s.experiments.loaded);
  // The version a link points at: highlighted and scrolled to.
  const shownVersion = useAppStore((s) => s.experiments.shownVersion);
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (shownVersion) table.current?.querySelector(`[data-testid="version-${shownVersion}"]`)?.scrollIntoView({ block: "nearest" });
  }, [shownVersion]);
  const saveExperimentVersion = useAppStore((s) => s.saveExperimentVersion);
  const loadVersionIntoPlayground = useAppStore((s) => s.loadVersionIntoPlayground);
  const restoreExperimentVersion = useAppStore((s) => s.restoreExperimentVersion);
  const renameExperiment = useAppStore((s) => s.renameExperiment);
  const duplicateExperiment = useAppStore((s) => s.duplicateExperiment);
  const deleteExperiment = useAppStore((s) => s.deleteExperiment);
  const exportExperiments = useAppStore((s) => s.exportExperiments);
  const setView = useAppStore((s) => s.setView);
  const [name, setName] = useState(file.name);
  const [message, setMessage] = useState("");
  const latest = file.versions.length;
  // Each field on its own (stable references): the comparison reruns only when the playground changes.
  const activeId = useAppStore((s) => s.activeId);
  const request = useAppStore((s) => s.request);
  const simulatorFailure = useAppStore((s) => s.simulatorFailure);
  const toolSettings = useAppStore((s) => s.toolSettings);
  const stepLimit = useAppStore((s) => s.stepLimit);
  const api = useAppStore((s) => s.api);
  const responsesExtras = useAppStore((s) => s.responsesExtras);
  const unchanged = useMemo(() => {
    const saved = file.versions.at(-1)?.state;
    const now = experimentStateOf({ activeId, request, simulatorFailure, toolSettings, stepLimit, api, responsesExtras }, saved);
    return saved !== undefined && now.ok && !playgroundDiffersFrom(saved, now.state);
  }, [file, activeId, request, simulatorFailure, toolSettings, stepLimit, api, responsesExtras]);
  // Until the user picks, the diff follows the two newest versions as new ones are saved.
  const [pickedFrom, setFrom] = useState<number | null>(null);
  const [pickedTo, setTo] = useState<number | null>(null);
  const from = Math.min(pickedFrom ?? latest - 1, latest) || 1;
  const to = Math.min(pickedTo ?? latest, latest);

  return (
    <div data-testid="experiment-detail">
      <section className="experiment-panel">
        <form
          className="experiment-actions"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() && name.trim() !== file.name) void renameExperiment(file.id, name.trim());
          }}
        >
          <label className="field">
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} data-testid="experiment-rename" />
          </label>
          <button type="submit" className="button-quiet">
            Rename
          </button>
          <button type="button" className="button-quiet" onClick={() => void duplicateExperiment(file.id)}>
            Duplicate
          </button>
          <button
            type="button"
            className="button-quiet"
            onClick={async () => {
              const out = await exportExperiments(file.id);
              if (out) downloadText(out.fileName, out.text);
            }}
          >
            Export
          </button>
          <button type="button" className="button-danger" data-testid="experiment-delete" onClick={() => void deleteExperiment(file.id)}>
            Delete
          </button>
        </form>
        <p className="hint mono">{file.id}.experiment.json</p>
        <form
          className="experiment-actions"
          onSubmit={(e) => {
            e.preventDefault();
            void saveExperimentVersion(message.trim());
            setMessage("");
          }}
        >
          <label className="field">
            What changed
            <input value={message} onChange={(e) => setMessage(e.target.value)} data-testid="version-message" maxLength={500} />
          </label>
          <button
            type="submit"
            className="button-primary"
            data-testid="version-save"
            disabled={unchanged}
            aria-describedby={unchanged ? "version-unchanged" : undefined}
          >
            Save playground as version {latest + 1}
          </button>
          {unchanged && (
            <span id="version-unchanged" className="hint" data-testid="version-unchanged">
              The playground is the same as version {latest}: edit it to save a new version.
            </span>
          )}
        </form>
      </section>

      <section className="experiment-panel">
        <h2>Versions</h2>
        <table ref={table} className="version-table" data-testid="version-table">
          <thead>
            <tr>
              <th>Version</th>
              <th>Saved</th>
              <th>Message</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {[...file.versions].reverse().map((v) => (
              <tr key={v.version} data-testid={`version-${v.version}`} className={shownVersion === v.version ? "version-linked" : undefined} aria-current={shownVersion === v.version ? "true" : undefined}>
                <td>
                  {/* A link to this version: shareable, and Back returns from it. */}
                  <a href={hashOfLocation({ view: "experiments", detail: [file.id, `v${v.version}`] })} data-testid={`version-link-${v.version}`} title="Link to this version">
                    v{v.version}
                  </a>
                  {loaded?.id === file.id && loaded.version === v.version ? <span className="tag tag-active"> in playground</span> : null}
                </td>
                <td>{new Date(v.savedAt).toLocaleString()}</td>
                <td>{v.message || <span className="hint">no message</span>}</td>
                <td className="row">
                  <button
                    type="button"
                    className="button-quiet"
                    data-testid={`version-load-${v.version}`}
                    onClick={async () => {
                      await loadVersionIntoPlayground(v.version);
                      setView("playground");
                    }}
                  >
                    Open in playground
                  </button>
                  {v.version !== latest ? (
                    <button type="button" className="button-quiet" data-testid={`version-restore-${v.version}`} onClick={() => void restoreExperimentVersion(v.version)}>
                      Restore
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {latest > 1 ? (
        <section className="experiment-panel">
          <h2>Compare versions</h2>
          <div className="experiment-actions">
            <label className="field">
              From
              <select value={from} onChange={(e) => setFrom(Number(e.target.value))} data-testid="diff-from">
                {file.versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    v{v.version}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              To
              <select value={to} onChange={(e) => setTo(Number(e.target.value))} data-testid="diff-to">
                {file.versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    v{v.version}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <VersionDiff before={file.versions[from - 1]?.state} after={file.versions[to - 1]?.state} />
        </section>
      ) : null}
    </div>
  );
}
