// Renderer: the playground's logprobs and top_logprobs parameters (what the inspector's token view reads).
import { Field } from "../../components/Field";
import { NumberInput } from "../../components/NumberInput";
import { useAppStore } from "../../store/appStore";
import { setLogprobs, setTopLogprobs } from "./logprobParams";
import { controlBlock } from "../../../shared/api/controlRules";
import { BlockedReason } from "../Playground/BlockedReason";
import "./inspector.css";

/** A checkbox for logprobs and, when on, the number of alternatives per token. */
export function LogprobsControl() {
  const logprobs = useAppStore((s) => s.request.logprobs === true);
  const top = useAppStore((s) => s.request.top_logprobs);
  const editRequest = useAppStore((s) => s.editRequest);
  const api = useAppStore((s) => s.api);
  const model = useAppStore((s) => s.request.model);
  const block = controlBlock("logprobs", api, model);
  return (
    <div className="logprobs-control">
      <label className="inline-check">
        <input type="checkbox" checked={logprobs} disabled={block !== null} data-testid="param-logprobs" onChange={(e) => editRequest((r) => setLogprobs(r, e.target.checked))} />
        Log probabilities (logprobs)
      </label>
      {block ? <BlockedReason control="logprobs" block={block} held={logprobs} clear={() => editRequest((r) => setLogprobs(r, false))} /> : null}
      <small className="hint">Return each answer token&apos;s probability; the inspector colours the tokens by it.</small>
      {logprobs ? (
        <Field label="Alternatives per token (top_logprobs)" hint="0 to 20 likeliest other tokens at each position.">
          {({ id, describedBy }) => (
            <NumberInput id={id} value={top} min={0} max={20} step={1} describedBy={describedBy} testId="param-top-logprobs" onChange={(value) => editRequest((r) => setTopLogprobs(r, value))} />
          )}
        </Field>
      ) : null}
    </div>
  );
}
