// Tests: the process's list of known secrets: sources come and go, OPENAI_API_KEY counts, a failing source is skipped.
import { afterEach, describe, expect, it } from "vitest";
import { addSecretSource, knownSecrets, scrubText, scrubValue } from "./knownSecrets";

const saved = process.env.OPENAI_API_KEY;
afterEach(() => {
  if (saved === undefined) delete process.env.OPENAI_API_KEY;
  else process.env.OPENAI_API_KEY = saved;
});

describe("knownSecrets", () => {
  it("joins every source and OPENAI_API_KEY, and forgets a source once removed", () => {
    process.env.OPENAI_API_KEY = "sk-env-KnownSecretTest0000001";
    const remove = addSecretSource(() => ["profile-key-0123456789", "profile-key-0123456789"]);
    const failing = addSecretSource(() => {
      throw new Error("keychain locked");
    });
    expect(knownSecrets(["extra-key-9876543210"])).toEqual(["extra-key-9876543210", "profile-key-0123456789", "sk-env-KnownSecretTest0000001"]);
    expect(scrubText("a profile-key-0123456789 b")).toBe("a [redacted] b");
    expect(scrubValue({ v: ["x KnownSecretTest y"] })).toEqual({ v: ["x [redacted] y"] });
    remove();
    failing();
    delete process.env.OPENAI_API_KEY;
    expect(knownSecrets()).toEqual([]);
    expect(scrubText("a profile-key-0123456789 b")).toBe("a profile-key-0123456789 b");
  });
});
