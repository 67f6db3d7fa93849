// Renderer: one message of the conversation: role, content, tool_call_id, an assistant turn's tool
// calls, and move/remove buttons.
import { memo, useId } from "react";
import { chatRoles, type ChatRole } from "../../../shared/chatRequest";
import { useAppStore } from "../../store/appStore";
import { ToolCallsEditor } from "./ToolCallsEditor";
import { messageText, moveMessage, removeMessage, setMessageContent, setMessageRole, setToolCallId } from "./requestEdits";

/** One editable message; re-renders only when its own message changes. */
export const MessageRow = memo(function MessageRow({ index, count }: { index: number; count: number }) {
  const message = useAppStore((s) => s.request.messages[index]);
  const editRequest = useAppStore((s) => s.editRequest);
  const id = useId();
  if (!message) return null;
  return (
    <li className={`message-row role-${message.role}`} data-testid="message-row">
      <div className="message-head">
        <label htmlFor={`${id}-role`} className="visually-hidden">
          Role of message {index + 1}
        </label>
        <select
          id={`${id}-role`}
          value={message.role}
          data-testid="message-role"
          onChange={(e) => editRequest((r) => setMessageRole(r, index, e.target.value as ChatRole))}
        >
          {chatRoles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
        {message.role === "tool" ? (
          <input
            className="tool-call-id"
            aria-label={`tool_call_id of message ${index + 1}`}
            placeholder="tool_call_id (required), e.g. call_abc123"
            value={message.tool_call_id}
            spellCheck={false}
            onChange={(e) => editRequest((r) => setToolCallId(r, index, e.target.value))}
          />
        ) : null}
        <span className="spacer" />
        <button type="button" className="button-quiet" aria-label={`Move message ${index + 1} up`} disabled={index === 0} onClick={() => editRequest((r) => moveMessage(r, index, -1))}>
          ↑
        </button>
        <button type="button" className="button-quiet" aria-label={`Move message ${index + 1} down`} disabled={index === count - 1} onClick={() => editRequest((r) => moveMessage(r, index, 1))}>
          ↓
        </button>
        <button type="button" className="button-quiet" aria-label={`Remove message ${index + 1}`} onClick={() => editRequest((r) => removeMessage(r, index))}>
          Remove
        </button>
      </div>
      <textarea
        aria-label={`Content of message ${index + 1} (${message.role})`}
        value={messageText(message)}
        rows={Math.min(12, Math.max(2, messageText(message).split("\n").length))}
        placeholder={message.role === "assistant" && message.tool_calls?.length ? "No text: this turn only calls tools." : undefined}
        data-testid="message-content"
        onChange={(e) => editRequest((r) => setMessageContent(r, index, e.target.value))}
      />
      {message.role === "assistant" ? <ToolCallsEditor index={index} message={message} /> : null}
    </li>
  );
});
