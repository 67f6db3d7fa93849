// Tests (main process): profiles, keys and connections over a real conf-backed settings file and an
// in-memory Keychain (the OS keychain itself is tested in test/integration/keychain.test.ts).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Profile } from "../../shared/contract";
import { DojoError } from "../errors";
import { keychainUnavailable, type Keychain } from "./keychain";
import { createProfileService, OPENAI_DEFAULT_BASE_URL, SIMULATOR_API_KEY } from "./profiles";
import type { SettingsStore } from "./settingsStore";
import { openTestSettingsStore } from "../../test/fixtures/settingsStore";

/** A keychain in a Map; `mode` makes it behave like a machine without one, or one that fails deletes. */
class MemoryKeychain implements Keychain {
  readonly entries = new Map<string, string>();
  mode: "working" | "absent" | "delete-fails" = "working";
  private check(action: string) {
    if (this.mode === "absent") throw keychainUnavailable(action, new Error("no Secret Service on the bus"));
  }
  async get(account: string) {
    this.check("read the key from the keychain");
    return this.entries.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    this.check("save the key in the keychain");
    this.entries.set(account, secret);
  }
  async delete(account: string) {
    this.check("remove the key from the keychain");
    if (this.mode === "delete-fails") throw new Error("the collection is locked");
    this.entries.delete(account);
  }
  async probe() {
    return this.mode === "absent" ? { available: false, problem: "no Secret Service" } : { available: true, problem: null };
  }
}

const SIM_URL = "http://127.0.0.1:40123/v1";
const KEY = "sk-proj-keychainkey0000abcd";
const ENV_KEY = "sk-env-variablekey0000wxyz";
const openai: Profile = { id: "work", name: "Work", kind: "openai", baseURL: "", defaultModel: "gpt-4o-mini" };
const local: Profile = { id: "local", name: "Ollama", kind: "compatible", baseURL: "http://localhost:11434/v1", defaultModel: "llama3" };

let dir: string;
let store: SettingsStore;
let keychain: MemoryKeychain;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dojo-profiles-"));
  store = openTestSettingsStore(dir);
  keychain = new MemoryKeychain();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const service = (env: Record<string, string | undefined> = {}) =>
  createProfileService({ store, keychain, env, simulatorURL: () => SIM_URL });
const settingsText = () => readFileSync(store.path, "utf8");

/** Runs `fn` and returns the DojoError it throws (failing the test if it throws nothing else). */
async function dojoError(fn: () => unknown): Promise<DojoError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof DojoError) return err;
    throw err;
  }
  throw new Error("expected a DojoError");
}

describe("the built-in simulator profile", () => {
  it("is the only, first and active profile on first launch, with the live simulator URL", async () => {
    const { profiles, activeId } = await service().list();
    expect(activeId).toBe("simulator");
    expect(profiles).toEqual([
      {
        id: "simulator",
        name: "Simulator (offline)",
        kind: "simulator",
        baseURL: "",
        defaultModel: "sim-chat-1",
        key: { hasKey: false, hint: "", source: "none" },
        effectiveBaseURL: SIM_URL,
        builtIn: true,
      },
    ]);
  });

  it("cannot be edited, deleted or given a key", async () => {
    const s = service();
    expect((await dojoError(() => s.save({ id: "simulator", name: "Mine", kind: "simulator", baseURL: "", defaultModel: "x" }))).error.kind).toBe("invalid_input");
    expect((await dojoError(() => s.remove("simulator"))).error.message).toMatch(/cannot be deleted/);
    expect((await dojoError(() => s.setKey("simulator", KEY))).error.kind).toBe("invalid_input");
    expect(keychain.entries.size).toBe(0);
  });

  it("connects to the simulator URL with the non-secret simulator key", async () => {
    const s = service({ OPENAI_API_KEY: ENV_KEY });
    expect(await s.resolveConnection("simulator")).toEqual({
      provider: { profileId: "simulator", profileName: "Simulator (offline)", kind: "simulator", baseURL: SIM_URL },
      baseURL: SIM_URL,
      apiKey: SIMULATOR_API_KEY,
    });
    expect(s.knownSecrets()).not.toContain(SIMULATOR_API_KEY);
  });

  it("is the only profile that may use the simulator kind", async () => {
    const err = await dojoError(() => service().save({ ...openai, kind: "simulator" }));
    expect(err.error.kind).toBe("invalid_input");
  });
});

