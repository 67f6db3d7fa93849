// Renderer tests: the hash router keeps the view and the URL in step, both ways.
import { describe, expect, it } from "vitest";
import type { Lesson } from "../../shared/lesson";
import { bridgeFailure } from "../store/fakeBridge";
import { createTestStore } from "../store/testStore";
import { hashOfLocation, parseHash } from "./deepLinks";
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

describe("deep links inside views", () => {
  const lessonA = { frontMatter: { id: "lesson-a" }, sections: [] } as unknown as Lesson;
  const lessonB = { frontMatter: { id: "lesson-b" }, sections: [] } as unknown as Lesson;
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

  it("reads and writes a view's detail, encoded", () => {
    expect(parseHash("#/lessons/system-vs-user")).toEqual({ view: "lessons", detail: ["system-vs-user"] });
    expect(parseHash("#/experiments/abc/v3")).toEqual({ view: "experiments", detail: ["abc", "v3"] });
    expect(parseHash("#/evals/run/r%2F1")).toEqual({ view: "evals", detail: ["run", "r/1"] });
    expect(parseHash("#/lessons/%E0%A4%A")).toEqual({ view: "lessons", detail: [] });
    expect(parseHash("#/nowhere/x")).toBeNull();
    expect(hashOfLocation({ view: "evals", detail: ["run", "r/1"] })).toBe("#/evals/run/r%2F1");
  });

  it("opens the lesson a link names at start, keeping the link in the URL", async () => {
    const { store, bridge } = createTestStore();
    bridge.handle("lessons.get", (input) => ((input as { lessonId: string }).lessonId === "lesson-a" ? lessonA : lessonB));
    const win = fakeWindow("#/lessons/lesson-a");
    connectHashRoute(store, win);
    await settled();
    expect(store.getState().view).toBe("lessons");
    expect(store.getState().openLesson?.frontMatter.id).toBe("lesson-a");
    expect(win.entries).toEqual(["#/lessons/lesson-a"]);
  });

  it("pushes an entry per lesson opened; Back closes it again, back on the course map", async () => {
    const { store, bridge } = createTestStore();
    bridge.handle("lessons.get", (input) => ((input as { lessonId: string }).lessonId === "lesson-a" ? lessonA : lessonB));
    const win = fakeWindow("#/lessons");
    connectHashRoute(store, win);
    await store.getState().openLessonById("lesson-a");
    await store.getState().openLessonById("lesson-b");
    expect(win.entries).toEqual(["#/lessons", "#/lessons/lesson-a", "#/lessons/lesson-b"]);
    win.back();
    await settled();
    expect(store.getState().openLesson?.frontMatter.id).toBe("lesson-a");
    win.back();
    await settled();
    expect(store.getState().openLesson).toBeNull();
    expect(win.entries).toHaveLength(3);
  });

  it("ends on what is shown when a link names something that is not there", async () => {
    const { store, bridge } = createTestStore();
    bridge.handle("lessons.get", () => {
      throw bridgeFailure("not_found", "no such lesson");
    });
    const win = fakeWindow("#/lessons/gone");
    connectHashRoute(store, win);
    await settled();
    expect(store.getState().view).toBe("lessons");
    expect(win.entries).toEqual(["#/lessons"]);
  });

  it("replaces the entry when the inspector selects a run, so Back leaves the view", async () => {
    const { store, bridge } = createTestStore();
    bridge.handle("runs.get", () => null);
    const win = fakeWindow("#/playground");
    connectHashRoute(store, win);
    store.getState().setView("inspector");
    await store.getState().inspectRun("run-1");
    await store.getState().inspectRun("run-2");
    expect(win.entries).toEqual(["#/playground", "#/inspector/run-2"]);
  });
});
