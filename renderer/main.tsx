// Renderer: the entry point: wires the store to the bridge's events, autosaves the draft, mounts the app.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { connectHashRoute } from "./shell/hashRoute";
import { connectTheme } from "./shell/theme";
import { viewOfHash } from "./shell/routes";
import { ViewBoundary } from "./shell/ViewBoundary";
import { preloadMonacoEditor } from "./components/JsonEditor/JsonEditor";
import { bridge } from "./bridge";
import { appStore } from "./store/appStore";
import { bootApp } from "./store/boot";
import { startDraftAutosave } from "./store/draftAutosave";
import { connectRunEvents } from "./store/runEvents";
import { connectSafetyEvents } from "./store/safetyEvents";
import "./styles.css";

connectRunEvents(appStore, bridge);
connectSafetyEvents(appStore, bridge);
const autosave = startDraftAutosave({ store: appStore, bridge });
// A reload or a closed window must not lose the last keystrokes still waiting for the debounce.
window.addEventListener("pagehide", () => autosave.flush());
window.addEventListener("beforeunload", () => autosave.flush());

// Read before the router rewrites an empty hash: a deep link or a reload keeps its view.
const routeGiven = viewOfHash(window.location.hash) !== null;
// Before the first render, so a dark theme never flashes light.
connectTheme(appStore, window);
connectHashRoute(appStore, window);
void bootApp(appStore, { routeGiven });
// The playground (the first screen) has a Monaco editor: its chunk downloads while the draft loads,
// instead of after. A failure shows when an editor mounts (it keeps its textarea), not here.
preloadMonacoEditor().catch(() => {});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    {/* The last line of defence: a failure in the shell itself still leaves a page with a way out. */}
    <ViewBoundary
      title="Prompt Dojo"
      onReset={async () => {
        window.location.hash = "#/playground";
        window.location.reload();
        return "Reloading...";
      }}
    >
      <App />
    </ViewBoundary>
  </StrictMode>,
);