describe("saving and removing profiles", () => {
  it("stores a profile after the simulator and gives OpenAI profiles the default URL", async () => {
    const s = service();
    const view = await s.save(openai);
    expect(view).toMatchObject({ ...openai, effectiveBaseURL: OPENAI_DEFAULT_BASE_URL, builtIn: false });
    await s.save(local);
    const { profiles } = await s.list();
    expect(profiles.map((p) => p.id)).toEqual(["simulator", "work", "local"]);
    expect(profiles[2]!.effectiveBaseURL).toBe("http://localhost:11434/v1");
    expect(s.get("local")).toEqual(local);
  });

  it("replaces a profile with the same id in place", async () => {
    const s = service();
    await s.save(openai);
    await s.save(local);
    await s.save({ ...openai, name: "Renamed", baseURL: "https://proxy.example.com/v1" });
    const { profiles } = await s.list();
    expect(profiles.map((p) => p.name)).toEqual(["Simulator (offline)", "Renamed", "Ollama"]);
    expect(profiles[1]!.effectiveBaseURL).toBe("https://proxy.example.com/v1");
  });

  it("requires a base URL for an OpenAI-compatible profile", async () => {
    const err = await dojoError(() => service().save({ ...local, baseURL: "" }));
    expect(err.error).toMatchObject({ kind: "invalid_input", param: "baseURL" });
    expect(err.error.message).toMatch(/needs a base URL/);
  });

  it("refuses a profile that fails the contract's schema", async () => {
    const err = await dojoError(() => service().save({ ...openai, id: "no spaces allowed" }));
    expect(err.error.kind).toBe("invalid_input");
    expect(err.error.message).toContain("id");
  });

  it("throws not_found for an unknown profile", async () => {
    const s = service();
    expect((await dojoError(() => s.get("nope"))).error.kind).toBe("not_found");
    expect((await dojoError(() => s.remove("nope"))).error.kind).toBe("not_found");
    expect((await dojoError(() => s.setActive("nope"))).error.kind).toBe("not_found");
    expect((await dojoError(() => s.resolveConnection("nope"))).error.kind).toBe("not_found");
  });

  it("deletes the profile's key with it, and falls back to the simulator when it was active", async () => {
    const s = service();
    await s.save(openai);
    await s.setKey("work", KEY);
    s.setActive("work");
    expect((await s.list()).activeId).toBe("work");
    await s.remove("work");
    expect(keychain.entries.has("work")).toBe(false);
    expect(await s.list()).toMatchObject({ activeId: "simulator", profiles: [{ id: "simulator" }] });
  });

  it("keeps the profile when a working keychain fails to delete its key (no orphaned key)", async () => {
    const s = service();
    await s.save(openai);
    await s.setKey("work", KEY);
    keychain.mode = "delete-fails";
    const err = await dojoError(() => s.remove("work"));
    expect(err.error.kind).toBe("keychain_unavailable");
    expect(s.get("work")).toEqual(openai);
  });

  it("still deletes a profile on a machine with no keychain at all", async () => {
    const s = service();
    await s.save(local);
    keychain.mode = "absent";
    await s.remove("local");
    expect((await s.list()).profiles).toHaveLength(1);
  });
});

