// Renderer: up to four stop sequences, one input each, with an empty slot for the next one.
import { useShallow } from "zustand/react/shallow";
import { useAppStore } from "../../store/appStore";
import { controlBlock } from "../../../shared/api/controlRules";
import { BlockedReason } from "./BlockedReason";
import { MAX_STOP_SEQUENCES, setStopSequences } from "./requestEdits";

const NONE: string[] = [];

/** Stop sequences: generation stops before the first one that appears. */
export function StopSequences() {
  const stop = useAppStore(useShallow((s) => s.request.stop ?? NONE));
  const editRequest = useAppStore((s) => s.editRequest);
  const api = useAppStore((s) => s.api);
  const model = useAppStore((s) => s.request.model);
  const block = controlBlock("stop", api, model);
  // One empty input after the filled ones, until the limit is reached.
  const slots = stop.length < MAX_STOP_SEQUENCES ? [...stop, ""] : stop;
  return (
    <div className="field">
      <span className="field-label" id="stop-label">
        Stop sequences
      </span>
      <div className="stop-list" role="group" aria-labelledby="stop-label" aria-describedby="stop-hint">
        {slots.map((value, i) => (
          <input
            key={i}
            value={value}
            aria-label={`Stop sequence ${i + 1}`}
            placeholder={i === stop.length ? "add a stop sequence" : undefined}
            spellCheck={false}
            disabled={block !== null}
            onChange={(e) => {
              const next = [...slots];
              next[i] = e.target.value;
              editRequest((r) => setStopSequences(r, next));
            }}
          />
        ))}
      </div>
      {block ? <BlockedReason control="stop" block={block} held={stop.length > 0} clear={() => editRequest((r) => setStopSequences(r, []))} /> : null}
      <small id="stop-hint" className="hint">
        Up to {MAX_STOP_SEQUENCES}; the answer ends just before any of them would appear (finish_reason &quot;stop&quot;).
      </small>
    </div>
  );
}
