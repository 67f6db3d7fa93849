// Main process (desktop): the Electron entry. Builds the core, opens the IPC door, serves the
// renderer on app://, hardens every web contents and session, shows the one window, closes the core on quit.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from "electron";
import ElectronStore from "electron-store";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createAppCore, type AppCore } from "./app";
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from "./appProtocol";
import { registerIpc } from "./ipc";
import { scrubConsole } from "./services/consoleScrub";
import { createMainWindowOptions, hardenSession, hardenWebContents, openExternalLink } from "./window";

// Built layout: dist/electron/main.mjs, dist/electron/preload.cjs, dist/renderer/index.html.
const preloadPath = fileURLToPath(new URL("./preload.cjs", import.meta.url));
const rendererDir = fileURLToPath(new URL("../renderer/", import.meta.url));
const appEntryURL = APP_ENTRY_URL;

let core: AppCore | null = null;
let coreClosed = false;

const openLink = (url: string): void => {
  openExternalLink(url, shell).catch((err: unknown) => console.error("could not open link:", err));
};

// Whatever the main process logs is scrubbed of every known secret first.
scrubConsole();
// Every renderer is sandboxed, whatever its options say.
app.enableSandbox();
// Must happen before "ready": the scheme's origin, secure context and fetch support are fixed then.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

// Applies to every web contents ever created (the window, devtools, anything a bug might open).
app.on("web-contents-created", (_event, contents) => hardenWebContents(contents, { appEntryURL, openLink }));

function createWindow(): void {
  const window = new BrowserWindow(createMainWindowOptions({ preloadPath }));
  window.once("ready-to-show", () => window.show());
  void window.loadURL(appEntryURL);
}

async function start(): Promise<void> {
  await app.whenReady();
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir, readFile }));
  hardenSession(session.defaultSession);
  core = await createAppCore({
    mode: "desktop",
    dataDir: app.getPath("userData"),
    version: app.getVersion(),
    // electron-store takes the file name as `name` (it overwrites `configName` with it).
    openStore: (opts) => new ElectronStore({ cwd: opts.cwd, name: opts.configName }),
    openExternal: async (url) => {
      if (!(await openExternalLink(url, shell))) throw new Error("only http(s) links can be opened");
    },
  });
  const appCore = core;
  registerIpc(ipcMain, appCore.handlers, { appEntryURL, secrets: () => appCore.knownSecrets() });
  createWindow();
  app.on("activate", () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on("window-all-closed", () => {
  if (process.platform !== "darwin") app.quit();
});

// Quit waits once for the core (simulator, stores) to close, then quits for real.
app.on("will-quit", (event) => {
  if (!core || coreClosed) return;
  event.preventDefault();
  coreClosed = true;
  core
    .close()
    .catch((err: unknown) => console.error("closing the app core failed:", err))
    .finally(() => app.quit());
});

start().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  dialog.showErrorBox("Prompt Dojo could not start", message);
  app.exit(1);
});
