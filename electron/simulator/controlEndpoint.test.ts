// Tests (simulator): the control endpoint refuses what a cross-site page could send: a forged Host,
// a foreign Origin, a text/plain body; the app's own JSON calls still work. Over-deep bodies are 400s.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NORMAL_BEHAVIOUR } from "../../shared/contracts/reliability";
import { BEHAVIOUR_PATH } from "./behaviour";
import { startSimulator, type RunningSimulator } from "./server";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

/** One raw request to the control endpoint; Host is ours unless the test forges it. */
function control(options: { method: string; headers?: Record<string, string>; body?: string; path?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: sim.port, method: options.method, path: options.path ?? BEHAVIOUR_PATH, headers: { host: `127.0.0.1:${sim.port}`, ...options.headers } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const serverError = JSON.stringify({ ...NORMAL_BEHAVIOUR, failure: "server_error", remaining: null });
const currentFailure = async () => (JSON.parse((await control({ method: "GET" })).body) as { failure: string }).failure;

describe("the simulator's control endpoint", () => {
  it("refuses a cross-site text/plain POST with a forged Host, changing nothing", async () => {
    const forged = await control({ method: "POST", headers: { host: "evil.example", origin: "https://evil.example", "content-type": "text/plain" }, body: serverError });
    expect(forged.status).toBe(403);
    expect(await currentFailure()).toBe("none");
  });

  it("refuses a foreign Origin even with our Host", async () => {
    const res = await control({ method: "POST", headers: { origin: "https://evil.example", "content-type": "application/json" }, body: serverError });
    expect(res.status).toBe(403);
    const del = await control({ method: "DELETE", headers: { host: `rebound.example:${sim.port}` } });
    expect(del.status).toBe(403);
    expect(await currentFailure()).toBe("none");
  });

  it("takes JSON only: text/plain and forms are refused with 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", ""]) {
      const res = await control({ method: "POST", headers: type ? { "content-type": type } : {}, body: serverError });
      expect(res.status).toBe(415);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: "unsupported_media_type" } });
    }
    expect(await currentFailure()).toBe("none");
  });

  it("still takes the app's own JSON call, charset and localhost included", async () => {
    const res = await control({ method: "POST", headers: { host: `localhost:${sim.port}`, "content-type": "application/json; charset=utf-8" }, body: serverError });
    expect(res.status).toBe(200);
    expect(await currentFailure()).toBe("server_error");
    expect((await control({ method: "DELETE" })).status).toBe(200);
    expect(await currentFailure()).toBe("none");
  });
});

describe("bodies nested 10,000 deep", () => {
  it("are refused as unparsable JSON (400), never a 500, on the API and the control endpoint", async () => {
    const deep = '{"model":"sim-chat-1","messages":[{"role":"user","content":"hi"}],"metadata":' + '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000) + "}";
    for (const path of ["/v1/chat/completions", "/v1/embeddings", BEHAVIOUR_PATH]) {
      const res = await control({ method: "POST", path, headers: { "content-type": "application/json" }, body: deep });
      expect([path, res.status]).toEqual([path, 400]);
    }
    expect(await currentFailure()).toBe("none");
  });
});
