// Tests (Node, integration): keys through a REAL Secret Service (no mocks). Run only inside the
// throwaway keyring: bash scripts/with-keyring.sh npx vitest run --project unit test/integration/keychain.test.ts
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOsKeychain } from "../../electron/services/keychain";
import { createProfileService } from "../../electron/services/profiles";
import { openTestSettingsStore } from "../fixtures/settingsStore";

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, "../..");
const tsx = join(repo, "node_modules/.bin/tsx");
// One service name per run, so nothing here can meet another run's entries.
const SERVICE = `prompt-dojo-test-${process.pid}`;

beforeAll(() => {
  // Failing (not skipping) keeps a run outside the throwaway keyring from looking like a pass, and
  // keeps these tests away from a developer's real keychain.
  if (process.env.DOJO_KEYRING !== "1") {
    throw new Error(
      "This test needs a real, throwaway Secret Service. Run it as: " +
        "bash scripts/with-keyring.sh npx vitest run --project unit test/integration/keychain.test.ts",
    );
  }
});

/** Reads an entry from a separate Node process, so the key is known to live in the OS keychain. */
async function readFromAnotherProcess(account: string): Promise<string | null> {
  const code = `import { AsyncEntry } from "@napi-rs/keyring";
const value = await new AsyncEntry(${JSON.stringify(SERVICE)}, ${JSON.stringify(account)}, { linux: { store: "secret-service" } }).getPassword();
process.stdout.write(JSON.stringify(value));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", code], { cwd: repo });
  return JSON.parse(stdout) as string | null;
}

describe("createOsKeychain against a real Secret Service", () => {
  const keychain = createOsKeychain(SERVICE);

  it("reports itself available", async () => {
    expect(await keychain.probe()).toEqual({ available: true, problem: null });
  });

  it("sets, reads, replaces and deletes a key", async () => {
    expect(await keychain.get("acct")).toBeNull();
    await keychain.set("acct", "sk-first-000000000000aaaa");
    expect(await keychain.get("acct")).toBe("sk-first-000000000000aaaa");
    expect(await readFromAnotherProcess("acct")).toBe("sk-first-000000000000aaaa");
    await keychain.set("acct", "sk-second-00000000000bbbb");
    expect(await keychain.get("acct")).toBe("sk-second-00000000000bbbb");
    await keychain.delete("acct");
    expect(await keychain.get("acct")).toBeNull();
    expect(await readFromAnotherProcess("acct")).toBeNull();
  });

  it("keeps accounts apart and treats deleting a missing key as done", async () => {
    await keychain.set("one", "sk-one-0000000000000001");
    await keychain.set("two", "sk-two-0000000000000002");
    expect(await keychain.get("one")).toBe("sk-one-0000000000000001");
    await keychain.delete("one");
    await keychain.delete("one");
    expect(await keychain.get("two")).toBe("sk-two-0000000000000002");
    await keychain.delete("two");
  });
});

describe("the profile service over the real keychain", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "dojo-keychain-it-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const service = () =>
    createProfileService({ store: openTestSettingsStore(dir), keychain: createOsKeychain(SERVICE), env: {}, simulatorURL: () => "http://127.0.0.1:1/v1" });

  it("keeps a key across restarts in the keychain, never in the settings file, and deletes it with the profile", async () => {
    const key = "sk-proj-integration-0000000000cdef";
    const first = service();
    await first.save({ id: "work", name: "Work", kind: "openai", baseURL: "", defaultModel: "gpt-4o-mini" });
    expect(await first.setKey("work", key)).toEqual({ hasKey: true, hint: "sk-...cdef", source: "keychain" });

    // A new service instance knows nothing in memory: the key must come from the Secret Service.
    const second = service();
    expect((await second.list()).profiles[1]!.key).toEqual({ hasKey: true, hint: "sk-...cdef", source: "keychain" });
    expect((await second.resolveConnection("work")).apiKey).toBe(key);
    expect(second.knownSecrets()).toContain(key);
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name), "utf8")).not.toContain("integration-0000");

    const replaced = "sk-proj-replacement-000000000009876";
    expect((await second.setKey("work", replaced)).hint).toBe("sk-...9876");
    expect(await readFromAnotherProcess("work")).toBe(replaced);

    expect(await second.clearKey("work")).toEqual({ hasKey: false, hint: "", source: "none" });
    expect(await readFromAnotherProcess("work")).toBeNull();

    await second.setKey("work", key);
    await second.remove("work");
    expect(await readFromAnotherProcess("work")).toBeNull();
    expect((await service().list()).profiles.map((p) => p.id)).toEqual(["simulator"]);
  });
});

describe("with no Secret Service", () => {
  it("fails setKey with keychain_unavailable and says how to use OPENAI_API_KEY", async () => {
    // A child process whose session bus points at a socket that does not exist: a headless Linux box.
    const code = `
import { createOsKeychain } from "./electron/services/keychain.ts";
import { createProfileService } from "./electron/services/profiles.ts";
import { createSettingsStore } from "./electron/services/settingsStore.ts";
let data = {};
const conf = { get store() { return data; }, set store(v) { data = v; }, path: "/nonexistent/settings.json" };
const keychain = createOsKeychain(${JSON.stringify(SERVICE)});
const profiles = createProfileService({ store: createSettingsStore(conf), keychain, env: {}, simulatorURL: () => "" });
await profiles.save({ id: "work", name: "Work", kind: "openai", baseURL: "", defaultModel: "" });
const probe = await keychain.probe();
let failure = null;
try { await profiles.setKey("work", "sk-headless-000000000000"); } catch (err) { failure = err.error ?? { message: String(err) }; }
process.stdout.write(JSON.stringify({ probe, failure, stored: JSON.stringify(data) }));`;
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: "unix:path=/nonexistent/dojo-no-bus" };
    delete env.OPENAI_API_KEY;
    const { stdout } = await run(tsx, ["--input-type=module", "-e", code], { cwd: repo, env });
    const { probe, failure, stored } = JSON.parse(stdout) as {
      probe: { available: boolean; problem: string | null };
      failure: { kind: string; message: string } | null;
      stored: string;
    };
    expect(probe.available).toBe(false);
    expect(probe.problem).toContain("dojo-no-bus");
    expect(failure?.kind).toBe("keychain_unavailable");
    expect(failure?.message).toMatch(/^Could not save the key in the keychain\. The OS keychain is not available \(/);
    expect(failure?.message).toContain("OPENAI_API_KEY=");
    expect(failure?.message).not.toContain("sk-headless");
    expect(stored).not.toContain("sk-headless");
  });
});
