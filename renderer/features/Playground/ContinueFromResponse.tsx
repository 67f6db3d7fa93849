// Renderer: "Continue from this response": the next turn names the last Responses run's id as
// previous_response_id, so the server carries the conversation and only the new message is sent.
import { useAppStore } from "../../store/appStore";
import type { ChatMessage } from "../../../shared/chatRequest";

/** The draft's instructions (leading system/developer messages) and one empty user turn to type. */
export function nextTurnMessages(messages: readonly ChatMessage[]): ChatMessage[] {
  const lead: ChatMessage[] = [];
  for (const m of messages) {
    if (m.role !== "system" && m.role !== "developer") break;
    lead.push(m);
  }
  return [...lead, { role: "user", content: "" }];
}

/** Offered under a finished Responses answer; disabled, saying why, when the response was not stored. */
export function ContinueFromResponse() {
  const status = useAppStore((s) => s.run.status);
  const api = useAppStore((s) => s.run.result?.api);
  const responseId = useAppStore((s) => s.run.result?.responseId ?? null);
  const stored = useAppStore((s) => s.run.result?.stored);
  const current = useAppStore((s) => s.responsesExtras.previous_response_id);
  const draftApi = useAppStore((s) => s.api);
  const editExtras = useAppStore((s) => s.editExtras);
  const editRequest = useAppStore((s) => s.editRequest);
  if (status !== "done" || api !== "responses" || !responseId) return null;
  const why = stored === false ? "This response was sent with store: false, so the server kept nothing to continue from." : draftApi !== "responses" ? "The draft is on Chat Completions now, which cannot continue a stored response." : null;
  return (
    <div className="continue-response">
      <button
        type="button"
        data-testid="continue-response"
        disabled={why !== null || current === responseId}
        onClick={() => {
          editExtras((x) => ({ ...x, previous_response_id: responseId }));
          editRequest((r) => ({ ...r, messages: nextTurnMessages(r.messages) }));
        }}
      >
        Continue from this response
      </button>
      <small className="hint" data-testid="continue-response-hint">
        {why ?? (current === responseId ? `The next run continues from ${responseId}: type the new message.` : `Sends only your next message, with previous_response_id ${responseId}; the server remembers the rest.`)}
      </small>
    </div>
  );
}
