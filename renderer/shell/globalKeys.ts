// Renderer: the window-wide keyboard shortcuts as a pure matcher over key events. Views are two
// plain keys, G then a letter (as GitHub and Linear do): Ctrl/Cmd+digit switches browser tabs in
// web mode and Monaco owns most Ctrl+letter keys, while plain letters outside a text field are free.
import type { KeyLike } from "../features/Playground/shortcuts";
import type { ViewName } from "../store/uiSlice";
import { viewOfKey } from "./routes";

/** What a key press asks the shell to do. */
export type GlobalKeyAction =
  | { kind: "palette" }
  | { kind: "shortcuts" }
  /** G was pressed: the next letter picks a view. */
  | { kind: "prefix" }
  | { kind: "view"; view: ViewName };

/** How long after G the view letter is still taken, in milliseconds. */
export const PREFIX_WINDOW_MS = 1500;

/** The parts of an event target the matcher reads (an Element in the app). */
export interface TargetLike {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  closest?(selector: string): unknown;
}

const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"]);

/** True when keys typed at the target are text: a text field, a select, editable content, a Monaco editor. */
export function isTypingTarget(target: TargetLike | null | undefined): boolean {
  if (!target?.tagName) return false;
  const tag = target.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag === "input") return !NON_TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
  if (target.isContentEditable) return true;
  return isCodeEditorTarget(target);
}

/** True when the target is inside a Monaco editor, where Ctrl+K starts the editor's own chords. */
export function isCodeEditorTarget(target: TargetLike | null | undefined): boolean {
  return Boolean(target?.closest?.(".monaco-editor"));
}

/**
 * Ctrl+Shift+P (as in VS Code) toggles the palette everywhere, even inside a code editor. Ctrl+K
 * (Cmd on macOS, either accepted everywhere) does too, even while typing, except inside a code
 * editor (`inCodeEditor`), where it starts Monaco's chords (Ctrl+K Ctrl+0 folds all...).
 * Outside text fields: `?` lists the shortcuts, G starts a view shortcut and, right after G
 * (`prefixPending`), a view's letter shows that view.
 */
export function matchGlobalKey(event: KeyLike, typing: boolean, prefixPending: boolean, inCodeEditor = false): GlobalKeyAction | null {
  if (event.altKey) return null;
  const mod = event.ctrlKey || event.metaKey;
  if (mod && event.shiftKey && event.key.toLowerCase() === "p") return { kind: "palette" };
  if (mod && !event.shiftKey && event.key.toLowerCase() === "k") return inCodeEditor ? null : { kind: "palette" };
  if (mod || typing) return null;
  // `?` is Shift+/ on most layouts: its key value says what was typed, whatever the Shift.
  if (event.key === "?") return { kind: "shortcuts" };
  if (event.shiftKey) return null;
  if (prefixPending) {
    const view = viewOfKey(event.key);
    if (view) return { kind: "view", view };
  }
  if (event.key === "g" || event.key === "G") return { kind: "prefix" };
  return null;
}
