// Renderer: copying exported code. The async clipboard API is tried first; Electron's window
// denies every permission (electron/window.ts), so the fallback selects the text and uses
// execCommand("copy"), which a user gesture still allows; failing that, the text stays selected.

/** How the copy went. */
export type CopyOutcome = "clipboard" | "execCommand" | "failed";

/** Copies `text`, falling back to selecting `area` (which shows the same text). */
export async function copyFromTextarea(area: HTMLTextAreaElement | null, text: string): Promise<CopyOutcome> {
  try {
    await navigator.clipboard.writeText(text);
    return "clipboard";
  } catch {
    // Permission denied or no clipboard API: fall through to the selection.
  }
  if (!area) return "failed";
  area.focus();
  area.select();
  try {
    return document.execCommand("copy") ? "execCommand" : "failed";
  } catch {
    return "failed";
  }
}
