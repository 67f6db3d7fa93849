// Renderer: Ctrl/Cmd+Enter runs the shown view's main action wherever the focus is in it, a Monaco
// editor included (its Ctrl+Enter comes through appKeys). The playground has its own hook, which
// also stops on Escape.
import { useEffect, useRef } from "react";
import { matchShortcut } from "../features/Playground/shortcuts";
import { onAppKey } from "./appKeys";

/** While mounted, Ctrl/Cmd+Enter calls `run` when `enabled` (a disabled action takes the key and does nothing). */
export function useRunKey(run: () => void, enabled: boolean): void {
  const latest = useRef({ run, enabled });
  useEffect(() => {
    latest.current = { run, enabled };
  }, [run, enabled]);
  useEffect(() => {
    const fire = () => {
      if (latest.current.enabled) latest.current.run();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || matchShortcut(event) !== "run") return;
      event.preventDefault();
      fire();
    };
    window.addEventListener("keydown", onKey);
    const offRun = onAppKey("run", fire);
    return () => {
      window.removeEventListener("keydown", onKey);
      offRun();
    };
  }, []);
}
