// Renderer: an assistant turn's tool calls, edited as JSON beside its text (a conversation replayed
// from history or typed by hand needs them, or the tool messages after it answer nothing).
import { useEffect, useId, useState } from "react";
import type { ChatMessage } from "../../../shared/chatRequest";
import { useAppStore } from "../../store/appStore";
import { parseToolCallsText, setToolCalls, toolCallsText } from "./requestEdits";

const EXAMPLE = [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: { city: "Oslo" } } }];

/** The tool calls of the assistant message at `index`: shown when it has some, added on request. */
export function ToolCallsEditor({ index, message }: { index: number; message: ChatMessage }) {
  const editRequest = useAppStore((s) => s.editRequest);
  const id = useId();
  const saved = toolCallsText(message);
  const [text, setText] = useState(saved);
  const [open, setOpen] = useState(saved !== "");
  const [error, setError] = useState<string | null>(null);
  // A change from elsewhere (raw JSON view, history, undo) replaces the text, unless it is what
  // this editor just wrote (then the user's own formatting stays).
  useEffect(() => {
    const parsed = parseToolCallsText(text);
    const current = parsed.ok && parsed.toolCalls ? JSON.stringify(parsed.toolCalls, null, 2) : "";
    if (current !== saved) {
      setText(saved);
      setError(null);
      if (saved) setOpen(true);
    }
    // Only the saved calls decide; `text` is the user's and read here, not followed.
  }, [saved]);

  if (!open) {
    return (
      <button type="button" className="button-quiet" data-testid="tool-calls-add" onClick={() => setOpen(true)}>
        Add tool calls
      </button>
    );
  }
  return (
    <div className="tool-calls-editor" data-testid="tool-calls-editor">
      <label htmlFor={id}>Tool calls of message {index + 1} (JSON; each call&apos;s id is what a tool message answers)</label>
      <textarea
        id={id}
        className="mono"
        data-testid="tool-calls-json"
        spellCheck={false}
        rows={Math.min(14, Math.max(4, text.split("\n").length))}
        value={text}
        placeholder={JSON.stringify(EXAMPLE, null, 2)}
        aria-invalid={error !== null}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseToolCallsText(e.target.value);
          if (!parsed.ok) return setError(parsed.error);
          setError(null);
          editRequest((r) => setToolCalls(r, index, parsed.toolCalls));
        }}
      />
      {error ? (
        <p className="field-error" role="alert" data-testid="tool-calls-error">
          Not taken yet: {error}
        </p>
      ) : null}
    </div>
  );
}
