// Tests: mapping errors the openai SDK throws (built with its own constructors) to AppErrors.
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "openai";
import { AppError } from "../../shared/errors";
import { DojoError } from "../errors";
import { mapApiError, retryAfterSeconds, StreamReadError, type ErrorContext } from "./errorMap";

const KEY = "sk-proj-A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6";
const ctx: ErrorContext = { secrets: [KEY], phase: "request", profileName: "Work", attempts: 1, requestTimeoutMs: 60_000 };

function body(message: string, extra: { type?: string; param?: string | null; code?: string | null } = {}) {
  return { message, type: extra.type ?? "invalid_request_error", param: extra.param ?? null, code: extra.code ?? null };
}
function headers(values: Record<string, string> = {}) {
  return new Headers({ "x-request-id": "req_123", ...values });
}
function map(err: unknown, over: Partial<ErrorContext> = {}): AppError {
  // Every mapped error must be a valid AppError: it crosses to the renderer as is.
  return AppError.parse(mapApiError(err, { ...ctx, ...over }));
}

describe("mapApiError", () => {
  it("maps a 401 to invalid_key, says where to fix it, and redacts the echoed key fragment", () => {
    // OpenAI echoes part of the key, starred in the middle.
    const echoed = `Incorrect API key provided: ${KEY.slice(0, 12)}**********${KEY.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`;
    const err = new AuthenticationError(401, body(echoed, { code: "invalid_api_key" }), undefined, headers());
    const mapped = map(err);
    expect(mapped).toMatchObject({ kind: "invalid_key", status: 401, code: "invalid_api_key", requestId: "req_123" });
    expect(mapped.message).toContain("Check the key for profile Work in Settings");
    expect(mapped.message).not.toContain(KEY.slice(0, 12));
    expect(mapped.message).not.toContain("A1b2C3d4");
    expect(mapped.message).toContain("[redacted]");
  });

  it("redacts a key the server echoes whole, even when it is not shaped like an OpenAI key", () => {
    const odd = "local-token-0123456789abcdef";
    const err = new AuthenticationError(401, body(`Key ${odd} is not valid`), undefined, headers());
    expect(map(err, { secrets: [odd] }).message).not.toContain("0123456789");
  });

  it("maps 403 to permission and 404 to not_found with a hint for unknown models", () => {
    expect(map(new PermissionDeniedError(403, body("You are not allowed to sample from this model"), undefined, headers()))).toMatchObject({
      kind: "permission",
      status: 403,
    });
    const nf = map(new NotFoundError(404, body("The model `gpt-9` does not exist", { code: "model_not_found" }), undefined, headers()));
    expect(nf).toMatchObject({ kind: "not_found", status: 404, code: "model_not_found" });
    expect(nf.message).toContain("The model `gpt-9` does not exist");
    expect(nf.message).toContain("Pick a model the server lists");
  });

  it("maps 400 and 422 to bad_request naming the parameter", () => {
    const bad = map(
      new BadRequestError(400, body("-1 is less than the minimum of 0 - 'temperature'", { param: "temperature", code: "decimal_below_min_value" }), undefined, headers()),
    );
    expect(bad).toMatchObject({ kind: "bad_request", status: 400, param: "temperature", code: "decimal_below_min_value" });
    expect(bad.message).toContain('Fix the "temperature" parameter');
    expect(map(new UnprocessableEntityError(422, body("Unprocessable", { param: "messages" }), undefined, headers()))).toMatchObject({
      kind: "bad_request",
      status: 422,
      param: "messages",
    });
  });

  it("maps a 429 to rate_limited with the wait from retry-after, and says how many attempts were made", () => {
    const err = new RateLimitError(429, body("Rate limit reached for requests", { type: "requests", code: "rate_limit_exceeded" }), undefined, headers({ "retry-after": "7" }));
    const mapped = map(err, { attempts: 3 });
    expect(mapped).toMatchObject({ kind: "rate_limited", status: 429, retryAfterSeconds: 7, code: "rate_limit_exceeded" });
    expect(mapped.message).toContain("after 3 attempts");
    expect(mapped.message).toContain("Wait 7 s");
  });

  it("prefers retry-after-ms, reads HTTP dates, and says when the server gave no wait", () => {
    expect(retryAfterSeconds(new Headers({ "retry-after-ms": "1500", "retry-after": "9" }))).toBe(1.5);
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(retryAfterSeconds(new Headers({ "retry-after": "Wed, 01 Jan 2025 00:00:20 GMT" }), now)).toBe(20);
    expect(retryAfterSeconds(new Headers())).toBeNull();
    const mapped = map(new RateLimitError(429, body("Slow down"), undefined, headers()));
    expect(mapped.retryAfterSeconds).toBeNull();
    expect(mapped.message).toContain("did not say how long");
  });

  it("maps insufficient_quota to quota, pointing at billing", () => {
    const err = new RateLimitError(429, body("You exceeded your current quota", { type: "insufficient_quota", code: "insufficient_quota" }), undefined, headers({ "retry-after": "1" }));
    const mapped = map(err);
    expect(mapped).toMatchObject({ kind: "quota", status: 429, code: "insufficient_quota" });
    expect(mapped.message).toContain("billing");
  });

  it("maps 5xx to server, keeping a 503's retry-after", () => {
    expect(map(new InternalServerError(500, body("The server had an error"), undefined, headers()))).toMatchObject({ kind: "server", status: 500 });
    const unavailable = map(new InternalServerError(503, body("Overloaded"), undefined, headers({ "retry-after": "2" })));
    expect(unavailable).toMatchObject({ kind: "server", status: 503, retryAfterSeconds: 2 });
    expect(unavailable.message).toContain("Wait 2 s");
    // A status the SDK has no class for still lands on the right kind.
    expect(map(APIError.generate(502, { error: body("Bad gateway") }, undefined, headers()))).toMatchObject({ kind: "server", status: 502 });
  });

  it("maps timeouts and connection failures, saying how long was waited", () => {
    const timeout = map(new APIConnectionTimeoutError(), { attempts: 3, requestTimeoutMs: 2500 });
    expect(timeout.kind).toBe("timeout");
    expect(timeout.message).toContain("within 2.5 s after 3 attempts");
    const refused = new Error("connect ECONNREFUSED 127.0.0.1:9");
    const network = map(new APIConnectionError({ message: "Connection error.", cause: Object.assign(new TypeError("fetch failed"), { cause: refused }) }));
    expect(network.kind).toBe("network");
    expect(network.message).toContain("ECONNREFUSED");
    expect(network.message).toContain("base URL");
  });

  it("maps errors while reading a stream: malformed chunk, dropped connection, error event", () => {
    const malformed = map(new StreamReadError(new SyntaxError("Unexpected token 'o'")), { phase: "stream", requestId: "req_9" });
    expect(malformed).toMatchObject({ kind: "network", requestId: "req_9" });
    expect(malformed.message).toContain("the server sent a malformed stream chunk");
    const dropped = map(new StreamReadError(new TypeError("terminated", { cause: new Error("other side closed") })), { phase: "stream" });
    expect(dropped.kind).toBe("network");
    expect(dropped.message).toContain("terminated: other side closed");
    const inStream = map(new StreamReadError(new APIError(undefined, body("model overloaded", { code: "server_error" }), undefined, undefined)), {
      phase: "stream",
      requestId: "req_5",
    });
    expect(inStream).toMatchObject({ kind: "server", status: null, code: "server_error", requestId: "req_5" });
  });

  it("passes DojoErrors through, treats aborts as cancelled and anything else as internal, all redacted", () => {
    expect(map(new DojoError("invalid_key", "No API key is set for profile Work"))).toMatchObject({ kind: "invalid_key" });
    expect(map(new APIUserAbortError()).kind).toBe("cancelled");
    const internal = map(new TypeError(`cannot read x of undefined near ${KEY}`));
    expect(internal.kind).toBe("internal");
    expect(internal.message).not.toContain(KEY);
  });
});
