// Renderer: the answer area: status, each choice as it streams, the error, and the run's figures.
import { memo } from "react";
import { useAppStore } from "../../store/appStore";
import { selectAnswerIsSimulated } from "../../store/selectors";
import { selectOutputWithheld } from "../../store/safetySlice";
import { AnswerText } from "./AnswerText";
import { RunErrorPanel } from "./RunErrorPanel";
import { RunFigures } from "./RunFigures";
import { AnswerTimeline } from "../Reliability/AnswerTimeline";
import { progressText } from "../Reliability/timeline";
import { useRunClock } from "../Reliability/useRunClock";
import type { ChoiceResult } from "../../../shared/contract";
import type { RunStatus } from "../../store/runSlice";

const STATUS_TEXT: Record<RunStatus, string> = {
  idle: "Press Run to send the request.",
  streaming: "Streaming...",
  done: "Done",
  stopped: "Stopped: the text below is partial.",
  failed: "Failed",
};

/** Everything the last run produced. */
export function AnswerPanel() {
  const status = useAppStore((s) => s.run.status);
  const choices = useAppStore((s) => s.run.choices);
  const simulated = useAppStore(selectAnswerIsSimulated);
  // Output moderation flagged the answer: it stays hidden until "show anyway" (features/Safety).
  const withheld = useAppStore(selectOutputWithheld);
  return (
    <div className="answer" data-testid="answer" data-status={status} aria-live="polite" aria-busy={status === "streaming"}>
      <p className={`answer-status status-${status}`}>{STATUS_TEXT[status]}</p>
      {withheld ? null : choices.map((choice) => (
        <ChoiceView key={choice.index} choice={choice} total={choices.length} simulated={simulated} stopped={status === "stopped"} />
      ))}
      {status === "streaming" && choices.length === 0 ? <WaitingHint /> : null}
      <RunErrorPanel />
      <AnswerTimeline />
      <RunFigures />
    </div>
  );
}

/**
 * What the run waits for before its first token: the first token itself, or (after a failed
 * attempt) the back-off wait with its countdown, or the retry's answer.
 */
function WaitingHint() {
  const progress = useAppStore((s) => s.run.progress);
  const clock = useRunClock(progress);
  const retrying = progress !== null && (progress.phase === "waiting" || progress.attempts.length > 0) && progress.phase !== "streaming";
  return (
    <p className="hint" data-testid="answer-waiting" data-phase={retrying ? progress.phase : "first-token"}>
      {retrying ? progressText(progress, clock.leftMs) : "Waiting for the first token..."}
    </p>
  );
}

/** One choice; memoized so, with n > 1, a frame that grows one choice leaves the others alone. */
const ChoiceView = memo(function ChoiceView({
  choice,
  total,
  simulated,
  stopped,
}: {
  choice: ChoiceResult;
  total: number;
  simulated: boolean;
  stopped: boolean;
}) {
  return (
    <article className="answer-choice" data-testid="answer-choice">
      <header className="choice-head">
        {total > 1 ? <span>Choice {choice.index + 1}</span> : <span>Answer</span>}
        {simulated ? (
          <span className="tag tag-simulated" title="Produced by the offline simulator, not by a model">
            Simulated
          </span>
        ) : null}
        {stopped ? <span className="tag tag-stopped">Stopped</span> : null}
        {choice.finishReason ? <span className="tag">finish: {choice.finishReason}</span> : null}
      </header>
      <AnswerText text={choice.content} />
      {choice.refusal ? <p className="refusal">Refusal: {choice.refusal}</p> : null}
      {choice.toolCalls.map((call) => (
        <div key={call.id} className="tool-call">
          <span className="tag">tool call</span> <code>{call.name}</code> <span className="hint">({call.id})</span>
          <pre className="mono">{call.arguments}</pre>
        </div>
      ))}
    </article>
  );
});
