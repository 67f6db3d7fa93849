// Tests: the SDK client factory: which key is sent, attempt counting, quota 429s not retried.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DojoError } from "../errors";
import { apiKeyFor, connectionSecrets, NO_KEY_PLACEHOLDER, createCountingClient, observedBy, scrubbedResponse, withQuotaNotRetried, type Connection, type ObservedAttempt } from "./openaiClient";

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

function connection(baseURL: string, apiKey: string | null): Connection {
  return { provider: { profileId: "work", profileName: "Work", kind: "openai", baseURL }, baseURL, apiKey };
}

/** A server answering every request with `status` and `body`; records the Authorization headers. */
async function server(status: number, body: object) {
  const auth: (string | undefined)[] = [];
  const srv = createServer((req, res) => {
    auth.push(req.headers.authorization);
    res.writeHead(status, { "content-type": "application/json", "retry-after-ms": "0" });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  closers.push(() => srv.close());
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/v1`, auth };
}

const rateLimit = (code: string) => ({ error: { message: "429 says no", type: code, param: null, code } });

describe("apiKeyFor", () => {
  it("returns the connection's key, or says how to add one", () => {
    expect(apiKeyFor(connection("", "sk-abc"))).toBe("sk-abc");
    expect(() => apiKeyFor(connection("", null))).toThrow(DojoError);
    expect(() => apiKeyFor(connection("", null))).toThrow(
      "No API key is set for profile Work: add one in Settings or set OPENAI_API_KEY.",
    );
  });

  it("sends a placeholder to a compatible server with no key, since local servers need none", () => {
    const local = connection("", null);
    expect(apiKeyFor({ ...local, provider: { ...local.provider, kind: "compatible" } })).toBe(NO_KEY_PLACEHOLDER);
  });
});

describe("connectionSecrets", () => {
  it("treats a profile's key as a secret but not the simulator's placeholder", () => {
    expect(connectionSecrets(connection("", "sk-abc-123456789"))).toEqual(["sk-abc-123456789"]);
    expect(connectionSecrets(connection("", null))).toEqual([]);
    const sim = connection("", "simulator-no-key");
    expect(connectionSecrets({ ...sim, provider: { ...sim.provider, kind: "simulator" } })).toEqual([]);
  });
});

describe("createCountingClient", () => {
  it("sends the key as a bearer token to the base URL and counts each retry as an attempt", async () => {
    const { url, auth } = await server(429, rateLimit("rate_limit_exceeded"));
    const { client, attempts } = createCountingClient(connection(url, "sk-test-key-123"), { maxRetries: 2 });
    await expect(client.models.list()).rejects.toMatchObject({ status: 429 });
    expect(attempts()).toBe(3);
    expect(auth).toEqual(["Bearer sk-test-key-123", "Bearer sk-test-key-123", "Bearer sk-test-key-123"]);
  });

  it("does not retry a 429 that says insufficient_quota", async () => {
    const { url } = await server(429, rateLimit("insufficient_quota"));
    const { client, attempts } = createCountingClient(connection(url, "sk-test-key-123"), { maxRetries: 2 });
    await expect(client.models.list()).rejects.toMatchObject({ status: 429, code: "insufficient_quota" });
    expect(attempts()).toBe(1);
  });
});

describe("observedBy", () => {
  it("tells each call of a shared client about its own attempts only, retries included", async () => {
    const { url } = await server(429, rateLimit("rate_limit_exceeded"));
    const forClient: ObservedAttempt[] = [];
    const { client } = createCountingClient(connection(url, "sk-test-key-123"), { maxRetries: 1 }, (a) => forClient.push(a));
    const seenA: ObservedAttempt[] = [];
    const seenB: ObservedAttempt[] = [];
    await Promise.all([
      expect(client.models.retrieve("model-a", observedBy((a) => seenA.push(a)))).rejects.toMatchObject({ status: 429 }),
      expect(client.models.retrieve("model-b", observedBy((a) => seenB.push(a)))).rejects.toMatchObject({ status: 429 }),
    ]);
    expect(seenA.map((a) => [a.url.split("/").at(-1), a.status])).toEqual([["model-a", 429], ["model-a", 429]]);
    expect(seenB.map((a) => [a.url.split("/").at(-1), a.status])).toEqual([["model-b", 429], ["model-b", 429]]);
    expect(seenA[0]?.requestHeaders.authorization).not.toContain("sk-test-key-123");
    // The client's own observer hears only calls that bring none.
    expect(forClient).toEqual([]);
  });
});

describe("withQuotaNotRetried", () => {
  it("marks only quota 429s, keeping status, headers and body", async () => {
    const quota = await withQuotaNotRetried(
      new Response(JSON.stringify(rateLimit("insufficient_quota")), { status: 429, headers: { "x-request-id": "req_1" } }),
    );
    expect(quota.status).toBe(429);
    expect(quota.headers.get("x-should-retry")).toBe("false");
    expect(quota.headers.get("x-request-id")).toBe("req_1");
    expect(await quota.json()).toEqual(rateLimit("insufficient_quota"));
    const limited = await withQuotaNotRetried(new Response(JSON.stringify(rateLimit("rate_limit_exceeded")), { status: 429 }));
    expect(limited.headers.get("x-should-retry")).toBeNull();
    const ok = new Response("{}", { status: 200 });
    expect(await withQuotaNotRetried(ok)).toBe(ok);
  });
});

describe("scrubbedResponse", () => {
  const KEY = "sk-proj-IngressKeyAbCdEf0123456789";

  it("removes the connection's key from every header and from a JSON body, keeping the status", async () => {
    const echoed = new Response(JSON.stringify({ id: `req_${KEY}`, note: `tail ${KEY.slice(-9)}`, n: 1 }), { status: 400, headers: { "content-type": "application/json", "x-request-id": `req_${KEY}`, "x-echo": KEY } });
    const clean = await scrubbedResponse(echoed, [KEY]);
    expect(clean.status).toBe(400);
    expect(clean.headers.get("x-request-id")).toBe("req_[redacted]");
    expect(clean.headers.get("x-echo")).toBe("[redacted]");
    expect(await clean.json()).toEqual({ id: "req_[redacted]", note: "tail [redacted]", n: 1 });
  });

  it("keeps a clean response as it is, and leaves a streamed body to the relay", async () => {
    const plain = new Response("{}", { headers: { "content-type": "image/png" } });
    expect(await scrubbedResponse(plain, [KEY])).toBe(plain);
    const stream = await scrubbedResponse(new Response(`data: {"k":"${KEY}"}\n\n`, { headers: { "content-type": "text/event-stream", "x-echo": KEY } }), [KEY]);
    expect(stream.headers.get("x-echo")).toBe("[redacted]");
    expect(await stream.text()).toContain(KEY);
  });

  it("scrubs what the SDK gives back: an error message and the request id", async () => {
    const srv = createServer((_req, res) => {
      res.writeHead(401, { "content-type": "application/json", "x-request-id": `req_${KEY}` });
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}.`, type: "invalid_request_error", param: null, code: "invalid_api_key" } }));
    });
    await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
    closers.push(() => srv.close());
    const { client } = createCountingClient(connection(`http://127.0.0.1:${(srv.address() as AddressInfo).port}/v1`, KEY), { maxRetries: 0 });
    const err = (await client.models.list().catch((e: unknown) => e)) as { message: string; requestID: string };
    expect(err.message).toContain("Incorrect API key provided: [redacted].");
    expect(err.requestID).toBe("req_[redacted]");
  });
});
