// Renderer: the request as raw JSON in a JSON editor (Monaco, loaded lazily), in sync with the form
// both ways.
import { API_LABEL, API_PATH } from "../../../shared/api/requestApi";
import { JsonEditor } from "../../components/JsonEditor/JsonEditor";
import { useAppStore } from "../../store/appStore";

/** The request's JSON; invalid text shows its error and leaves the form alone. */
export function RawJsonEditor() {
  const text = useAppStore((s) => s.rawJson);
  const error = useAppStore((s) => s.rawJsonError);
  const editRawJson = useAppStore((s) => s.editRawJson);
  const draftStatus = useAppStore((s) => s.draftStatus);
  const api = useAppStore((s) => s.api);
  return (
    <div className="field raw-json">
      <span className="field-label" id="raw-json-label">
        Request JSON
      </span>
      <small className="hint" data-testid="raw-json-endpoint">
        The body sent to /v1{API_PATH[api]} ({API_LABEL[api]}; stream is added when it is sent). Edit either side: valid JSON updates the form.
      </small>
      <JsonEditor testId="raw-json" label="Request JSON" value={text} onChange={editRawJson} height={320} />
      {error ? (
        <small id="raw-json-error" className="field-error" role="alert">
          {error} (the form keeps the last valid request)
        </small>
      ) : null}
      {draftStatus.state === "invalid" || draftStatus.state === "failed" ? <small className="hint draft-status">{draftStatus.message}</small> : null}
    </div>
  );
}
