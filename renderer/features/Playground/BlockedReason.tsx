// Renderer: why a control is disabled (the chosen API lacks it, or the catalog says the model
// refuses it), shown under the control, with a way to take a refused value out of the request.
import type { ControlBlock, ControlId } from "../../../shared/api/controlRules";

/** The reason line; `clear` is offered when the draft holds a value the model would refuse. */
export function BlockedReason({ control, block, held, clear }: { control: ControlId; block: ControlBlock; held: boolean; clear?: () => void }) {
  return (
    <small className="hint control-blocked" data-testid={`blocked-${control}`}>
      {block.reason}
      {held && clear ? (
        <>
          {" "}
          <button type="button" className="button-quiet" data-testid={`clear-${control}`} onClick={clear}>
            Remove it from the request
          </button>
        </>
      ) : null}
    </small>
  );
}
