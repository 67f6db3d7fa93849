// End-to-end: the defences of the real web host as `npm run web` starts it, probed with forged
// requests the way a hostile page or a DNS-rebinding attack would send them.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDataDir, removeDataDir, startApp, type RunningApp } from "./harness";

let app: RunningApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = makeDataDir();
  app = await startApp(dataDir);
});

afterAll(async () => {
  await app?.stop();
  removeDataDir(dataDir);
});

/** Sends a raw request so that Host and Origin can be forged (fetch would not allow it). */
function send(path: string, headers: Record<string, string>, method = "POST"): Promise<{ status: number; body: string }> {
  const url = new URL(app.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end(method === "POST" ? "{}" : undefined);
  });
}

describe("the web host refuses what is not the app's own page", () => {
  const json = { "content-type": "application/json" };

  it("answers a call with the right token, Host and Origin", async () => {
    const res = await send("/api/app.info", { ...json, "x-dojo-token": app.token, origin: app.origin });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).ok).toBe(true);
  });

  it("refuses a missing or wrong token", async () => {
    expect((await send("/api/app.info", json)).status).toBe(403);
    expect((await send("/api/app.info", { ...json, "x-dojo-token": app.token.replace(/.$/, (c) => (c === "A" ? "B" : "A")) })).status).toBe(403);
    expect((await send("/api/app.info", { ...json, "x-dojo-token": "short" })).status).toBe(403);
  });

  it("refuses a Host that is not loopback, even with the token (DNS rebinding)", async () => {
    const port = new URL(app.origin).port;
    expect((await send("/api/app.info", { ...json, "x-dojo-token": app.token, host: `evil.example:${port}` })).status).toBe(403);
    expect((await send("/", { host: `evil.example:${port}` }, "GET")).status).toBe(403);
  });

  it("refuses a cross-site Origin, even with the token", async () => {
    const res = await send("/api/app.info", { ...json, "x-dojo-token": app.token, origin: "http://evil.example" });
    expect(res.status).toBe(403);
  });

  it("serves the page with a strict Content-Security-Policy", async () => {
    const url = new URL(app.origin);
    const csp = await new Promise<string>((resolve, reject) => {
      request({ host: url.hostname, port: url.port, path: "/", method: "GET" }, (res) => {
        res.resume();
        resolve(String(res.headers["content-security-policy"] ?? ""));
      }).on("error", reject).end();
    });
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });
});
