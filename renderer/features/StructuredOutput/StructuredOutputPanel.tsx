// Renderer: the response format: text, json_object or json_schema (name, strict, the schema in a
// JSON editor checked as you type), and "schema from example".
import { useRef, useState } from "react";
import type { ResponseFormat } from "../../../shared/chatRequest";
import { JsonEditor } from "../../components/JsonEditor/JsonEditor";
import { isJsonObject, useJsonTwin } from "../../components/JsonEditor/useJsonTwin";
import { useAppStore } from "../../store/appStore";
import { editJsonSchema, schemaFromExampleText, setFormatType, type FormatType } from "./responseFormatEdits";
import { useSchemaProblems } from "./useSchemaProblems";
import "./structured.css";

type JsonSchemaSpec = Extract<ResponseFormat, { type: "json_schema" }>["json_schema"];

const FORMAT_HINTS: Record<FormatType, string> = {
  text: "Plain text: the model answers however it likes.",
  json_object: 'JSON mode: the answer is valid JSON, in no particular shape. The messages must mention "JSON".',
  json_schema: "Structured output: the answer follows your schema; with strict on, the API guarantees it.",
};

/** The response_format editor. */
export function StructuredOutputPanel() {
  const format = useAppStore((s) => s.request.response_format);
  const editRequest = useAppStore((s) => s.editRequest);
  const type: FormatType = format?.type ?? "text";
  // The json_schema spec last shown, so text -> json_schema gives the user's schema back.
  const remembered = useRef<JsonSchemaSpec | undefined>(undefined);
  if (format?.type === "json_schema") remembered.current = format.json_schema;

  return (
    <fieldset className="structured-output" data-testid="structured-output">
      <legend>Response format</legend>
      <label className="inline-field">
        <span>Type</span>
        <select value={type} data-testid="format-type" onChange={(e) => editRequest((r) => setFormatType(r, e.target.value as FormatType, remembered.current))}>
          <option value="text">text</option>
          <option value="json_object">json_object</option>
          <option value="json_schema">json_schema</option>
        </select>
      </label>
      <small className="hint">{FORMAT_HINTS[type]}</small>
      {format?.type === "json_schema" ? <JsonSchemaFields spec={format.json_schema} /> : null}
    </fieldset>
  );
}

function JsonSchemaFields({ spec }: { spec: JsonSchemaSpec }) {
  const editRequest = useAppStore((s) => s.editRequest);
  const twin = useJsonTwin(spec.schema, (schema) => editRequest((r) => editJsonSchema(r, { schema })), isJsonObject);
  const { problems, pending } = useSchemaProblems(twin.text);
  const strict = spec.strict === true;
  return (
    <div className="json-schema-fields">
      <div className="inline-fields">
        <label className="inline-field">
          <span>Name</span>
          <input value={spec.name} data-testid="format-name" spellCheck={false} onChange={(e) => editRequest((r) => editJsonSchema(r, { name: e.target.value }))} />
        </label>
        <label className="inline-field">
          <input type="checkbox" checked={strict} data-testid="format-strict" onChange={(e) => editRequest((r) => editJsonSchema(r, { strict: e.target.checked }))} />
          <span>strict</span>
        </label>
      </div>
      <JsonEditor testId="schema-editor" label="JSON schema of the answer" value={twin.text} onChange={twin.setText} problems={problems} height={260} />
      {!strict && problems.length ? <small className="hint">Strict is off: the strict-mode rules above are advice, but the API only guarantees the shape in strict mode.</small> : null}
      {problems.length === 0 && !pending && !twin.error ? <small className="hint ok-text" data-testid="schema-ok">The schema is valid and strict-mode ready.</small> : null}
      {twin.error ? <small className="field-error">{twin.error} (the request keeps the last valid schema)</small> : null}
      <SchemaFromExample />
    </div>
  );
}

/** Paste an example answer, get a strict schema to start from. */
function SchemaFromExample() {
  const editRequest = useAppStore((s) => s.editRequest);
  const [example, setExample] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <details className="schema-from-example">
      <summary>Schema from example</summary>
      <small className="hint">Paste an answer as it should look; a strict schema is drafted from it (and replaces the one above).</small>
      <textarea className="mono" rows={5} value={example} spellCheck={false} aria-label="Example answer (JSON)" data-testid="example-input" onChange={(e) => setExample(e.target.value)} />
      <button
        type="button"
        data-testid="schema-from-example"
        onClick={() => {
          const out = schemaFromExampleText(example);
          if (!out.ok) return setError(out.error);
          setError(null);
          editRequest((r) => editJsonSchema(r, { schema: out.schema }));
        }}
      >
        Make schema
      </button>
      {error ? <small className="field-error">{error}</small> : null}
    </details>
  );
}
