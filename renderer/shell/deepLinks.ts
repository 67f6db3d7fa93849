// Renderer: the part of a hash after the view: what is open inside it. "#/lessons/<id>" is a
// lesson, "#/experiments/<id>/v3" an experiment at a version, "#/inspector/<runId>" a run in the
// inspector, "#/evals/run/<evalRunId>" an evaluation run. Read from the store, applied to it.
import type { AppStore } from "../store/createAppStore";
import type { AppState } from "../store/types";
import type { ViewName } from "../store/uiSlice";
import { routeOf, viewOfHash } from "./routes";

/** A location inside the app: a view and what is open in it. */
export interface AppLocation {
  view: ViewName;
  /** The path parts after the view's own, decoded. */
  detail: string[];
}

/** The location a hash names, or null for an unknown or empty hash. */
export function parseHash(hash: string): AppLocation | null {
  const view = viewOfHash(hash);
  if (!view) return null;
  const parts = hash.replace(/^#/, "").split("/").filter(Boolean).slice(1);
  const detail: string[] = [];
  for (const part of parts) {
    try {
      detail.push(decodeURIComponent(part));
    } catch {
      return { view, detail: [] };
    }
  }
  return { view, detail };
}

/** What the store shows inside a view, as path parts. */
export function detailOf(state: AppState, view: ViewName): string[] {
  switch (view) {
    case "lessons":
      return state.openLesson ? [state.openLesson.frontMatter.id] : [];
    case "experiments": {
      const open = state.experiments.open;
      if (!open) return [];
      return state.experiments.shownVersion ? [open.id, `v${state.experiments.shownVersion}`] : [open.id];
    }
    case "inspector":
      return state.inspector.selectedRunId ? [state.inspector.selectedRunId] : [];
    case "evals":
      return state.evals.run ? ["run", state.evals.run.id] : [];
    default:
      return [];
  }
}

/** The hash for a location. */
export function hashOfLocation(location: AppLocation): string {
  return `#${routeOf(location.view).path}${location.detail.map((p) => `/${encodeURIComponent(p)}`).join("")}`;
}

/** The hash that shows what the store shows. */
export function hashOfState(state: AppState): string {
  return hashOfLocation({ view: state.view, detail: detailOf(state, state.view) });
}

/**
 * Views whose detail changes replace the history entry instead of adding one: the inspector
 * selects a run by itself when it opens, and that must not become a step of Back.
 */
export const DETAIL_REPLACES_ENTRY: ReadonlySet<ViewName> = new Set(["inspector"]);

/** True when the store shows what the location's detail names (nothing to open). */
export function detailShown(state: AppState, location: AppLocation): boolean {
  return detailOf(state, location.view).join("/") === location.detail.join("/");
}

/** Opens in the store what a location's detail names (or closes what it no longer names). */
export async function applyDetail(store: AppStore, location: AppLocation): Promise<void> {
  const state = store.getState();
  const [first, second] = location.detail;
  if (detailShown(state, location)) return;
  switch (location.view) {
    case "lessons":
      if (first) await state.openLessonById(first);
      // A link to a lesson that is not there ends on the course map (with the error), not on another lesson.
      if (store.getState().openLesson?.frontMatter.id !== first) store.getState().closeLesson();
      return;
    case "experiments": {
      if (!first) return state.closeExperiment();
      if (state.experiments.open?.id !== first) await state.openExperiment(first);
      const version = /^v(\d+)$/.exec(second ?? "")?.[1];
      const known = store.getState().experiments.open?.versions.some((v) => v.version === Number(version));
      store.getState().showExperimentVersion(version && known ? Number(version) : null);
      return;
    }
    case "inspector":
      if (first) await state.inspectRun(first);
      return;
    case "evals":
      if (first === "run" && second) await state.openEvalRunWithDataset(second);
      // A running evaluation stays on screen: Back must not hide its progress.
      else if (!first && state.evals.run?.status !== "running") state.closeEvalRun();
      return;
    default:
      return;
  }
}
