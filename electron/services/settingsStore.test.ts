// Tests (main process): the settings file through a real conf instance in a temporary folder.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Conf from "conf";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultChatRequest } from "../../shared/chatRequest";
import { defaultReliabilitySettings } from "../../shared/reliability";
import { defaultSafetySettings } from "../../shared/safety";
import type { PlaygroundDraft, Profile } from "../../shared/contract";
import { DojoError } from "../errors";
import { migrateSettings, moveAside, openSettingsStore, SETTINGS_VERSION, type Settings } from "./settingsStore";

const FIXED_NOW = new Date("2025-03-04T05:06:07.089Z");
const openConf = ({ cwd, configName }: { cwd: string; configName: string }) =>
  new Conf<Record<string, unknown>>({ cwd, configName, projectName: "prompt-dojo" });

const local: Profile = { id: "local", name: "Ollama", kind: "compatible", baseURL: "http://localhost:11434/v1", defaultModel: "llama3" };
const work: Profile = { id: "work", name: "Work", kind: "openai", baseURL: "", defaultModel: "gpt-4o-mini" };

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dojo-settings-"));
  file = join(dir, "settings.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = () => openSettingsStore({ cwd: dir, configName: "settings", open: openConf, now: () => FIXED_NOW });
const onDisk = () => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
const corruptFiles = () => readdirSync(dir).filter((name) => name.includes(".corrupt-"));

describe("openSettingsStore", () => {
  it("starts from defaults on first launch and writes a versioned file", () => {
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.read()).toEqual({ schemaVersion: SETTINGS_VERSION, profiles: [], activeId: "simulator", draft: null, pricing: { models: {} }, workspaceDir: "", learning: { lessons: {}, cards: {}, mocks: [] }, reliability: defaultReliabilitySettings(), safety: defaultSafetySettings(), lessonBackup: null });
    expect(store.path).toBe(file);
    expect(onDisk().schemaVersion).toBe(SETTINGS_VERSION);
  });

  it("reads a good file as it is, without touching it", () => {
    const good = JSON.stringify({ schemaVersion: 1, profiles: [local, work], activeId: "work", draft: null }, null, "\t");
    writeFileSync(file, good);
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.read().profiles).toEqual([local, work]);
    expect(store.read().activeId).toBe("work");
    expect(readFileSync(file, "utf8")).toBe(good);
    expect(corruptFiles()).toEqual([]);
  });

  it("moves a file that is not JSON aside, keeps its bytes, and restores defaults with a notice", () => {
    writeFileSync(file, '{"schemaVersion": 1, "profiles": [');
    const { store, notices } = open();
    const moved = join(dir, "settings.corrupt-2025-03-04T05-06-07-089Z.json");
    expect(corruptFiles()).toEqual(["settings.corrupt-2025-03-04T05-06-07-089Z.json"]);
    expect(readFileSync(moved, "utf8")).toBe('{"schemaVersion": 1, "profiles": [');
    expect(notices).toEqual([
      `Your settings file was unreadable (it is not valid JSON); it was moved to ${moved} and defaults were restored.`,
    ]);
    expect(store.read().profiles).toEqual([]);
    expect(onDisk().schemaVersion).toBe(SETTINGS_VERSION);
  });

  it("moves an empty file aside too (conf cannot open it)", () => {
    writeFileSync(file, "");
    const { notices } = open();
    expect(notices).toHaveLength(1);
    expect(corruptFiles()).toHaveLength(1);
  });

  it("moves a file of the wrong shape aside and names the bad field", () => {
    const wrong = JSON.stringify({ schemaVersion: 1, profiles: [{ ...local, id: "has spaces" }] });
    writeFileSync(file, wrong);
    const { store, notices } = open();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("profiles.0.id");
    expect(readFileSync(join(dir, corruptFiles()[0]!), "utf8")).toBe(wrong);
    expect(store.read().profiles).toEqual([]);
  });

  it("refuses a file with two profiles of the same id", () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, profiles: [local, { ...work, id: "local" }] }));
    const { notices } = open();
    expect(notices[0]).toContain('"local" is reserved or used twice');
  });

  it("moves aside a file written by a newer version rather than guess at it", () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 2, profiles: [] }));
    const { notices } = open();
    expect(notices[0]).toContain("settings version 2");
    expect(corruptFiles()).toHaveLength(1);
  });

  it("migrates a file without a version (the old shape) and keeps its profiles", () => {
    writeFileSync(file, JSON.stringify({ profiles: [local], activeId: "local" }));
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.read()).toMatchObject({ schemaVersion: 1, profiles: [local], activeId: "local", draft: null });
    expect(onDisk()).toMatchObject({ schemaVersion: 1, profiles: [local] });
  });

  it("drops a saved draft that no longer fits, but keeps the profiles", () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, profiles: [local], draft: { version: 1, request: { model: "" } } }));
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.read()).toMatchObject({ profiles: [local], draft: null });
  });

  it("drops price edits that no longer fit, but keeps the profiles", () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, profiles: [local], pricing: { models: { "gpt-4o": { input: -1 } } } }));
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.read()).toMatchObject({ profiles: [local], pricing: { models: {} } });
  });

  it("resets lesson progress that no longer fits, but keeps the profiles", () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, profiles: [local], learning: { lessons: { temperature: { read: "yes" } } } }));
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.read()).toMatchObject({ profiles: [local], learning: { lessons: {}, cards: {}, mocks: [] }, reliability: defaultReliabilitySettings(), safety: defaultSafetySettings() });
  });
});

