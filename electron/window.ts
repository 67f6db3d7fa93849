// Main process (desktop): the window's options and security policy as pure functions over
// Electron-shaped objects, so every decision can be tested without launching Electron.

/**
 * The renderer's Content-Security-Policy, sent as a response header (by the app:// handler and on
 * every other response of the session) and repeated in a meta tag of renderer/index.html. On the
 * desktop `'self'` is the app://prompt-dojo origin alone, not every local file as under file://.
 * `worker-src blob:` is for Monaco's workers; `'unsafe-inline'` styles are
 * for React's style attributes. Scripts only ever come from the app itself; `'wasm-unsafe-eval'` lets
 * the vector worker compile its WebAssembly SIMD kernel (shared/simdKernel.ts), which is not script
 * evaluation: `eval`, `new Function` and inline scripts stay refused.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; " +
  "base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** The subset of BrowserWindowConstructorOptions this app sets (structurally compatible). */
export interface MainWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    navigateOnDragDrop: false;
    spellcheck: boolean;
  };
}

/** Options of the one app window: isolated, sandboxed, no Node, only the given preload. */
export function createMainWindowOptions(args: { preloadPath: string }): MainWindowOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    // Shown on "ready-to-show" so the user never sees an empty white frame.
    show: false,
    title: "Prompt Dojo",
    backgroundColor: "#1e1e1e",
    webPreferences: {
      preload: args.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A file dropped on the window would otherwise replace the app with that file.
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

/**
 * Returns response headers with our CSP, replacing any CSP already there (in any letter case), so
 * that a page can never loosen it.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === "content-security-policy") continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out["Content-Security-Policy"] = [CONTENT_SECURITY_POLICY];
  return out;
}

/**
 * True when `url` is the app's own page: the entry URL (app://prompt-dojo/index.html, see
 * appProtocol.ts) with the same scheme, host and path; query and fragment are ignored, since the
 * renderer may route with the fragment. Credentials or any other spelling are refused (Chromium
 * hands out canonical URLs, so the real page always matches exactly). The app no longer loads from
 * file://, where every local file shared one origin.
 */
export function isAppEntryURL(url: string, appEntryURL: string): boolean {
  let candidate: URL;
  let entry: URL;
  try {
    candidate = new URL(url);
    entry = new URL(appEntryURL);
  } catch {
    return false;
  }
  return (
    candidate.protocol === entry.protocol &&
    candidate.host === entry.host &&
    candidate.pathname === entry.pathname &&
    candidate.username === "" &&
    candidate.password === ""
  );
}

/** True for an absolute http: or https: URL, the only kind ever handed to the OS browser. */
export function isExternalWebURL(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}

/** What openExternalLink needs of Electron's `shell`. */
export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/**
 * Opens an http(s) URL in the user's browser and returns true; refuses anything else (file:,
 * javascript:, custom protocols that launch programs...) and returns false.
 */
export async function openExternalLink(url: string, shell: ShellLike): Promise<boolean> {
  if (!isExternalWebURL(url)) return false;
  // Pass the parsed form so what is opened is exactly what was checked.
  await shell.openExternal(new URL(url).href);
  return true;
}

/**
 * Whether the window may navigate to `url`: only to the app's own page (a reload). Links to the
 * web open in the browser instead, through the window-open handler or the bridge.
 */
export function isNavigationAllowed(url: string, appEntryURL: string): boolean {
  return isAppEntryURL(url, appEntryURL);
}

/** Permission requests (camera, notifications, clipboard read...) are all refused. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** Permission checks are all answered "not granted". */
export function denyPermissionCheck(): boolean {
  return false;
}

/** An event whose default action can be cancelled (Electron's Event). */
export interface PreventableEvent {
  preventDefault(): void;
}

/** What hardenWebContents needs of a WebContents (structurally compatible with Electron's). */
export interface WebContentsLike {
  on(event: "will-navigate" | "will-redirect", listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: "will-attach-webview", listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" }): void;
}

/**
 * Locks down one WebContents: navigation and redirects away from the app are cancelled, new windows
 * are refused (http(s) links go to `openLink`, i.e. the browser), `<webview>` is never attached.
 */
export function hardenWebContents(
  contents: WebContentsLike,
  policy: { appEntryURL: string; openLink: (url: string) => void },
): void {
  const guardNavigation = (event: PreventableEvent, url: string): void => {
    if (!isNavigationAllowed(url, policy.appEntryURL)) event.preventDefault();
  };
  contents.on("will-navigate", guardNavigation);
  contents.on("will-redirect", guardNavigation);
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebURL(url)) policy.openLink(url);
    return { action: "deny" };
  });
}

/** Response details as Electron's webRequest.onHeadersReceived passes them. */
export interface HeadersReceivedDetails {
  responseHeaders?: Record<string, string[]>;
}

/** What hardenSession needs of an Electron Session (structurally compatible). */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: HeadersReceivedDetails,
        callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
      ) => void,
    ): void;
  };
}

/** Denies every permission and sets the CSP header on every response of the session. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
