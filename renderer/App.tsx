// Renderer: the app shell: header with the provider badge, the grouped left nav, notices, and the
// current view inside its own error boundary.
import { Suspense } from "react";
import { bridge } from "./bridge";
import { NoticeBanners } from "./components/NoticeBanners";
import { ProviderBadge } from "./components/ProviderBadge";
import { CommandPalette } from "./shell/CommandPalette";
import { resetView } from "./shell/resetView";
import { ShortcutsHelp } from "./shell/ShortcutsHelp";
import { ThemeSelect } from "./shell/ThemeSelect";
import { NAV_GROUPS, ROUTES, routeOf } from "./shell/routes";
import { ViewBoundary } from "./shell/ViewBoundary";
import { useGlobalKeys } from "./shell/useGlobalKeys";
import { VIEW_COMPONENTS } from "./shell/viewComponents";
import { appStore, useAppStore } from "./store/appStore";

/** The whole window. */
export function App() {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  useGlobalKeys();
  const route = routeOf(view);
  const View = VIEW_COMPONENTS[view];
  return (
    <div className="app">
      <header className="app-header">
        <a
          href="#/welcome"
          className="app-title"
          data-testid="home-link"
          title="Welcome page"
          onClick={(e) => {
            e.preventDefault();
            setView("welcome");
          }}
        >
          Prompt Dojo
        </a>
        <button
          type="button"
          className="button-quiet palette-open"
          data-testid="palette-open"
          aria-keyshortcuts="Control+K Meta+K Control+Shift+P Meta+Shift+P"
          onClick={() => appStore.getState().setOverlay("palette")}
        >
          Search or run a command <kbd>Ctrl/Cmd+K</kbd>
        </button>
        <ThemeSelect />
        <ProviderBadge />
      </header>
      <nav className="app-nav" aria-label="Main">
        {NAV_GROUPS.map((group) => (
          <div key={group} className="nav-group" role="group" aria-labelledby={`nav-group-${group}`}>
            {group !== "Settings" ? (
              <span className="nav-group-title" id={`nav-group-${group}`}>
                {group}
              </span>
            ) : null}
            <ul>
              {ROUTES.filter((r) => r.group === group).map((item) => (
                <li key={item.view}>
                  <a
                    href={`#${item.path}`}
                    className="nav-link"
                    data-testid={`nav-${item.view}`}
                    aria-keyshortcuts={`G ${item.key.toUpperCase()}`}
                    title={`G then ${item.key.toUpperCase()}`}
                    aria-current={view === item.view ? "page" : undefined}
                    onClick={(e) => {
                      // The router pushes the history entry when the view changes; a plain click does not need the browser's.
                      e.preventDefault();
                      setView(item.view);
                    }}
                  >
                    {item.title}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <main className="app-main" data-testid="view" data-view={view}>
        <NoticeBanners />
        {/* One boundary per view (keyed by it), so leaving a failed view and coming back starts clean. */}
        <ViewBoundary key={view} title={route.title} onReset={(failure) => resetView(appStore, bridge, view, failure)}>
          <Suspense fallback={<p className="hint" data-testid="view-loading">Loading...</p>}>
            <View />
          </Suspense>
        </ViewBoundary>
      </main>
      <CommandPalette />
      <ShortcutsHelp />
    </div>
  );
}
