// Renderer: the window-wide keyboard shortcuts as a pure matcher over key events.
import type { KeyLike } from "../features/Playground/shortcuts";

/** What a key press asks the shell to do. */
export type GlobalKeyAction = { kind: "palette" };

/** Ctrl+K (Cmd+K on macOS, either accepted everywhere) toggles the command palette, even while typing. */
export function matchGlobalKey(event: KeyLike): GlobalKeyAction | null {
  if (event.altKey || event.shiftKey) return null;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") return { kind: "palette" };
  return null;
}
