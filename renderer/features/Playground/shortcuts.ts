// Renderer: the playground's keyboard shortcuts as a pure matcher over key events.

/** The parts of a KeyboardEvent the matcher reads. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** What a key press asks the playground to do. */
export type ShortcutAction = "run" | "stop";

/**
 * Ctrl+Enter (Cmd+Enter on macOS, either accepted everywhere) runs; Escape stops. Alt or
 * Shift variants are left alone so they keep their usual meaning in text fields.
 */
export function matchShortcut(event: KeyLike): ShortcutAction | null {
  if (event.altKey || event.shiftKey) return null;
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) return "run";
  if (event.key === "Escape" && !event.ctrlKey && !event.metaKey) return "stop";
  return null;
}

/** True on Apple platforms, where the shortcut is shown with ⌘. */
export function isApplePlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** The label of the run shortcut for the user's platform. */
export function runShortcutLabel(apple: boolean): string {
  return apple ? "⌘ Enter" : "Ctrl+Enter";
}
