// Renderer: the one registry of views: path, title, nav group, the store slices each view owns
// (what "reset this view" clears) and how its component loads. App.tsx, the hash router and the
// error boundaries read it; nothing else lists the views.
import type { SliceName } from "../store/createAppStore";
import type { ViewName } from "../store/uiSlice";

/** The groups of the left nav, by what people do there. */
export const NAV_GROUPS = ["Build", "Data", "Production", "Learn", "Settings"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** One view of the app. */
export interface Route {
  view: ViewName;
  /** The hash path, e.g. "#/evals". */
  path: string;
  title: string;
  group: NavGroup;
  /** The store slices that hold this view's state, reset when the view failed and the user resets it. */
  slices: readonly SliceName[];
  /** The letter that shows the view after G ("g e" opens Evals), unique among the views. */
  key: string;
}

/** Every view, in nav order. */
export const ROUTES: readonly Route[] = [
  { view: "playground", path: "/playground", title: "Playground", group: "Build", slices: ["playground", "run", "structured", "tools"], key: "p" },
  { view: "compare", path: "/compare", title: "Compare", group: "Build", slices: ["compare"], key: "c" },
  { view: "inspector", path: "/inspector", title: "Inspector", group: "Build", slices: ["inspector"], key: "i" },
  { view: "experiments", path: "/experiments", title: "Experiments", group: "Data", slices: ["experiments"], key: "x" },
  { view: "history", path: "/history", title: "History", group: "Data", slices: ["history"], key: "h" },
  { view: "evals", path: "/evals", title: "Evals", group: "Data", slices: ["evals"], key: "e" },
  { view: "embeddings", path: "/embeddings", title: "Embeddings", group: "Data", slices: ["embeddings"], key: "m" },
  { view: "rag", path: "/rag", title: "RAG", group: "Data", slices: ["rag"], key: "r" },
  { view: "reliability", path: "/reliability", title: "Reliability", group: "Production", slices: ["reliability"], key: "y" },
  { view: "injection", path: "/injection", title: "Safety & injection", group: "Production", slices: ["injection", "safety"], key: "j" },
  { view: "usage", path: "/usage", title: "Usage", group: "Production", slices: ["usage"], key: "u" },
  { view: "welcome", path: "/welcome", title: "Welcome", group: "Learn", slices: [], key: "w" },
  { view: "lessons", path: "/lessons", title: "Lessons", group: "Learn", slices: ["lessons"], key: "l" },
  { view: "review", path: "/review", title: "Review", group: "Learn", slices: ["review"], key: "v" },
  { view: "interview", path: "/interview", title: "Mock interview", group: "Learn", slices: ["review"], key: "t" },
  { view: "readiness", path: "/readiness", title: "Readiness", group: "Learn", slices: [], key: "d" },
  { view: "settings", path: "/settings", title: "Settings", group: "Settings", slices: ["profiles", "pricing"], key: "s" },
];

const BY_VIEW = new Map(ROUTES.map((r) => [r.view, r]));
const BY_PATH = new Map(ROUTES.map((r) => [r.path, r]));

/** The route of a view. */
export function routeOf(view: ViewName): Route {
  return BY_VIEW.get(view) ?? (ROUTES[0] as Route);
}

/** The view a location hash names ("#/evals", "#/evals/anything"), or null for an unknown or empty hash. */
export function viewOfHash(hash: string): ViewName | null {
  const path = hash.replace(/^#/, "");
  const head = `/${path.split("/").filter(Boolean)[0] ?? ""}`;
  return BY_PATH.get(head)?.view ?? null;
}

const BY_KEY = new Map(ROUTES.map((r) => [r.key, r]));

/** The view a letter shows after G, or null. */
export function viewOfKey(key: string): ViewName | null {
  return BY_KEY.get(key.toLowerCase())?.view ?? null;
}

/** The hash that shows a view. */
export function hashOf(view: ViewName): string {
  return `#${routeOf(view).path}`;
}
