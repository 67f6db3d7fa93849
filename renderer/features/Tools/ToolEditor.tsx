// Renderer: one tool: its definition (name, description, strict, parameters schema checked as you
// type) and its playground settings (sensitive, mock result, argument limits).
import { useState } from "react";
import type { ToolLimit, ToolMock, ToolSettings } from "../../../shared/toolSettings";
import { JsonEditor } from "../../components/JsonEditor/JsonEditor";
import { isJsonObject, useJsonTwin } from "../../components/JsonEditor/useJsonTwin";
import { useAppStore } from "../../store/appStore";
import { useSchemaProblems } from "../StructuredOutput/useSchemaProblems";
import { editTool, removeTool } from "./toolEdits";
import { settingsFor } from "./toolRound";

const MOCK_HINTS: Record<ToolMock["kind"], string> = {
  manual: "You type each result when the call arrives.",
  fixed: "This JSON is returned for every call.",
  template: 'JSON with {{argument}} placeholders, e.g. {"order": "{{order_id}}", "amount": {{amount}}}.',
  refund:
    "Performs a mock refund (order_id, amount) in the app's ledger with an idempotency key: the call's idempotency_key argument if the tool declares one, else one derived from the tool-call id. A repeated key returns the first result and refunds nothing more.",
};

/** The editor of the tool at `index` in request.tools. */
export function ToolEditor({ index }: { index: number }) {
  const tool = useAppStore((s) => s.request.tools?.[index]);
  const editRequest = useAppStore((s) => s.editRequest);
  const renameToolSettings = useAppStore((s) => s.renameToolSettings);
  const removeToolSettings = useAppStore((s) => s.removeToolSettings);
  const fn = tool?.function;
  const twin = useJsonTwin(fn?.parameters, (parameters) => editRequest((r) => editTool(r, index, { parameters })), isJsonObject);
  const { problems } = useSchemaProblems(twin.text, fn?.strict === true);
  if (!fn) return null;
  return (
    <details className="tool-editor" open data-testid="tool-editor" data-tool={fn.name}>
      <summary>
        <code>{fn.name}</code> {fn.strict ? <span className="tag">strict</span> : null}
      </summary>
      <div className="inline-fields">
        <label className="inline-field">
          <span>Name</span>
          <input
            value={fn.name}
            spellCheck={false}
            data-testid="tool-name"
            onChange={(e) => {
              renameToolSettings(fn.name, e.target.value);
              editRequest((r) => editTool(r, index, { name: e.target.value }));
            }}
          />
        </label>
        <label className="inline-field">
          <input type="checkbox" checked={fn.strict === true} onChange={(e) => editRequest((r) => editTool(r, index, { strict: e.target.checked }))} />
          <span>strict</span>
        </label>
        <button
          type="button"
          className="button-quiet"
          onClick={() => {
            removeToolSettings(fn.name);
            editRequest((r) => removeTool(r, index));
          }}
        >
          Remove tool
        </button>
      </div>
      <label className="stacked-field">
        <span>Description</span>
        <input value={fn.description ?? ""} onChange={(e) => editRequest((r) => editTool(r, index, { description: e.target.value }))} />
      </label>
      <span className="field-label">Parameters (JSON Schema{fn.strict ? ", strict-mode rules checked" : ""})</span>
      <JsonEditor testId="tool-parameters" label={`Parameters schema of ${fn.name}`} value={twin.text} onChange={twin.setText} problems={problems} height={180} />
      {twin.error ? <small className="field-error">{twin.error} (the request keeps the last valid schema)</small> : null}
      <ToolSettingsEditor name={fn.name} />
    </details>
  );
}

/** The playground-side settings of a tool: not sent to the model. */
function ToolSettingsEditor({ name }: { name: string }) {
  const settings = useAppStore((s) => settingsFor(s.toolSettings, name));
  const setToolSettings = useAppStore((s) => s.setToolSettings);
  const save = (change: Partial<ToolSettings>) => setToolSettings(name, { ...settings, ...change });
  const mockText = settings.mock.kind === "fixed" ? settings.mock.json : settings.mock.kind === "template" ? settings.mock.template : "";
  const setMock = (kind: ToolMock["kind"], text: string) =>
    save({ mock: kind === "manual" || kind === "refund" ? { kind } : kind === "fixed" ? { kind, json: text } : { kind, template: text } });
  return (
    <div className="tool-settings">
      <span className="field-label">In the playground (not sent to the model)</span>
      <label className="inline-field">
        <input type="checkbox" checked={settings.sensitive} data-testid="tool-sensitive" onChange={(e) => save({ sensitive: e.target.checked })} />
        <span>Sensitive: every call waits for my approval</span>
      </label>
      <label className="inline-field">
        <span>Result</span>
        <select value={settings.mock.kind} data-testid="tool-mock-kind" onChange={(e) => setMock(e.target.value as ToolMock["kind"], mockText || "{}")}>
          <option value="manual">typed by hand</option>
          <option value="fixed">fixed JSON</option>
          <option value="template">template over the arguments</option>
          <option value="refund">side effect: refund</option>
        </select>
      </label>
      <small className="hint">{MOCK_HINTS[settings.mock.kind]}</small>
      {settings.mock.kind === "fixed" || settings.mock.kind === "template" ? (
        <textarea className="mono" rows={3} spellCheck={false} value={mockText} aria-label={`Mock result of ${name}`} data-testid="tool-mock-text" onChange={(e) => setMock(settings.mock.kind, e.target.value)} />
      ) : null}
      <LimitsEditor limits={settings.limits} onChange={(limits) => save({ limits })} />
    </div>
  );
}

/** Numeric limits on arguments; a call outside one is refused before anything runs. */
function LimitsEditor({ limits, onChange }: { limits: ToolLimit[]; onChange: (limits: ToolLimit[]) => void }) {
  const [draft, setDraft] = useState({ argument: "", min: "", max: "" });
  const toNumber = (text: string) => (text.trim() === "" || !Number.isFinite(Number(text)) ? undefined : Number(text));
  return (
    <div className="tool-limits">
      <span className="field-label">Argument limits</span>
      {limits.length ? (
        <ul>
          {limits.map((l, i) => (
            <li key={i} data-testid="tool-limit">
              <code>{l.argument}</code> {l.min !== undefined ? `≥ ${l.min}` : ""} {l.max !== undefined ? `≤ ${l.max}` : ""}{" "}
              <button type="button" className="button-quiet" onClick={() => onChange(limits.filter((_, j) => j !== i))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <small className="hint">None besides the schema&apos;s own minimum / maximum.</small>
      )}
      <div className="inline-fields">
        <input placeholder="argument, e.g. amount" aria-label="Limited argument" value={draft.argument} onChange={(e) => setDraft({ ...draft, argument: e.target.value })} />
        <input placeholder="min" aria-label="Minimum" className="short" value={draft.min} onChange={(e) => setDraft({ ...draft, min: e.target.value })} />
        <input placeholder="max" aria-label="Maximum" className="short" value={draft.max} onChange={(e) => setDraft({ ...draft, max: e.target.value })} />
        <button
          type="button"
          disabled={!draft.argument.trim() || (toNumber(draft.min) === undefined && toNumber(draft.max) === undefined)}
          onClick={() => {
            const min = toNumber(draft.min);
            const max = toNumber(draft.max);
            onChange([...limits, { argument: draft.argument.trim(), ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }]);
            setDraft({ argument: "", min: "", max: "" });
          }}
        >
          Add limit
        </button>
      </div>
    </div>
  );
}
