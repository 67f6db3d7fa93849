// Renderer: the app shell: header with the provider badge, left nav, notices, and the current view.
import { NoticeBanners } from "./components/NoticeBanners";
import { ProviderBadge } from "./components/ProviderBadge";
import { Playground } from "./features/Playground/Playground";
import { Settings } from "./features/Settings/Settings";
import { useAppStore } from "./store/appStore";
import type { ViewName } from "./store/uiSlice";

const NAV: { view: ViewName; label: string; testId: string }[] = [
  { view: "playground", label: "Playground", testId: "nav-playground" },
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
        {view === "playground" ? <Playground /> : <Settings />}
      </main>
    </div>
  );
}
