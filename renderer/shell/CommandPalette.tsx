// Renderer: the command palette (Ctrl/Cmd+K): type to find a view, an action, a lesson or an
// experiment; arrows move, Enter opens, Escape closes, and the focus goes back where it was.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { ExperimentSummary } from "../../shared/experiments";
import { bridge } from "../bridge";
import { appStore, useAppStore } from "../store/appStore";
import { ACTIONS, experimentCommands, lessonCommands, viewCommands, type PaletteCommand } from "./paletteCommands";
import { rankPalette } from "./paletteRank";
import { useReturnFocus } from "./useReturnFocus";

const KIND_LABEL: Record<PaletteCommand["kind"], string> = { view: "Go to", action: "Action", lesson: "Lesson", experiment: "Experiment" };

/** Shown while the store's overlay is "palette". */
export function CommandPalette() {
  const open = useAppStore((s) => s.overlay === "palette");
  return open ? <PaletteDialog /> : null;
}

function PaletteDialog() {
  const setOverlay = useAppStore((s) => s.setOverlay);
  const lessonList = useAppStore((s) => s.lessonList);
  const loadCourse = useAppStore((s) => s.loadCourse);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  // The palette lists every experiment, whatever the Experiments view's own search shows.
  const [experiments, setExperiments] = useState<ExperimentSummary[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useReturnFocus(input);

  useEffect(() => {
    if (lessonList === null) void loadCourse();
  }, [lessonList, loadCourse]);

  useEffect(() => {
    let current = true;
    bridge
      .call("experiments.list", {})
      .then((r) => current && setExperiments(r.experiments))
      // Without experiments the palette still finds views, actions and lessons.
      .catch(() => {});
    return () => {
      current = false;
    };
  }, []);

  const commands = useMemo(
    () => [...viewCommands(), ...ACTIONS, ...lessonCommands(lessonList ?? []), ...experimentCommands(experiments)],
    [lessonList, experiments],
  );
  const found = useMemo(() => rankPalette(commands, query) as PaletteCommand[], [commands, query]);
  const at = Math.min(active, Math.max(found.length - 1, 0));

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
  }, [at, found]);

  const activate = (command: PaletteCommand | undefined) => {
    if (!command) return;
    // Closed first, so the focus is given back before the command moves it (a view's field).
    setOverlay(null);
    command.run(appStore);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const move = (to: number) => {
      e.preventDefault();
      if (found.length) setActive((to + found.length) % found.length);
    };
    if (e.key === "ArrowDown") move(at + 1);
    else if (e.key === "ArrowUp") move(at - 1);
    else if (e.key === "Home" && e.ctrlKey) move(0);
    else if (e.key === "End" && e.ctrlKey) move(found.length - 1);
    else if (e.key === "Enter") {
      e.preventDefault();
      activate(found[at]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setOverlay(null);
    } else if (e.key === "Tab") {
      // The input is the dialog's only stop: Tab would leave a modal dialog.
      e.preventDefault();
    }
  };

  const optionId = (i: number) => `palette-option-${i}`;
  return (
    <div className="overlay-backdrop" data-testid="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setOverlay(null)}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette" data-testid="palette">
        <input
          ref={input}
          className="palette-input"
          data-testid="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-autocomplete="list"
          aria-activedescendant={found.length ? optionId(at) : undefined}
          aria-label="Find a view, action, lesson or experiment"
          placeholder="Find a view, action, lesson or experiment"
          value={query}
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul ref={list} id="palette-list" className="palette-list" role="listbox" aria-label="Results" data-testid="palette-list">
          {found.map((command, i) => (
            <li
              key={command.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === at}
              className="palette-option"
              data-testid="palette-option"
              data-id={command.id}
              onMouseMove={() => i !== at && setActive(i)}
              onClick={() => activate(command)}
            >
              <span className="palette-kind">{KIND_LABEL[command.kind]}</span>
              <span className="palette-title">{command.title}</span>
              {command.detail ? <span className="palette-detail">{command.detail}</span> : null}
            </li>
          ))}
        </ul>
        {found.length ? null : (
          <p className="hint palette-empty" role="status" data-testid="palette-empty">
            Nothing matches "{query}".
          </p>
        )}
      </div>
    </div>
  );
}
