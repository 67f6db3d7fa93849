// Renderer: a list of assertions edited as a form (every type with its fields, add and remove) or
// as raw JSON, the two kept in sync: the form writes the JSON, and valid JSON fills the form.
// Invalid JSON shows why and leaves the form as it was.
import { useState } from "react";
import { assertionTypes } from "../../../shared/assertions";
import {
  ASSERTION_FIELDS,
  ASSERTION_SUMMARIES,
  changeType,
  draftProblem,
  draftsFromText,
  draftsText,
  fieldText,
  isAssertionType,
  LABEL_FIELD,
  newDraft,
  withField,
  type AssertionDraft,
  type FieldSpec,
} from "./assertionDrafts";

/** A JSON field (a schema, tool arguments): its own text, passed on only when it parses. */
function JsonField({ field, draft, testId, onChange }: { field: FieldSpec; draft: AssertionDraft; testId: string; onChange: (value: object | undefined) => void }) {
  const [text, setText] = useState(() => fieldText(draft, field));
  const [error, setError] = useState<string | null>(null);
  return (
    <label className="field assertion-field-wide" title={field.hint}>
      {field.label}
      <textarea
        className="assertions-text"
        data-testid={`${testId}-${field.key}`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value.trim() && field.optional) {
            setError(null);
            return onChange(undefined);
          }
          try {
            const value: unknown = JSON.parse(e.target.value);
            if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("it must be a JSON object, { ... }");
            setError(null);
            onChange(value);
          } catch (err) {
            setError(`Not a JSON object: ${err instanceof Error ? err.message : String(err)}`);
          }
        }}
      />
      {error ? <span className="field-error">{error}</span> : null}
    </label>
  );
}

