// Renderer: "View code": the current request as curl, Node or Python, with a production toggle
// and a copy button. The key is always the OPENAI_API_KEY placeholder (shared/codeExport.ts).
import { useMemo, useRef, useState } from "react";
import { exportCode, type ExportOptions } from "../../../shared/codeExport";
import { useAppStore } from "../../store/appStore";
import { selectActiveProfile } from "../../store/selectors";
import { copyFromTextarea } from "./copyText";
import "./codeExport.css";

const LANGUAGES: { id: ExportOptions["language"]; label: string }[] = [
  { id: "curl", label: "curl" },
  { id: "node", label: "Node" },
  { id: "python", label: "Python" },
];

/** A collapsible panel showing the request as code. */
export function CodeExportPanel() {
  const [open, setOpen] = useState(false);
  return (
    <section className="code-export" aria-label="View code">
      <button type="button" className="button-quiet" aria-expanded={open} data-testid="view-code" onClick={() => setOpen(!open)}>
        {open ? "Hide code" : "View code"}
      </button>
      {open ? <CodeView /> : null}
    </section>
  );
}

function CodeView() {
  const request = useAppStore((s) => s.request);
  const profile = useAppStore(selectActiveProfile);
  const [language, setLanguage] = useState<ExportOptions["language"]>("node");
  const [production, setProduction] = useState(false);
  const [stream, setStream] = useState(false);
  const [copyNote, setCopyNote] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  // OpenAI profiles use the SDK default; compatible servers and the simulator need their URL.
  const baseURL = profile && profile.kind !== "openai" ? profile.effectiveBaseURL || profile.baseURL : profile?.baseURL || undefined;
  const code = useMemo(() => exportCode(request, { language, production, stream, baseURL }), [request, language, production, stream, baseURL]);
  return (
    <div className="code-view">
      <div className="row" role="tablist" aria-label="Language">
        {LANGUAGES.map((l) => (
          <button
            key={l.id}
            type="button"
            role="tab"
            aria-selected={language === l.id}
            className={language === l.id ? "tab tab-selected" : "tab"}
            data-testid={`code-tab-${l.id}`}
            onClick={() => setLanguage(l.id)}
          >
            {l.label}
          </button>
        ))}
        <label className="inline-check" title="Adds a timeout, retries with backoff, error reporting with the request id and, for a schema, checking the answer.">
          <input type="checkbox" checked={production} data-testid="code-production" onChange={(e) => setProduction(e.target.checked)} /> Production
        </label>
        <label className="inline-check">
          <input type="checkbox" checked={stream} data-testid="code-stream" onChange={(e) => setStream(e.target.checked)} /> Stream
        </label>
        <span className="spacer" />
        <button
          type="button"
          data-testid="code-copy"
          onClick={() => void copyFromTextarea(area.current, code).then((how) => setCopyNote(how === "failed" ? "Copying is not allowed here: the code is selected, press Ctrl+C (Cmd+C)." : "Copied."))}
        >
          Copy
        </button>
      </div>
      <p className="hint">The key is read from the OPENAI_API_KEY environment variable; it never appears in the code.</p>
      <textarea ref={area} className="mono code-text" readOnly value={code} rows={Math.min(30, code.split("\n").length + 1)} spellCheck={false} data-testid="code-text" aria-label="Exported code" />
      {copyNote ? <p className="hint" role="status">{copyNote}</p> : null}
    </div>
  );
}
