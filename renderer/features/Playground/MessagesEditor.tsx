// Renderer: the list of conversation messages, with a button to add one.
import { useAppStore } from "../../store/appStore";
import { MessageRow } from "./MessageRow";
import { addMessage } from "./requestEdits";

/** Every message of the request, editable in place. */
export function MessagesEditor() {
  const count = useAppStore((s) => s.request.messages.length);
  const editRequest = useAppStore((s) => s.editRequest);
  return (
    <fieldset className="messages">
      <legend>Messages</legend>
      <p className="hint">
        system / developer set the rules, user asks, assistant is an earlier answer, tool returns a tool call&apos;s result.
      </p>
      <ol className="message-list">
        {Array.from({ length: count }, (_, index) => (
          <MessageRow key={index} index={index} count={count} />
        ))}
      </ol>
      <button type="button" data-testid="add-message" onClick={() => editRequest((r) => addMessage(r))}>
        Add message
      </button>
    </fieldset>
  );
}
