// Renderer: a dataset edited in the app: its cases as a table, its columns, and the assertions
// every case is checked against and each case's own (JSON, validated as it is typed).
import { useMemo, useState } from "react";
import type { Dataset } from "../../../shared/evals";
import { useAppStore } from "../../store/appStore";
import { assertionVariables } from "../../../shared/assertionVars";
import { AssertionsEditor } from "./AssertionsEditor";
import { draftsText } from "./assertionDrafts";
import { CaseAssertionsEditor } from "./CaseAssertionsEditor";
import { addCase, addColumn, parseAssertionsText, removeCase, setCell, VARIABLES_HINT, type DatasetDraft } from "./datasetEdits";

/** Most rows shown for editing; a bigger dataset is edited in its file. */
const SHOWN_ROWS = 200;

/** The editor of the open dataset. */
export function DatasetEditor({ dataset }: { dataset: Dataset }) {
  const saveDataset = useAppStore((s) => s.saveDataset);
  // Unsaved edits live in the store, so leaving the view and coming back keeps them; edits of
  // another dataset, or of an older save of this one, are not these.
  const edit = useAppStore((s) => s.evals.edit);
  const setDatasetEdit = useAppStore((s) => s.setDatasetEdit);
  const current = edit && edit.datasetId === dataset.id && edit.updatedAt === dataset.updatedAt ? edit : null;
  const saved = useMemo(() => ({ draft: { name: dataset.name, columns: dataset.columns, cases: dataset.cases }, assertionsText: draftsText(dataset.assertions) }), [dataset]);
  const draft: DatasetDraft = current?.draft ?? saved.draft;
  const assertionsText = current?.assertionsText ?? saved.assertionsText;
  const keep = (change: { draft?: DatasetDraft; assertionsText?: string }) => setDatasetEdit({ datasetId: dataset.id, updatedAt: dataset.updatedAt, draft, assertionsText, ...change });
  const setDraft = (next: DatasetDraft) => keep({ draft: next });
  const setAssertionsText = (next: string) => keep({ assertionsText: next });
  const [column, setColumn] = useState("");
  const [columnError, setColumnError] = useState<string | null>(null);
  // The case whose own assertions are open for editing (by index into the draft).
  const [editing, setEditing] = useState<number | null>(null);
  const checked = parseAssertionsText(assertionsText);
  const unknownVars = checked.ok ? [...new Set(checked.assertions.flatMap(assertionVariables))].filter((v) => !draft.columns.includes(v)) : [];

  return (
    <section className="evals-panel" data-testid="dataset-editor">
      <h2>
        {dataset.name} <span className="hint">({dataset.cases.length} cases)</span>
      </h2>
      <div style={{ overflowX: "auto" }}>
        <table className="evals-table">
          <thead>
            <tr>
              <th>id</th>
              {draft.columns.map((c) => (
                <th key={c}>{`{{${c}}}`}</th>
              ))}
              <th>own assertions</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.cases.slice(0, SHOWN_ROWS).map((c, i) => (
              <tr key={c.id}>
                <td className="mono">{c.id}</td>
                {draft.columns.map((col) => (
                  <td key={col}>
                    <input aria-label={`${c.id} ${col}`} value={c.vars[col] ?? ""} onChange={(e) => setDraft(setCell(draft, i, col, e.target.value))} />
                  </td>
                ))}
                <td>
                  <button type="button" className="button-quiet" data-testid="case-assertions-open" aria-label={`Edit the own assertions of ${c.id}`} onClick={() => setEditing(i)}>
                    {c.assertions.length ? c.assertions.map((a) => a.type).join(", ") : "none"} ✎
                  </button>
                </td>
                <td>
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={`Remove ${c.id}`}
                    onClick={() => {
                      setEditing(null);
                      setDraft(removeCase(draft, i));
                    }}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing !== null ? (
        <CaseAssertionsEditor
          key={draft.cases[editing]?.id ?? editing}
          draft={draft}
          caseIndex={editing}
          onApply={(next) => {
            setDraft(next);
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {draft.cases.length > SHOWN_ROWS ? <p className="hint">Showing the first {SHOWN_ROWS} cases; edit the file for the rest.</p> : null}
      <div className="evals-actions">
        <button type="button" className="button-quiet" onClick={() => setDraft(addCase(draft))}>
          Add case
        </button>
        <input placeholder="new column" aria-label="New column name" value={column} onChange={(e) => setColumn(e.target.value)} />
        <button
          type="button"
          className="button-quiet"
          onClick={() => {
            const next = addColumn(draft, column);
            if (typeof next === "string") return setColumnError(next);
            setDraft(next);
            setColumn("");
            setColumnError(null);
          }}
        >
          Add column
        </button>
        {columnError ? <span className="field-error">{columnError}</span> : null}
      </div>
      <AssertionsEditor text={assertionsText} onText={setAssertionsText} testId="dataset-assertions" label="Assertions for every case" />
      <p className="hint">
        A case&apos;s own assertions are edited with its ✎ button or imported from an assertions column. {VARIABLES_HINT}
      </p>
      {unknownVars.length ? (
        <p className="field-error" data-testid="assertion-unknown-vars">
          No column for {unknownVars.map((v) => `{{${v}}}`).join(", ")}: the checks using it will fail.
        </p>
      ) : null}
      {!checked.ok ? <p className="field-error">{checked.error}</p> : null}
      <button
        type="button"
        className="button-primary"
        data-testid="dataset-save"
        disabled={!checked.ok}
        onClick={() => checked.ok && void saveDataset({ id: dataset.id, name: draft.name, columns: draft.columns, cases: draft.cases, assertions: checked.assertions })}
      >
        Save dataset
      </button>
      {current ? (
        <span className="hint" data-testid="dataset-unsaved">
          {" "}
          Unsaved changes (kept while you visit other views)
        </span>
      ) : null}
    </section>
  );
}
