// Tests (main process): the app:// scheme: its privileges, URL -> file mapping with traversal
// refused, and the handler's responses over a real folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  resolveAppRequest,
  type AppRequestLike,
} from "./appProtocol";
import { CONTENT_SECURITY_POLICY } from "./window";

const ROOT = resolve("/opt/Prompt Dojo/resources/app.asar/dist/renderer");
const get = (url: string, extra: Partial<AppRequestLike> = {}): AppRequestLike => ({ url, method: "GET", ...extra });

describe("the app:// scheme", () => {
  it("is one origin, and the window's entry page is on it", () => {
    expect(APP_SCHEME).toBe("app");
    expect(APP_ORIGIN).toBe("app://prompt-dojo");
    expect(APP_ENTRY_URL).toBe("app://prompt-dojo/index.html");
  });

  it("is standard and secure with fetch, and never bypasses the CSP or allows service workers", () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: "app",
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    });
    const privileges: Record<string, unknown> = APP_SCHEME_PRIVILEGES.privileges;
    expect(privileges.bypassCSP).toBeUndefined();
    expect(privileges.allowServiceWorkers).toBeUndefined();
  });
});

describe("resolveAppRequest", () => {
  it("maps the entry page, the root and assets to files inside the renderer folder", () => {
    expect(resolveAppRequest(get(APP_ENTRY_URL), ROOT)).toEqual({
      kind: "file",
      path: join(ROOT, "index.html"),
      contentType: "text/html; charset=utf-8",
    });
    expect(resolveAppRequest(get("app://prompt-dojo/"), ROOT)).toMatchObject({ path: join(ROOT, "index.html") });
    expect(resolveAppRequest(get("app://prompt-dojo"), ROOT)).toMatchObject({ path: join(ROOT, "index.html") });
    expect(resolveAppRequest(get("app://prompt-dojo/assets/index-Ab12.js?v=1#x"), ROOT)).toEqual({
      kind: "file",
      path: join(ROOT, "assets", "index-Ab12.js"),
      contentType: "text/javascript; charset=utf-8",
    });
    expect(resolveAppRequest(get("app://prompt-dojo/assets/codicon-X.ttf"), ROOT)).toMatchObject({ contentType: "font/ttf" });
    expect(resolveAppRequest(get("app://prompt-dojo/assets/a%20b.css"), ROOT)).toMatchObject({ path: join(ROOT, "assets", "a b.css") });
    expect(resolveAppRequest(get("app://prompt-dojo/blob.bin"), ROOT)).toMatchObject({ contentType: "application/octet-stream" });
  });

  it("never leaves the renderer folder, however the path is spelled", () => {
    const escapes = [
      "app://prompt-dojo/..%2f..%2f..%2fetc/passwd",
      "app://prompt-dojo/assets/..%2F..%2Fmain.mjs",
      "app://prompt-dojo/..%5c..%5csecret",
      "app://prompt-dojo/assets%2f..%2f..%2fx",
      "app://prompt-dojo/%2e%2e%2f%2e%2e%2fetc/passwd",
      "app://prompt-dojo/a\\..\\..\\etc",
      "app://prompt-dojo//etc/passwd",
      "app://prompt-dojo/C:%5cWindows%5cwin.ini",
      "app://prompt-dojo/D:/x",
      "app://prompt-dojo/index.html%00.png",
      "app://prompt-dojo/%E0%A4%A",
    ];
    for (const url of escapes) {
      const target = resolveAppRequest(get(url), ROOT);
      expect(target, url).toMatchObject({ kind: "refuse", status: 403 });
    }
    // Plain and %2e dot segments are removed by the URL parser itself and stay inside.
    for (const url of ["app://prompt-dojo/../../../etc/passwd", "app://prompt-dojo/%2e%2e/%2e%2e/etc/passwd"]) {
      expect(resolveAppRequest(get(url), ROOT)).toMatchObject({ kind: "file", path: join(ROOT, "etc", "passwd") });
    }
  });

  it("serves only its own host, without credentials", () => {
    for (const url of ["app://other/index.html", "app://prompt-dojo:8080/index.html", "app://me:pw@prompt-dojo/index.html", "file:///etc/passwd", "https://prompt-dojo/index.html"]) {
      expect(resolveAppRequest(get(url), ROOT), url).toMatchObject({ kind: "refuse", status: 404 });
    }
    expect(resolveAppRequest(get("not a url"), ROOT)).toMatchObject({ kind: "refuse", status: 400 });
  });

  it("answers only GET and HEAD, and only to the browser or its own origin", () => {
    expect(resolveAppRequest({ url: APP_ENTRY_URL, method: "POST" }, ROOT)).toMatchObject({ kind: "refuse", status: 405 });
    expect(resolveAppRequest({ url: APP_ENTRY_URL, method: "HEAD" }, ROOT)).toMatchObject({ kind: "file" });
    expect(resolveAppRequest(get(APP_ENTRY_URL, { initiatorOrigin: APP_ORIGIN }), ROOT)).toMatchObject({ kind: "file" });
    for (const initiatorOrigin of ["https://evil.example", "null", "file://", null]) {
      expect(resolveAppRequest(get(APP_ENTRY_URL, { initiatorOrigin }), ROOT)).toMatchObject({ kind: "refuse", status: 403 });
    }
  });
});

describe("createAppProtocolHandler", () => {
  const dir = mkdtempSync(join(tmpdir(), "dojo-app-protocol-"));
  const renderer = join(dir, "renderer");
  mkdirSync(join(renderer, "assets"), { recursive: true });
  writeFileSync(join(renderer, "index.html"), "<!doctype html><title>Dojo</title>");
  writeFileSync(join(renderer, "assets", "main.js"), "console.log(1)");
  writeFileSync(join(dir, "secret.txt"), "outside");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const handler = createAppProtocolHandler({ rendererDir: renderer, readFile });

  it("serves the page with its type, the CSP and nosniff", async () => {
    const response = await handler(get(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<!doctype html><title>Dojo</title>");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const script = await handler(get("app://prompt-dojo/assets/main.js"));
    expect(await script.text()).toBe("console.log(1)");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  });

  it("answers HEAD without a body", async () => {
    const response = await handler({ url: APP_ENTRY_URL, method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe("34");
    expect(await response.text()).toBe("");
  });

  it("gives 404 for a missing file or a folder, and never reads beside the folder", async () => {
    expect((await handler(get("app://prompt-dojo/nope.js"))).status).toBe(404);
    expect((await handler(get("app://prompt-dojo/assets"))).status).toBe(404);
    const escape = await handler(get("app://prompt-dojo/..%2fsecret.txt"));
    expect(escape.status).toBe(403);
    expect(await escape.text()).toBe("");
    expect(escape.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
  });
});
