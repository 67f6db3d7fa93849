// Renderer: Ctrl/Cmd+Enter runs and Escape stops, wherever the focus is in the playground (a Monaco
// editor passes its Ctrl+Enter on through appKeys, since it never reaches the window).
import { useEffect } from "react";
import { onAppKey } from "../../shell/appKeys";
import { appStore } from "../../store/appStore";
import { matchShortcut } from "./shortcuts";

/** Listens on the window while the playground is shown. */
export function useRunShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = matchShortcut(event);
      if (!action) return;
      const state = appStore.getState();
      if (action === "run") {
        event.preventDefault();
        void state.startRun();
      } else if (state.run.status === "streaming") {
        // Escape only claims the key while something can be stopped.
        event.preventDefault();
        void state.stopRun();
      }
    };
    window.addEventListener("keydown", onKey);
    const offRun = onAppKey("run", () => void appStore.getState().startRun());
    return () => {
      window.removeEventListener("keydown", onKey);
      offRun();
    };
  }, []);
}
