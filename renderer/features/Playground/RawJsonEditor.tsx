// Renderer: the request as raw JSON, in sync with the form both ways (Monaco replaces this later).
import { useAppStore } from "../../store/appStore";

/** A textarea over the request's JSON; invalid text shows its error and leaves the form alone. */
export function RawJsonEditor() {
  const text = useAppStore((s) => s.rawJson);
  const error = useAppStore((s) => s.rawJsonError);
  const editRawJson = useAppStore((s) => s.editRawJson);
  const draftStatus = useAppStore((s) => s.draftStatus);
  return (
    <div className="field raw-json">
      <label htmlFor="raw-json">Request JSON</label>
      <small className="hint">The body sent to /v1/chat/completions. Edit either side: valid JSON updates the form.</small>
      <textarea
        id="raw-json"
        className={error ? "mono invalid" : "mono"}
        value={text}
        rows={14}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "raw-json-error" : undefined}
        data-testid="raw-json"
        onChange={(e) => editRawJson(e.target.value)}
      />
      {error ? (
        <small id="raw-json-error" className="field-error" role="alert">
          {error} (the form keeps the last valid request)
        </small>
      ) : null}
      {draftStatus.state === "invalid" || draftStatus.state === "failed" ? <small className="hint draft-status">{draftStatus.message}</small> : null}
    </div>
  );
}
