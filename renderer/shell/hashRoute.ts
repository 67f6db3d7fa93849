// Renderer: keeps the store's view and the location hash in step, so a view has a URL, deep links
// open it and Back/Forward move between views (web mode and the desktop window alike).
import type { AppStore } from "../store/createAppStore";
import { applyDetail, DETAIL_REPLACES_ENTRY, detailShown, hashOfState, parseHash } from "./deepLinks";

/** The part of `window` the router uses; tests pass a fake. */
export interface HashWindow {
  location: { hash: string };
  history: { pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: "hashchange" | "popstate", listener: () => void): void;
  removeEventListener(type: "hashchange" | "popstate", listener: () => void): void;
}

/**
 * Starts the router: the hash at start decides the first view and what is open in it (an unknown
 * one is replaced by the store's view); later changes push a history entry (a detail change in
 * the inspector replaces it); Back/Forward and typed links set the view and open their detail.
 * Returns a stop function.
 */
export function connectHashRoute(store: AppStore, win: HashWindow): () => void {
  // After a location was applied, the URL says what the store shows (a link to a lesson that
  // does not exist ends on the course map's URL, not on a broken one).
  const settle = () => {
    const shown = hashOfState(store.getState());
    if (win.location.hash !== shown) win.history.replaceState(null, "", shown);
  };
  // While a location is being opened, the store passes through states on the way (the view
  // before its lesson arrives): those are not steps of Back, and the URL must keep the link.
  let applying = 0;
  const open = (hash: string) => {
    const location = parseHash(hash);
    if (!location) return false;
    if (detailShown(store.getState(), location)) {
      if (location.view !== store.getState().view) store.getState().setView(location.view);
      return true;
    }
    applying += 1;
    if (location.view !== store.getState().view) store.getState().setView(location.view);
    void applyDetail(store, location)
      .catch(() => {})
      .finally(() => {
        applying -= 1;
        // Only if the user has not moved on meanwhile.
        if (!applying && win.location.hash === hash) settle();
      });
    return true;
  };
  if (!open(win.location.hash)) win.history.replaceState(null, "", hashOfState(store.getState()));

  const onLocation = () => {
    if (win.location.hash !== hashOfState(store.getState())) open(win.location.hash);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    const next = hashOfState(state);
    if (next === hashOfState(previous)) return;
    // The change came from the location already (Back, a typed link): nothing to add.
    if (win.location.hash === next) return;
    if (applying) return;
    if (state.view === previous.view && DETAIL_REPLACES_ENTRY.has(state.view)) win.history.replaceState(null, "", next);
    else win.history.pushState(null, "", next);
  });
  win.addEventListener("hashchange", onLocation);
  win.addEventListener("popstate", onLocation);
  return () => {
    unsubscribe();
    win.removeEventListener("hashchange", onLocation);
    win.removeEventListener("popstate", onLocation);
  };
}
