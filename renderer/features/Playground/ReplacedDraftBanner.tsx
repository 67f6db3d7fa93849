// Renderer: after History, an example or a lesson put another request in the playground, says what
// replaced the draft and offers to bring the old draft and its answer back.
import { useAppStore } from "../../store/appStore";

/** The undo offer, shown until a new run starts or the user keeps the replacement. */
export function ReplacedDraftBanner() {
  const label = useAppStore((s) => s.replacedDraft?.label ?? null);
  const undo = useAppStore((s) => s.undoReplaceDraft);
  const keep = useAppStore((s) => s.dismissReplacedDraft);
  if (label === null) return null;
  return (
    <div className="banner banner-info" role="status" data-testid="draft-replaced">
      <span>Your draft was replaced by {label}, and its answer cleared.</span>
      <span className="row">
        <button type="button" className="button-quiet" data-testid="draft-undo" onClick={undo}>
          Undo
        </button>
        <button type="button" className="button-quiet" data-testid="draft-keep" onClick={keep}>
          Keep
        </button>
      </span>
    </div>
  );
}
