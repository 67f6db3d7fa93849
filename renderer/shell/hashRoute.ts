// Renderer: keeps the store's view and the location hash in step, so a view has a URL, deep links
// open it and Back/Forward move between views (web mode and the desktop window alike).
import type { AppStore } from "../store/createAppStore";
import { hashOf, viewOfHash } from "./routes";

/** The part of `window` the router uses; tests pass a fake. */
export interface HashWindow {
  location: { hash: string };
  history: { pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: "hashchange" | "popstate", listener: () => void): void;
  removeEventListener(type: "hashchange" | "popstate", listener: () => void): void;
}

/**
 * Starts the router: the hash at start decides the first view (an unknown one is replaced by the
 * store's view); later view changes push a history entry; Back/Forward set the view. Returns a stop function.
 */
export function connectHashRoute(store: AppStore, win: HashWindow): () => void {
  const fromHash = viewOfHash(win.location.hash);
  if (fromHash) store.getState().setView(fromHash);
  else win.history.replaceState(null, "", hashOf(store.getState().view));

  const onLocation = () => {
    const view = viewOfHash(win.location.hash);
    if (view && view !== store.getState().view) store.getState().setView(view);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.view === previous.view) return;
    // The view came from the hash already (Back, a typed link): nothing to push.
    if (viewOfHash(win.location.hash) === state.view) return;
    win.history.pushState(null, "", hashOf(state.view));
  });
  win.addEventListener("hashchange", onLocation);
  win.addEventListener("popstate", onLocation);
  return () => {
    unsubscribe();
    win.removeEventListener("hashchange", onLocation);
    win.removeEventListener("popstate", onLocation);
  };
}
