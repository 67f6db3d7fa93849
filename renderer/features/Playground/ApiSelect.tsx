// Renderer: which API the draft goes out on (Responses or Chat Completions), and what the last
// switch could not carry over.
import { API_LABEL, API_PATH, RequestApi } from "../../../shared/api/requestApi";
import { Field } from "../../components/Field";
import { useAppStore } from "../../store/appStore";

/** The API selector; the list under it names each field the chosen API cannot send, and why. */
export function ApiSelect() {
  const api = useAppStore((s) => s.api);
  const setApi = useAppStore((s) => s.setApi);
  const apiSwitch = useAppStore((s) => s.apiSwitch);
  const dropped = apiSwitch && apiSwitch.to === api ? apiSwitch.dropped : [];
  return (
    <Field label="API" hint={`The request goes to POST ${API_PATH[api]}. Responses is OpenAI's recommended API; many compatible servers speak only Chat Completions.`}>
      {({ id, describedBy }) => (
        <>
          <select id={id} value={api} aria-describedby={describedBy} data-testid="api-select" onChange={(e) => setApi(RequestApi.parse(e.target.value))}>
            {RequestApi.options.map((a) => (
              <option key={a} value={a}>
                {API_LABEL[a]}
              </option>
            ))}
          </select>
          {dropped.length ? (
            <div className="api-not-carried" role="status" data-testid="api-not-carried">
              <p className="hint">Kept in the draft but not sent on {API_LABEL[api]} (switch back to send them):</p>
              <ul>
                {dropped.map((d) => (
                  <li key={d.param} data-testid="api-not-carried-item" data-param={d.param}>
                    <code>{d.param}</code>: {d.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      )}
    </Field>
  );
}
