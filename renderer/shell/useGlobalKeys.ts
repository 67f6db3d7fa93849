// Renderer: listens for the window-wide shortcuts (see globalKeys.ts) while the app is mounted.
import { useEffect } from "react";
import { appStore } from "../store/appStore";
import { onAppKey } from "./appKeys";
import { matchGlobalKey } from "./globalKeys";

/** Opens or closes the command palette. */
function togglePalette(): void {
  const { overlay, setOverlay } = appStore.getState();
  setOverlay(overlay === "palette" ? null : "palette");
}

/** Wires the shortcuts to the store; App mounts it once. */
export function useGlobalKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = matchGlobalKey(event);
      if (!action) return;
      event.preventDefault();
      if (action.kind === "palette") togglePalette();
    };
    window.addEventListener("keydown", onKey);
    // A Monaco editor swallows Ctrl+K (a chord prefix there) and passes it on through appKeys.
    const offPalette = onAppKey("palette", togglePalette);
    return () => {
      window.removeEventListener("keydown", onKey);
      offPalette();
    };
  }, []);
}
