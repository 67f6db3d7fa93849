// Smoke test (Node): runs the built desktop entry, dist/electron/main.mjs, under plain Node with a
// recording stand-in for `electron` (test/e2e/electronStandIn/), so an import or wiring mistake in
// the desktop entry fails here instead of in a user's window. Needs `node scripts/build.mjs` first.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelNames } from "../../shared/contract";
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES } from "../../electron/appProtocol";
import { ipcChannelFor } from "../../electron/ipc";
import { CONTENT_SECURITY_POLICY, createMainWindowOptions } from "../../electron/window";
import { startMainUnderStandIn, type ExitReport, type RecordedCall, type StandInMain } from "./electronStandIn/runMain";

type CallResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: { kind: string; message: string } };
type Fetched = { status: number; headers: Record<string, string>; body: string };

describe("the built desktop entry under a stand-in Electron", () => {
  let userData: string;
  let main: StandInMain;
  let calls: RecordedCall[];
  const named = (api: string): RecordedCall[] => calls.filter((call) => call.api === api);

  beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), "dojo-desktop-main-"));
    main = await startMainUnderStandIn({ DOJO_STANDIN_USER_DATA: userData, HOME: userData });
    ({ calls } = await main.command<{ calls: RecordedCall[] }>("state"));
  });

  afterAll(() => {
    main?.kill();
    rmSync(userData, { recursive: true, force: true });
  });

  it("sandboxes every renderer and registers the app:// scheme before the app is ready", () => {
    expect(named("app.enableSandbox")).toEqual([{ api: "app.enableSandbox", ready: false }]);
    expect(named("protocol.registerSchemesAsPrivileged")).toEqual([
      { api: "protocol.registerSchemesAsPrivileged", ready: false, schemes: [APP_SCHEME_PRIVILEGES] },
    ]);
    expect(named("app.whenReady")).toHaveLength(1);
  });

  it("serves app:// once ready and hardens the session", () => {
    expect(named("protocol.handle")).toEqual([{ api: "protocol.handle", ready: true, scheme: "app" }]);
    for (const api of ["session.setPermissionRequestHandler", "session.setPermissionCheckHandler", "session.webRequest.onHeadersReceived"]) {
      expect(named(api), api).toHaveLength(1);
    }
  });

  it("starts the core: the simulator listens and a call reaches its handler", async () => {
    const { resources } = await main.command<{ resources: string[] }>("state");
    expect(resources).toContain("TCPServerWrap");
    const info = await main.command<CallResult>("invoke", { channel: ipcChannelFor("app.info"), input: {}, frameURL: APP_ENTRY_URL });
    expect(info).toMatchObject({ ok: true, value: { mode: "desktop", version: "0.1.0" } });
    expect(info.ok && String(info.value.simulatorURL)).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
  });

  it("registers every contract channel exactly once, and nothing else", () => {
    const registered = named("ipcMain.handle").map((call) => call.channel);
    expect(registered).toHaveLength(channelNames.length);
    expect([...registered].sort()).toEqual(channelNames.map(ipcChannelFor).sort());
  });

  it("answers only the app's own page: a file:// page gets a permission error", async () => {
    const built = `file://${resolve("dist/renderer/index.html")}`;
    const refused = await main.command<CallResult>("invoke", { channel: ipcChannelFor("app.info"), input: {}, frameURL: built });
    expect(refused).toMatchObject({ ok: false, error: { kind: "permission" } });
  });

  it("opens one window with the hardened options and the built preload, and loads it from app://", () => {
    const windows = named("new BrowserWindow");
    expect(windows).toHaveLength(1);
    expect(windows[0]!.options).toEqual(createMainWindowOptions({ preloadPath: resolve("dist/electron/preload.cjs") }));
    expect(existsSync(resolve("dist/electron/preload.cjs"))).toBe(true);
    expect(windows[0]!.options).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false },
    });
    expect(named("BrowserWindow.loadURL")).toEqual([{ api: "BrowserWindow.loadURL", ready: true, url: APP_ENTRY_URL }]);
    expect(named("BrowserWindow.loadFile")).toEqual([]);
  });

  it("serves the built page and its script through the app:// handler, with the CSP, and refuses traversal", async () => {
    const page = await main.command<Fetched>("request", { url: APP_ENTRY_URL, method: "GET" });
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(page.body).toContain('<div id="root"></div>');
    const script = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script, page.body).toBeTruthy();
    const asset = await main.command<Fetched>("request", { url: `app://prompt-dojo/${script}`, method: "GET", initiatorOrigin: "app://prompt-dojo" });
    expect(asset.status).toBe(200);
    expect(asset.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    const escape = await main.command<Fetched>("request", { url: "app://prompt-dojo/..%2f..%2fpackage.json", method: "GET" });
    expect(escape).toMatchObject({ status: 403, body: "" });
  });

  it("hardens the window's web contents: navigation away and new windows are denied", async () => {
    expect(await main.command("navigate", { event: "will-navigate", url: "https://evil.example/" })).toEqual({ prevented: true });
    expect(await main.command("navigate", { event: "will-navigate", url: `file://${resolve("dist/renderer/index.html")}` })).toEqual({ prevented: true });
    expect(await main.command("navigate", { event: "will-redirect", url: "https://evil.example/" })).toEqual({ prevented: true });
    expect(await main.command("navigate", { event: "will-navigate", url: APP_ENTRY_URL })).toEqual({ prevented: false });
    expect(await main.command("openWindow", { url: "https://platform.openai.com/docs" })).toEqual({ action: "deny" });
    expect(await main.command("openWindow", { url: "file:///etc/passwd" })).toEqual({ action: "deny" });
    const { calls: now } = await main.command<{ calls: RecordedCall[] }>("state");
    // Only the http(s) link went to the browser.
    expect(now.filter((call) => call.api === "shell.openExternal").map((call) => call.url)).toEqual(["https://platform.openai.com/docs"]);
    expect(now.filter((call) => call.api === "webContents.setWindowOpenHandler")).toHaveLength(1);
  });

  it("scrubs what the main process logs: a key-shaped string never reaches its output", async () => {
    const key = "sk-proj-StandInLogCanary0123456789";
    await main.command("log", { text: `could not open link: https://example.com/?key=${key} (marker-logged)` });
    for (let i = 0; i < 100 && !main.output().includes("marker-logged"); i++) await new Promise((r) => setTimeout(r, 20));
    expect(main.output()).toContain("could not open link: https://example.com/?key=[redacted] (marker-logged)");
    expect(main.output()).not.toContain("StandInLogCanary");
  });

  it("closes the core on quit before exiting: the first will-quit waits, the simulator is closed", async () => {
    await main.command("quit");
    const { code, report } = await main.exited;
    expect(code).toBe(0);
    const exit = report as ExitReport;
    const willQuit = exit.calls.filter((call) => call.api === "event:will-quit");
    expect(willQuit.map((call) => call.prevented)).toEqual([true, false]);
    expect(exit.calls.filter((call) => call.api === "app.quit")).toHaveLength(2);
    expect(exit.resources).not.toContain("TCPServerWrap");
    expect(exit.calls.filter((call) => call.api === "dialog.showErrorBox")).toEqual([]);
  });
});
