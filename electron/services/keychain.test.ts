// Tests (main process): how the OS keychain fails when no keychain answers. Working keychains are
// tested against a real Secret Service in test/integration/keychain.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DojoError } from "../errors";
import { createOsKeychain, keychainUnavailable } from "./keychain";

describe("keychainUnavailable", () => {
  it("says what failed, why, and how to use OPENAI_API_KEY instead", () => {
    const err = keychainUnavailable("save the key in the keychain", new Error("the collection is locked"));
    expect(err).toBeInstanceOf(DojoError);
    expect(err.error.kind).toBe("keychain_unavailable");
    expect(err.message).toMatch(/^Could not save the key in the keychain\. The OS keychain is not available \(the collection is locked\)\./);
    expect(err.message).toContain("OPENAI_API_KEY=");
    expect(err.message).toContain("never stores API keys in plain files");
  });

  it("removes the key from the cause it quotes", () => {
    const key = "sk-proj-abcdefghijklmnop1234";
    const err = keychainUnavailable("save the key in the keychain", new Error(`refused secret ${key}`), [key]);
    expect(err.message).not.toContain("abcdefghijklmnop");
    expect(err.message).toContain("[redacted]");
  });
});

// Pointing the session bus at a socket that does not exist is what a headless Linux box looks like.
// (Elsewhere there is no D-Bus to take away, and this would reach the user's real keychain.)
describe.runIf(process.platform === "linux")("the OS keychain with no Secret Service (Linux)", () => {
  const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
  beforeAll(() => {
    process.env.DBUS_SESSION_BUS_ADDRESS = "unix:path=/nonexistent/prompt-dojo-test-bus";
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
  });

  const keychain = createOsKeychain("prompt-dojo-unit-test");

  it("reports itself unavailable at start, with the reason and the alternative", async () => {
    const state = await keychain.probe();
    expect(state.available).toBe(false);
    expect(state.problem).toMatch(/^The OS keychain is not available \(.*prompt-dojo-test-bus.*\)/);
    expect(state.problem).toContain("OPENAI_API_KEY");
  });

  it("refuses to store a key rather than fall back to anything else", async () => {
    const key = "sk-test-nowhere-to-go-0000";
    const failure = await keychain.set("work", key).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(DojoError);
    expect((failure as DojoError).error.kind).toBe("keychain_unavailable");
    expect((failure as DojoError).message).not.toContain(key);
    // Not kept anywhere else either (e.g. the kernel keyring keyring-rs would fall back to).
    await expect(keychain.get("work")).rejects.toMatchObject({ error: { kind: "keychain_unavailable" } });
  });

  it("fails deletes the same way", async () => {
    await expect(keychain.delete("work")).rejects.toMatchObject({ error: { kind: "keychain_unavailable" } });
  });
});
