// Renderer: the app shell: header with the provider badge, left nav, notices, and the current view.
import { lazy, Suspense } from "react";
import { NoticeBanners } from "./components/NoticeBanners";
import { ProviderBadge } from "./components/ProviderBadge";
import { Playground } from "./features/Playground/Playground";
import { Settings } from "./features/Settings/Settings";
import { useAppStore } from "./store/appStore";
import type { ViewName } from "./store/uiSlice";

// Views that are not on the first screen load in their own chunks, keeping the first load small.
const Inspector = lazy(() => import("./features/Inspector/Inspector").then((m) => ({ default: m.Inspector })));
const Compare = lazy(() => import("./features/Compare/Compare").then((m) => ({ default: m.Compare })));
const Embeddings = lazy(() => import("./features/Embeddings/Embeddings").then((m) => ({ default: m.Embeddings })));
const Rag = lazy(() => import("./features/Rag/Rag").then((m) => ({ default: m.Rag })));
const Lessons = lazy(() => import("./features/Lessons/Lessons").then((m) => ({ default: m.Lessons })));
const Review = lazy(() => import("./features/Review/Review").then((m) => ({ default: m.Review })));
const Experiments = lazy(() => import("./features/Experiments/Experiments").then((m) => ({ default: m.Experiments })));
const History = lazy(() => import("./features/History/History").then((m) => ({ default: m.History })));
const Evals = lazy(() => import("./features/Evals/Evals").then((m) => ({ default: m.Evals })));
const Injection = lazy(() => import("./features/Injection/InjectionLab").then((m) => ({ default: m.InjectionLab })));
const Reliability = lazy(() => import("./features/Reliability/Reliability").then((m) => ({ default: m.Reliability })));
const Usage = lazy(() => import("./features/Usage/Usage").then((m) => ({ default: m.Usage })));
const Readiness = lazy(() => import("./features/Readiness/Readiness").then((m) => ({ default: m.Readiness })));

const NAV: { view: ViewName; label: string; testId: string }[] = [
  { view: "playground", label: "Playground", testId: "nav-playground" },
  { view: "compare", label: "Compare", testId: "nav-compare" },
  { view: "inspector", label: "Inspector", testId: "nav-inspector" },
  { view: "experiments", label: "Experiments", testId: "nav-experiments" },
  { view: "history", label: "History", testId: "nav-history" },
  { view: "evals", label: "Evals", testId: "nav-evals" },
  { view: "embeddings", label: "Embeddings", testId: "nav-embeddings" },
  { view: "rag", label: "RAG", testId: "nav-rag" },
  { view: "injection", label: "Injection lab", testId: "nav-injection" },
  { view: "reliability", label: "Reliability", testId: "nav-reliability" },
  { view: "usage", label: "Usage", testId: "nav-usage" },
  { view: "lessons", label: "Lessons", testId: "nav-lessons" },
  { view: "review", label: "Review", testId: "nav-review" },
  { view: "readiness", label: "Readiness", testId: "nav-readiness" },
  { view: "settings", label: "Settings", testId: "nav-settings" },
];

/** The whole window. */
export function App() {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">Prompt Dojo</span>
        <ProviderBadge />
      </header>
      <nav className="app-nav" aria-label="Main">
        <ul>
          {NAV.map((item) => (
            <li key={item.view}>
              <button
                type="button"
                className="nav-link"
                data-testid={item.testId}
                aria-current={view === item.view ? "page" : undefined}
                onClick={() => setView(item.view)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app-main">
        <NoticeBanners />
        <Suspense fallback={<p className="hint">Loading...</p>}>
          {view === "playground" ? <Playground /> : view === "inspector" ? <Inspector /> : view === "compare" ? <Compare /> : view === "embeddings" ? <Embeddings /> : view === "rag" ? <Rag /> : view === "lessons" ? <Lessons /> : view === "review" ? <Review /> : view === "readiness" ? <Readiness /> : view === "experiments" ? <Experiments /> : view === "history" ? <History /> : view === "evals" ? <Evals /> : view === "injection" ? <Injection /> : view === "reliability" ? <Reliability /> : view === "usage" ? <Usage /> : <Settings />}
        </Suspense>
      </main>
    </div>
  );
}
