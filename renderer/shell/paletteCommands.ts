// Renderer: what the command palette offers: every view, the app's actions, the lessons and the
// experiments, each with what activating it does.
import type { LessonSummary } from "../../shared/contracts/lessons";
import type { ExperimentSummary } from "../../shared/experiments";
import type { AppStore } from "../store/createAppStore";
import type { PaletteEntry } from "./paletteRank";
import { ROUTES } from "./routes";

/** A palette entry with what it does. */
export interface PaletteCommand extends PaletteEntry {
  run(store: AppStore): void;
}

/**
 * Waits (up to two seconds) for an element a view shows once it has loaded, then focuses it; a
 * view chunk may still be downloading when the palette switches to it.
 */
export function focusWhenShown(selector: string, doc: Document = document): void {
  const started = Date.now();
  const tick = () => {
    const el = doc.querySelector<HTMLElement>(selector);
    if (el) el.focus();
    else if (Date.now() - started < 2000) setTimeout(tick, 50);
  };
  tick();
}

/** The app's actions, in the order an empty query lists them. */
export const ACTIONS: readonly PaletteCommand[] = [
  {
    id: "action:run",
    kind: "action",
    title: "Run the playground request",
    detail: "Ctrl/Cmd+Enter",
    keywords: ["run", "send", "execute"],
    run: (store) => {
      store.getState().setView("playground");
      void store.getState().startRun();
    },
  },
  {
    id: "action:stop",
    kind: "action",
    title: "Stop the run",
    detail: "Escape",
    keywords: ["stop", "cancel", "abort"],
    run: (store) => void store.getState().stopRun(),
  },
  {
    id: "action:new-experiment",
    kind: "action",
    title: "New experiment from the playground",
    keywords: ["new experiment", "save", "create"],
    run: (store) => {
      store.getState().setView("experiments");
      focusWhenShown('[data-testid="experiment-name"]');
    },
  },
  ...(
    [
      ["light", "Theme: light"],
      ["dark", "Theme: dark"],
      ["system", "Theme: follow the system"],
    ] as const
  ).map(
    ([preference, title]): PaletteCommand => ({
      id: `action:theme-${preference}`,
      kind: "action",
      title,
      keywords: ["switch theme", "colour", "color", "appearance", preference === "dark" ? "night" : preference === "light" ? "day" : "auto"],
      run: (store) => void store.getState().chooseTheme(preference),
    }),
  ),
  {
    id: "action:shortcuts",
    kind: "action",
    title: "Show keyboard shortcuts",
    detail: "?",
    keywords: ["keys", "help", "keyboard"],
    run: (store) => store.getState().setOverlay("shortcuts"),
  },
];

/** Every view, as "go to" entries. */
export function viewCommands(): PaletteCommand[] {
  return ROUTES.map((route) => ({
    id: `view:${route.view}`,
    kind: "view",
    title: route.title,
    detail: `G ${route.key.toUpperCase()}`,
    keywords: [route.view, route.group],
    run: (store: AppStore) => store.getState().setView(route.view),
  }));
}

/** The lessons, opened in the Lessons view. */
export function lessonCommands(lessons: readonly LessonSummary[]): PaletteCommand[] {
  return lessons.map((lesson) => ({
    id: `lesson:${lesson.id}`,
    kind: "lesson",
    title: lesson.title,
    detail: `Lesson ${lesson.number}`,
    keywords: [lesson.track],
    run: (store: AppStore) => void store.getState().openLessonById(lesson.id),
  }));
}

/** The experiments not in the trash, opened in the Experiments view. */
export function experimentCommands(experiments: readonly ExperimentSummary[]): PaletteCommand[] {
  return experiments
    .filter((e) => e.deletedAt === null)
    .map((experiment) => ({
      id: `experiment:${experiment.id}`,
      kind: "experiment",
      title: experiment.name,
      detail: `Experiment · ${experiment.versionCount} version${experiment.versionCount === 1 ? "" : "s"}`,
      keywords: experiment.tags,
      run: (store: AppStore) => {
        store.getState().setView("experiments");
        void store.getState().openExperiment(experiment.id);
      },
    }));
}
