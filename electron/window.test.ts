// Tests (main process): the window's options and security decisions, on plain objects.
import { describe, expect, it, vi } from "vitest";
import {
  CONTENT_SECURITY_POLICY,
  createMainWindowOptions,
  denyPermissionCheck,
  denyPermissionRequest,
  hardenSession,
  hardenWebContents,
  isAppEntryURL,
  isNavigationAllowed,
  openExternalLink,
  withContentSecurityPolicy,
  type PreventableEvent,
  type SessionLike,
  type WebContentsLike,
} from "./window";
import { APP_ENTRY_URL } from "./appProtocol";

const ENTRY = APP_ENTRY_URL;

describe("createMainWindowOptions", () => {
  it("isolates and sandboxes the renderer, without Node, with only the given preload", () => {
    const { webPreferences, show } = createMainWindowOptions({ preloadPath: "/app/dist/electron/preload.cjs" });
    expect(webPreferences).toMatchObject({
      preload: "/app/dist/electron/preload.cjs",
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(show).toBe(false);
  });
});

describe("the content security policy", () => {
  it("is exactly the agreed policy", () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it("never allows inline or evaluated scripts, only compiling WebAssembly (the SIMD kernel)", () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split(";").find((d) => d.trim().startsWith("script-src"));
    expect(scriptSrc?.trim()).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", "")).not.toContain("unsafe-eval");
  });

  it("is added to response headers and replaces a looser one in any letter case", () => {
    const headers = withContentSecurityPolicy({
      "content-type": ["text/html"],
      "content-security-policy": ["default-src *"],
      "X-Single": "one",
    });
    expect(headers["Content-Security-Policy"]).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers["content-security-policy"]).toBeUndefined();
    expect(headers["content-type"]).toEqual(["text/html"]);
    expect(headers["X-Single"]).toEqual(["one"]);
    expect(withContentSecurityPolicy(undefined)).toEqual({ "Content-Security-Policy": [CONTENT_SECURITY_POLICY] });
  });
});

describe("isAppEntryURL", () => {
  it("accepts the entry page on app://prompt-dojo, with any query or fragment", () => {
    expect(isAppEntryURL("app://prompt-dojo/index.html", ENTRY)).toBe(true);
    expect(isAppEntryURL(`${ENTRY}#/lessons/1`, ENTRY)).toBe(true);
    expect(isAppEntryURL(`${ENTRY}?x=1`, ENTRY)).toBe(true);
  });

  it("refuses every file:// page, even the built index.html", () => {
    expect(isAppEntryURL("file:///opt/Prompt%20Dojo/resources/app/dist/renderer/index.html", ENTRY)).toBe(false);
    expect(isAppEntryURL("file:///home/me/Downloads/index.html", ENTRY)).toBe(false);
    expect(isAppEntryURL("file://prompt-dojo/index.html", ENTRY)).toBe(false);
  });

  it("refuses other paths, hosts, ports, credentials, schemes and garbage", () => {
    expect(isAppEntryURL("app://prompt-dojo/other.html", ENTRY)).toBe(false);
    expect(isAppEntryURL("app://prompt-dojo/assets/index.html", ENTRY)).toBe(false);
    expect(isAppEntryURL("app://prompt-dojo/", ENTRY)).toBe(false);
    expect(isAppEntryURL("app://evil/index.html", ENTRY)).toBe(false);
    expect(isAppEntryURL("app://prompt-dojo:81/index.html", ENTRY)).toBe(false);
    expect(isAppEntryURL("app://x:y@prompt-dojo/index.html", ENTRY)).toBe(false);
    expect(isAppEntryURL("https://prompt-dojo/index.html", ENTRY)).toBe(false);
    expect(isAppEntryURL("about:blank", ENTRY)).toBe(false);
    expect(isAppEntryURL("", ENTRY)).toBe(false);
    expect(isAppEntryURL("not a url", ENTRY)).toBe(false);
  });
});

describe("openExternalLink", () => {
  it("passes http and https URLs to the shell", async () => {
    const shell = { openExternal: vi.fn(async (_url: string) => {}) };
    expect(await openExternalLink("https://platform.openai.com/docs", shell)).toBe(true);
    expect(await openExternalLink("http://localhost:11434/", shell)).toBe(true);
    expect(shell.openExternal.mock.calls.map((c) => c[0])).toEqual(["https://platform.openai.com/docs", "http://localhost:11434/"]);
  });

  it("refuses every other scheme and anything that is not a URL", async () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    for (const url of ["file:///etc/passwd", "javascript:alert(1)", "smb://host/share", "ms-settings:", "vscode://x", "/relative", ""]) {
      expect(await openExternalLink(url, shell)).toBe(false);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

/** A WebContents double that records its listeners so a test can fire them. */
function fakeWebContents() {
  const listeners = new Map<string, (event: PreventableEvent, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: "deny" }) | null = null;
  const contents: WebContentsLike = {
    on(event: string, listener: (event: PreventableEvent, url: string) => void) {
      listeners.set(event, listener as (event: PreventableEvent, url?: string) => void);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const fire = (name: string, url?: string): boolean => {
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener(event, url);
    return event.prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe("hardenWebContents", () => {
  it("cancels navigation and redirects away from the app, but not a reload of it", () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, { appEntryURL: ENTRY, openLink: () => {} });
    expect(fake.fire("will-navigate", "https://evil.example/")).toBe(true);
    expect(fake.fire("will-navigate", "file:///tmp/dropped.html")).toBe(true);
    expect(fake.fire("will-navigate", "app://prompt-dojo/other.html")).toBe(true);
    expect(fake.fire("will-redirect", "https://evil.example/")).toBe(true);
    expect(fake.fire("will-navigate", ENTRY)).toBe(false);
    expect(isNavigationAllowed("https://platform.openai.com", ENTRY)).toBe(false);
  });

  it("refuses every new window, sending only http(s) links to the browser", () => {
    const opened: string[] = [];
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, { appEntryURL: ENTRY, openLink: (url) => opened.push(url) });
    expect(fake.open("https://platform.openai.com/usage")).toEqual({ action: "deny" });
    expect(fake.open("file:///etc/hosts")).toEqual({ action: "deny" });
    expect(fake.open("javascript:alert(1)")).toEqual({ action: "deny" });
    expect(opened).toEqual(["https://platform.openai.com/usage"]);
  });

  it("never attaches a webview", () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, { appEntryURL: ENTRY, openLink: () => {} });
    expect(fake.fire("will-attach-webview")).toBe(true);
  });
});

describe("permissions and session", () => {
  it("denies every permission request and check", () => {
    for (const permission of ["media", "geolocation", "notifications", "clipboard-read", "openExternal", "unknown"]) {
      const callback = vi.fn();
      denyPermissionRequest(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(denyPermissionCheck()).toBe(false);
  });

  it("installs the deny handlers and the CSP header on the session", () => {
    let headersListener: Parameters<SessionLike["webRequest"]["onHeadersReceived"]>[0] | null = null;
    const session: SessionLike = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: (listener) => void (headersListener = listener) },
    };
    hardenSession(session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(denyPermissionRequest);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(denyPermissionCheck);
    const callback = vi.fn();
    headersListener!({ responseHeaders: { "Content-Type": ["text/html"] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { "Content-Type": ["text/html"], "Content-Security-Policy": [CONTENT_SECURITY_POLICY] },
    });
  });
});