describe("SettingsStore writes", () => {
  it("writes valid settings and reads them back through a fresh conf", () => {
    const { store } = open();
    const draft: PlaygroundDraft = { version: 1, profileId: "local", request: defaultChatRequest(), updatedAt: 1 };
    store.update((s) => ({ ...s, profiles: [local], activeId: "local", draft }));
    const reopened = open();
    expect(reopened.notices).toEqual([]);
    expect(reopened.store.read()).toEqual({ schemaVersion: 1, profiles: [local], activeId: "local", draft, pricing: { models: {} }, workspaceDir: "", learning: { lessons: {}, cards: {}, mocks: [] }, reliability: defaultReliabilitySettings(), safety: defaultSafetySettings(), lessonBackup: null });
  });

  it("refuses a write that fails validation and leaves the file as it was", () => {
    const { store } = open();
    store.update((s) => ({ ...s, profiles: [local] }));
    const before = readFileSync(file, "utf8");
    const attempt = () => store.update((s) => ({ ...s, profiles: [...s.profiles, { ...work, baseURL: "ftp://nope" }] }));
    expect(attempt).toThrow(DojoError);
    expect(attempt).toThrow(/Settings not saved: profiles\.1\.baseURL/);
    expect(() => store.update((s) => ({ ...s, profiles: [{ ...local, id: "simulator" }] }))).toThrow(/reserved/);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("never writes fields the schema does not know, such as a key pasted into a profile", () => {
    const { store } = open();
    const withKey = { ...work, apiKey: "sk-should-never-be-written-1234" } as Profile;
    store.write({ ...store.read(), profiles: [withKey] } as Settings);
    expect(readFileSync(file, "utf8")).not.toContain("sk-should-never");
    expect(store.read().profiles).toEqual([work]);
  });

  it("moves the file aside when it goes bad while the app runs, and adds a notice to the same list", () => {
    const { store, notices } = open();
    store.update((s) => ({ ...s, profiles: [local] }));
    writeFileSync(file, "not json at all");
    expect(store.read().profiles).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(store.notices).toBe(notices);
    expect(corruptFiles()).toHaveLength(1);
  });
});

describe("migrateSettings", () => {
  const chain = {
    0: (raw: Record<string, unknown>) => ({ ...raw, schemaVersion: 1 }),
    1: (raw: Record<string, unknown>) => ({ ...raw, schemaVersion: 2, renamed: raw.old, old: undefined }),
  };

  it("runs every step from the file's version to the target", () => {
    expect(migrateSettings({ old: "x" }, chain, 2)).toEqual({ schemaVersion: 2, renamed: "x", old: undefined });
    expect(migrateSettings({ schemaVersion: 1, old: "y" }, chain, 2)).toMatchObject({ schemaVersion: 2, renamed: "y" });
  });

  it("refuses a version it has no path from, or a newer one", () => {
    expect(() => migrateSettings({ schemaVersion: 1 }, { 0: chain[0] }, 2)).toThrow(/no migration from settings version 1/);
    expect(() => migrateSettings({ schemaVersion: 3 }, chain, 2)).toThrow(/settings version 3/);
    expect(() => migrateSettings({ schemaVersion: "1" }, chain, 2)).toThrow(/settings version "1"/);
  });

  it("refuses a step that does not produce the next version", () => {
    expect(() => migrateSettings({}, { 0: (raw) => raw }, 1)).toThrow(/did not produce version 1/);
  });
});

describe("moveAside", () => {
  it("never overwrites an earlier corrupt copy", () => {
    writeFileSync(file, "first");
    const a = moveAside(file, FIXED_NOW);
    writeFileSync(file, "second");
    const b = moveAside(file, FIXED_NOW);
    expect(a).not.toBe(b);
    expect(readFileSync(a, "utf8")).toBe("first");
    expect(readFileSync(b, "utf8")).toBe("second");
  });
});
