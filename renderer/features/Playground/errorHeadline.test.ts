import { describe, expect, it } from "vitest";
import { appError, ErrorKind } from "../../../shared/errors";
import { errorHeadline, formatSeconds } from "./errorHeadline";

describe("error headlines", () => {
  it("has a headline for every kind of error", () => {
    for (const kind of ErrorKind.options) {
      const headline = errorHeadline(appError(kind, "x"));
      expect(headline.title.length, kind).toBeGreaterThan(3);
      expect(headline.advice.length, kind).toBeGreaterThan(3);
    }
  });

  it("sends key problems to Settings", () => {
    expect(errorHeadline(appError("invalid_key", "Incorrect API key", { status: 401 }))).toMatchObject({
      title: "Invalid or missing API key",
      linkToSettings: true,
    });
  });

  it("says how long to wait when the server gave retry-after, and that it did not otherwise", () => {
    expect(errorHeadline(appError("rate_limited", "", { retryAfterSeconds: 20 })).advice).toContain("wait 20 seconds");
    expect(errorHeadline(appError("rate_limited", "", { retryAfterSeconds: 1 })).advice).toContain("wait 1 second ");
    expect(errorHeadline(appError("rate_limited", "")).advice).toContain("no retry-after");
  });

  it("tells a request too large for the tokens-per-minute limit from one that waiting fixes", () => {
    const headline = errorHeadline(appError("rate_limited", "Request too large for the rate limit (429): Request too large for sim-chat-1 on tokens per min (TPM): Limit 60, Requested 230."));
    expect(headline.title).toBe("Request too large for the rate limit");
    expect(headline.advice).toContain("retrying cannot help");
  });

  it("names the refused parameter of a bad request", () => {
    expect(errorHeadline(appError("bad_request", "", { param: "temperature" })).title).toBe('Bad request: the server refused "temperature"');
    expect(errorHeadline(appError("bad_request", "")).title).toBe("Bad request");
  });

  it("tells quota apart from rate limits and a missing model from other 404s", () => {
    expect(errorHeadline(appError("quota", "")).title).toBe("Out of quota");
    // A cap set in Prompt Dojo is the user's own budget, not the provider's quota or billing.
    const budget = errorHeadline(appError("quota", "", { code: "budget_exceeded" }));
    expect(budget.title).toBe("Over your budget in Prompt Dojo");
    expect(budget.advice).not.toMatch(/billing|quota/i);
    expect(errorHeadline(appError("not_found", "", { code: "model_not_found" })).title).toBe("Model not found");
    expect(errorHeadline(appError("not_found", "")).title).toBe("Not found");
  });

  it("formats seconds", () => {
    expect(formatSeconds(1.25)).toBe("1.3 seconds");
    expect(formatSeconds(0)).toBe("0 seconds");
  });
});