function Field({ field, draft, testId, onChange }: { field: FieldSpec; draft: AssertionDraft; testId: string; onChange: (next: AssertionDraft) => void }) {
  const id = `${testId}-${field.key}`;
  const set = (input: string | boolean | object | undefined) => onChange(withField(draft, field, input));
  if (field.kind === "json") return <JsonField field={field} draft={draft} testId={testId} onChange={set} />;
  if (field.kind === "checkbox") {
    return (
      <label className="inline-check" title={field.hint}>
        <input type="checkbox" data-testid={id} checked={draft[field.key] === true} onChange={(e) => set(e.target.checked)} /> {field.label}
      </label>
    );
  }
  if (field.kind === "select") {
    return (
      <label className="field" title={field.hint}>
        {field.label}
        <select data-testid={id} value={fieldText(draft, field)} onChange={(e) => set(e.target.value)}>
          {field.optional ? <option value="">default</option> : null}
          {field.options?.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
    );
  }
  return (
    <label className={field.kind === "textarea" ? "field assertion-field-wide" : "field"} title={field.hint}>
      {field.label}
      {field.kind === "textarea" ? (
        <textarea data-testid={id} value={fieldText(draft, field)} onChange={(e) => set(e.target.value)} />
      ) : (
        <input data-testid={id} type={field.kind === "number" ? "number" : "text"} step="any" value={fieldText(draft, field)} onChange={(e) => set(e.target.value)} />
      )}
    </label>
  );
}

/** One assertion of the form: its type, its fields, its problem if any, and Remove. */
function AssertionRow({ draft, index, testId, onChange, onRemove }: { draft: AssertionDraft; index: number; testId: string; onChange: (next: AssertionDraft) => void; onRemove: () => void }) {
  const rowId = `${testId}-${index}`;
  const problem = draftProblem(draft);
  const fields = isAssertionType(draft.type) ? ASSERTION_FIELDS[draft.type] : [];
  return (
    <li className="assertion-row" data-testid="assertion-row">
      <div className="assertion-fields">
        <label className="field">
          type
          <select data-testid={`${rowId}-type`} value={draft.type} onChange={(e) => isAssertionType(e.target.value) && onChange(changeType(draft, e.target.value))}>
            {isAssertionType(draft.type) ? null : <option value={draft.type}>{draft.type} (unknown)</option>}
            {assertionTypes.map((t) => (
              <option key={t} value={t}>
                {t}: {ASSERTION_SUMMARIES[t]}
              </option>
            ))}
          </select>
        </label>
        {/* Keyed by type: a JSON field's own text starts afresh when the type changes. */}
        {fields.map((f) => (
          <Field key={`${draft.type}:${f.key}`} field={f} draft={draft} testId={rowId} onChange={onChange} />
        ))}
        <Field field={LABEL_FIELD} draft={draft} testId={rowId} onChange={onChange} />
        <button type="button" className="button-quiet" data-testid={`${rowId}-remove`} aria-label={`Remove assertion ${index + 1}`} onClick={onRemove}>
          Remove
        </button>
      </div>
      {problem ? (
        <p className="field-error" data-testid="assertion-row-error">
          {problem}
        </p>
      ) : null}
    </li>
  );
}

/** A row of the form: its draft and an id for React. */
interface Row {
  id: number;
  draft: AssertionDraft;
}
let nextRowId = 1;
const toRow = (draft: AssertionDraft): Row => ({ id: nextRowId++, draft });

/**
 * Edits `text` (a JSON array of assertions) through a form or as JSON; `onText` gets the new text.
 * `testId` names the JSON textarea (and prefixes the form's controls).
 */
export function AssertionsEditor({ text, onText, testId, label }: { text: string; onText: (text: string) => void; testId: string; label: string }) {
  const [view, setView] = useState<"form" | "json">("form");
  // What the form shows: the text's assertions while it parses, the last ones that did otherwise.
  // Each row has an id of its own, so removing one never hands its neighbour's field texts over.
  const [rows, setRows] = useState<Row[]>(() => {
    const initial = draftsFromText(text);
    return typeof initial === "string" ? [] : initial.map(toRow);
  });
  const read = draftsFromText(text);
  const setFromForm = (next: Row[]) => {
    setRows(next);
    onText(draftsText(next.map((r) => r.draft)));
  };
  return (
    <div className="assertions-editor" data-testid={`${testId}-editor`}>
      <div className="row" role="tablist" aria-label={`${label}: edit as`}>
        <span>{label}</span>
        <span className="spacer" />
        {(["form", "json"] as const).map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? "tab tab-selected" : "tab"} data-testid={`${testId}-view-${v}`} onClick={() => setView(v)}>
            {v === "form" ? "Form" : "JSON"}
          </button>
        ))}
      </div>
      {typeof read === "string" ? (
        <p className="field-error" role="alert" data-testid={`${testId}-json-error`}>
          {read} The form keeps the assertions it had until the JSON is valid again.
        </p>
      ) : null}
      {view === "form" ? (
        <>
          <ol className="assertion-list" data-testid={`${testId}-form`}>
            {rows.map((row, i) => (
              <AssertionRow
                key={row.id}
                draft={row.draft}
                index={i}
                testId={testId}
                onChange={(draft) => setFromForm(rows.map((r) => (r.id === row.id ? { ...r, draft } : r)))}
                onRemove={() => setFromForm(rows.filter((r) => r.id !== row.id))}
              />
            ))}
          </ol>
          {rows.length === 0 ? <p className="hint">No assertions yet.</p> : null}
          <button type="button" className="button-quiet" data-testid={`${testId}-add`} onClick={() => setFromForm([...rows, toRow(newDraft("contains"))])}>
            + Add assertion
          </button>
        </>
      ) : (
        <textarea
          className="assertions-text"
          data-testid={testId}
          aria-label={`${label} as JSON`}
          value={text}
          onChange={(e) => {
            onText(e.target.value);
            const next = draftsFromText(e.target.value);
            if (typeof next !== "string") setRows(next.map(toRow));
          }}
        />
      )}
    </div>
  );
}
