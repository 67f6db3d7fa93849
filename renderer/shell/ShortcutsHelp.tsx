// Renderer: the keyboard shortcuts list, opened with `?` (outside text fields) or from the palette.
import { useRef, type KeyboardEvent } from "react";
import { isApplePlatform } from "../features/Playground/shortcuts";
import { useAppStore } from "../store/appStore";
import { NAV_GROUPS, ROUTES } from "./routes";
import { useReturnFocus } from "./useReturnFocus";

/** Shown while the store's overlay is "shortcuts". */
export function ShortcutsHelp() {
  const open = useAppStore((s) => s.overlay === "shortcuts");
  return open ? <ShortcutsDialog /> : null;
}

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span className="shortcut-keys">
      {keys.map((k, i) => (
        <kbd key={i}>{k}</kbd>
      ))}
    </span>
  );
}

function ShortcutsDialog() {
  const setOverlay = useAppStore((s) => s.setOverlay);
  const close = useRef<HTMLButtonElement>(null);
  useReturnFocus(close);
  const mod = isApplePlatform(navigator.platform) ? "⌘" : "Ctrl";
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setOverlay(null);
    } else if (e.key === "Tab") {
      // The close button is the dialog's only stop: Tab would leave a modal dialog.
      e.preventDefault();
    }
  };
  const general: [string, readonly string[]][] = [
    ["Command palette: find a view, lesson, experiment or action", [mod, "K"]],
    ["Command palette from inside a JSON editor (there Ctrl/Cmd+K starts the editor's own chords)", [mod, "Shift", "P"]],
    ["This list of shortcuts", ["?"]],
    ["Run: the playground request, or the view's main action (Compare, Evaluations, Embeddings, Injection lab); also inside the JSON editors", [mod, "Enter"]],
    ["Stop the run; close a dialog", ["Esc"]],
  ];
  return (
    <div className="overlay-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setOverlay(null)}>
      <div className="overlay-panel shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts" onKeyDown={onKeyDown}>
        <div className="overlay-head">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button ref={close} type="button" className="button-quiet" data-testid="shortcuts-close" onClick={() => setOverlay(null)}>
            Close
          </button>
        </div>
        <p className="hint">Letters work outside text fields. For a view, press G, then its letter.</p>
        <table className="shortcut-table">
          <tbody>
            {general.map(([what, keys]) => (
              <tr key={what}>
                <td>
                  <Keys keys={keys} />
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="shortcut-groups">
          {NAV_GROUPS.map((group) => (
            <table key={group} className="shortcut-table" aria-label={`${group} views`}>
              <caption>{group}</caption>
              <tbody>
                {ROUTES.filter((r) => r.group === group).map((route) => (
                  <tr key={route.view} data-testid={`shortcut-${route.view}`}>
                    <td>
                      <Keys keys={["G", route.key.toUpperCase()]} />
                    </td>
                    <td>{route.title}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      </div>
    </div>
  );
}
