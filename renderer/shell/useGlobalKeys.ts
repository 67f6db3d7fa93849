// Renderer: listens for the window-wide shortcuts (see globalKeys.ts) while the app is mounted.
import { useEffect } from "react";
import { appStore } from "../store/appStore";
import { isCodeEditorTarget, isTypingTarget, matchGlobalKey, PREFIX_WINDOW_MS } from "./globalKeys";

/** Opens or closes the command palette. */
function togglePalette(): void {
  const { overlay, setOverlay } = appStore.getState();
  setOverlay(overlay === "palette" ? null : "palette");
}

/** Wires the shortcuts to the store; App mounts it once. */
export function useGlobalKeys(): void {
  useEffect(() => {
    // When G was pressed, for the view letter that may follow.
    let prefixAt = -Infinity;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const pending = Date.now() - prefixAt < PREFIX_WINDOW_MS;
      prefixAt = -Infinity;
      const target = event.target as Element | null;
      const action = matchGlobalKey(event, isTypingTarget(target), pending, isCodeEditorTarget(target));
      if (!action) return;
      event.preventDefault();
      const state = appStore.getState();
      if (action.kind === "palette") togglePalette();
      else if (action.kind === "shortcuts") state.setOverlay(state.overlay === "shortcuts" ? null : "shortcuts");
      else if (action.kind === "prefix") prefixAt = Date.now();
      else {
        state.setOverlay(null);
        state.setView(action.view);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
