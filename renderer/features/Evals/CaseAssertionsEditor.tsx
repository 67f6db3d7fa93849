// Renderer: the editor of one case's own assertions (the assertion form, or a JSON array, checked
// against the shared schema as it is typed), applied to the dataset draft only when valid.
import { useState } from "react";
import { AssertionsEditor } from "./AssertionsEditor";
import { caseAssertionsText, setCaseAssertions, VARIABLES_HINT, type DatasetDraft } from "./datasetEdits";

/** Edits the own assertions of `draft.cases[caseIndex]`; `onApply` gets the draft with them set. */
export function CaseAssertionsEditor({ draft, caseIndex, onApply, onClose }: { draft: DatasetDraft; caseIndex: number; onApply: (next: DatasetDraft) => void; onClose: () => void }) {
  const item = draft.cases[caseIndex];
  const [text, setText] = useState(() => (item ? caseAssertionsText(item) : "[]"));
  if (!item) return null;
  const checked = setCaseAssertions(draft, caseIndex, text);
  return (
    <div className="evals-panel" data-testid="case-assertions-editor">
      <AssertionsEditor text={text} onText={setText} testId="case-assertions" label={`Own assertions of case ${item.id}, checked in addition to the dataset's`} />
      <p className="hint">{VARIABLES_HINT}</p>
      {typeof checked === "string" ? <p className="field-error" data-testid="case-assertions-error">{checked}</p> : null}
      <div className="evals-actions">
        <button
          type="button"
          className="button-quiet"
          data-testid="case-assertions-apply"
          disabled={typeof checked === "string"}
          onClick={() => {
            if (typeof checked !== "string") onApply(checked);
          }}
        >
          Apply to the case
        </button>
        <button type="button" className="button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
