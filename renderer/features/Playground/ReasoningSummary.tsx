// Renderer: the reasoning summary a reasoning model gave on the Responses API, beside the answer
// (streamed as it arrives, then the final one).
import { useAppStore } from "../../store/appStore";
import { AnswerText } from "./AnswerText";

/** Shown only when there is a summary. */
export function ReasoningSummaryPanel() {
  const reasoning = useAppStore((s) => s.run.reasoning);
  const tokens = useAppStore((s) => s.run.result?.usage?.reasoningTokens);
  if (!reasoning) return null;
  return (
    <aside className="reasoning-summary" data-testid="reasoning-summary" aria-label="Reasoning summary">
      <header className="choice-head">
        <span>Reasoning summary</span>
        {tokens !== undefined ? <span className="tag" data-testid="reasoning-tokens">{tokens} reasoning tokens</span> : null}
      </header>
      <AnswerText text={reasoning} />
    </aside>
  );
}
