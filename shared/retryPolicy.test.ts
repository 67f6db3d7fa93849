// Tests: the retry policy sentence the UI shows.
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, describeRetryPolicy } from "./retryPolicy";

describe("describeRetryPolicy", () => {
  it("states the default retries and both timeouts", () => {
    const text = describeRetryPolicy();
    expect(text).toContain("retried up to 2 times");
    expect(text).toContain("429");
    expect(text).toContain("never an out-of-quota 429");
    expect(text).toContain("or a request larger than the whole tokens-per-minute limit");
    expect(text).toContain("at most 60 s");
    expect(text).toContain("nothing for 30 s");
  });

  it("follows the policy it is given, with singular and no-retry wording", () => {
    expect(describeRetryPolicy({ maxRetries: 1, requestTimeoutMs: 1500, idleTimeoutMs: 500 })).toMatch(
      /retried up to 1 time \(.*at most 1\.5 s.*nothing for 0\.5 s/,
    );
    expect(describeRetryPolicy({ ...DEFAULT_RETRY_POLICY, maxRetries: 0 })).toMatch(/^Failed requests are not retried;/);
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(DEFAULT_RETRY_POLICY)).toBe(true);
  });
});
