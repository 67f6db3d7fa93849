// Renderer tests: the hash router keeps the view and the URL in step, both ways.
import { describe, expect, it } from "vitest";
import { createTestStore } from "../store/testStore";
import { connectHashRoute, type HashWindow } from "./hashRoute";
import { hashOf, ROUTES, viewOfHash } from "./routes";

/** A window whose history is an array, with a Back that fires popstate as the browser does. */
function fakeWindow(hash: string) {
  const entries = [hash];
  let index = 0;
  const listeners = new Set<() => void>();
  const win: HashWindow & { back(): void; entries: string[] } = {
    location: { hash },
    entries,
    history: {
      pushState: (_d, _u, url) => {
        entries.splice(index + 1, entries.length, url);
        index = entries.length - 1;
        win.location.hash = url;
      },
      replaceState: (_d, _u, url) => {
        entries[index] = url;
        win.location.hash = url;
      },
    },
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    back() {
      index = Math.max(0, index - 1);
      win.location.hash = entries[index] as string;
      listeners.forEach((l) => l());
    },
  };
  return win;
}

describe("routes", () => {
  it("gives every view one path and reads it back, with or without a tail", () => {
    expect(new Set(ROUTES.map((r) => r.path)).size).toBe(ROUTES.length);
    for (const route of ROUTES) {
      expect(viewOfHash(hashOf(route.view))).toBe(route.view);
      expect(viewOfHash(`${hashOf(route.view)}/some-id`)).toBe(route.view);
    }
    expect(viewOfHash("")).toBeNull();
    expect(viewOfHash("#/no-such-view")).toBeNull();
  });
});

describe("hash router", () => {
  it("opens the view a deep link names", () => {
    const { store } = createTestStore();
    connectHashRoute(store, fakeWindow("#/evals"));
    expect(store.getState().view).toBe("evals");
  });

  it("replaces an empty or unknown hash with the current view's", () => {
    const { store } = createTestStore();
    const win = fakeWindow("#/nowhere");
    connectHashRoute(store, win);
    expect(store.getState().view).toBe("playground");
    expect(win.entries).toEqual(["#/playground"]);
  });

  it("pushes one entry per view change, and Back returns to the previous view", () => {
    const { store } = createTestStore();
    const win = fakeWindow("");
    const stop = connectHashRoute(store, win);
    store.getState().setView("lessons");
    store.getState().setView("settings");
    expect(win.entries).toEqual(["#/playground", "#/lessons", "#/settings"]);
    win.back();
    expect(store.getState().view).toBe("lessons");
    // Coming from the hash, the change pushes nothing more.
    expect(win.entries).toHaveLength(3);
    stop();
    store.getState().setView("usage");
    expect(win.entries).toHaveLength(3);
  });
});