describe("keys", () => {
  it("stores a key in the keychain only; the renderer's view and the settings file never hold it", async () => {
    const s = service();
    await s.save(openai);
    const status = await s.setKey("work", `  ${KEY}\n`);
    expect(status).toEqual({ hasKey: true, hint: "sk-...abcd", source: "keychain" });
    expect(keychain.entries.get("work")).toBe(KEY);
    const listed = await s.list();
    expect(listed.profiles[1]!.key).toEqual(status);
    expect(JSON.stringify(listed)).not.toContain(KEY.slice(8));
    expect(settingsText()).not.toContain(KEY.slice(8));
    expect((await s.resolveConnection("work")).apiKey).toBe(KEY);
  });

  it("fails with keychain_unavailable, saying how to use OPENAI_API_KEY, and writes the key nowhere", async () => {
    const s = service();
    await s.save(openai);
    keychain.mode = "absent";
    const err = await dojoError(() => s.setKey("work", KEY));
    expect(err.error.kind).toBe("keychain_unavailable");
    expect(err.error.message).toMatch(/no Secret Service on the bus/);
    expect(err.error.message).toMatch(/OPENAI_API_KEY=/);
    expect(err.error.message).not.toContain(KEY);
    expect(settingsText()).not.toContain(KEY.slice(8));
    expect(s.knownSecrets()).toContain(KEY);
  });

  it("refuses something that cannot be a key", async () => {
    const s = service();
    await s.save(openai);
    expect((await dojoError(() => s.setKey("work", "sk-with space inside"))).error).toMatchObject({ kind: "invalid_input", param: "key" });
    expect((await dojoError(() => s.setKey("work", "   short "))).error.kind).toBe("invalid_input");
    expect(keychain.entries.size).toBe(0);
  });

  it("honours OPENAI_API_KEY for OpenAI profiles without a keychain key, and never writes it", async () => {
    const s = service({ OPENAI_API_KEY: ENV_KEY });
    await s.save(openai);
    expect((await s.list()).profiles[1]!.key).toEqual({ hasKey: true, hint: "sk-...wxyz", source: "env" });
    expect((await s.resolveConnection("work")).apiKey).toBe(ENV_KEY);
    expect(keychain.entries.size).toBe(0);
    expect(settingsText()).not.toContain(ENV_KEY);
  });

  it("prefers the keychain key to the environment, and shows the environment again once it is cleared", async () => {
    const s = service({ OPENAI_API_KEY: ENV_KEY });
    await s.save(openai);
    await s.setKey("work", KEY);
    expect((await s.resolveConnection("work")).apiKey).toBe(KEY);
    expect(await s.clearKey("work")).toEqual({ hasKey: true, hint: "sk-...wxyz", source: "env" });
    expect(keychain.entries.has("work")).toBe(false);
    expect((await s.resolveConnection("work")).apiKey).toBe(ENV_KEY);
  });

  it("never sends OPENAI_API_KEY to an OpenAI-compatible server", async () => {
    const s = service({ OPENAI_API_KEY: ENV_KEY });
    await s.save(local);
    expect((await s.list()).profiles[1]!.key).toEqual({ hasKey: false, hint: "", source: "none" });
    expect(await s.resolveConnection("local")).toEqual({
      provider: { profileId: "local", profileName: "Ollama", kind: "compatible", baseURL: "http://localhost:11434/v1" },
      baseURL: "http://localhost:11434/v1",
      apiKey: null,
    });
  });

  it("still lists profiles and uses OPENAI_API_KEY when no keychain answers", async () => {
    const s = service({ OPENAI_API_KEY: ENV_KEY });
    await s.save(openai);
    keychain.mode = "absent";
    expect((await s.list()).profiles[1]!.key.source).toBe("env");
    expect((await s.resolveConnection("work")).apiKey).toBe(ENV_KEY);
  });

  it("knows every key it has read or set, including replaced ones, plus OPENAI_API_KEY", async () => {
    keychain.entries.set("local", "sk-already-in-keychain-0001");
    const s = service({ OPENAI_API_KEY: ENV_KEY });
    expect(s.knownSecrets()).toEqual([ENV_KEY]);
    await s.save(openai);
    await s.save(local);
    await s.list();
    await s.setKey("work", "sk-first-key-000000000001");
    await s.setKey("work", KEY);
    expect([...s.knownSecrets()].sort()).toEqual(
      ["sk-already-in-keychain-0001", "sk-first-key-000000000001", KEY, ENV_KEY].sort(),
    );
  });

  it("reads an empty OPENAI_API_KEY as no key", async () => {
    const s = service({ OPENAI_API_KEY: "  " });
    await s.save(openai);
    expect((await s.list()).profiles[1]!.key.source).toBe("none");
    expect(s.knownSecrets()).toEqual([]);
  });
});

describe("the active profile", () => {
  it("is remembered across service instances (it is in the settings file)", async () => {
    await service().save(local);
    service().setActive("local");
    expect((await service().list()).activeId).toBe("local");
  });
});
