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
const setAsideFiles = () => readdirSync(dir).filter((name) => name.includes(".set-aside-"));
/** The one set-aside file's record. */
const setAside = () => {
  expect(setAsideFiles()).toHaveLength(1);
  return JSON.parse(readFileSync(join(dir, setAsideFiles()[0]!), "utf8")) as { from: string; items: { what: string; reason: string; path: string; value: unknown }[] };
};

describe("openSettingsStore", () => {
  it("starts from defaults on first launch and writes a versioned file", () => {
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.read()).toEqual({ schemaVersion: SETTINGS_VERSION, profiles: [], activeId: "simulator", draft: null, pricing: { models: {} }, workspaceDir: "", learning: { lessons: {}, cards: {}, mocks: [] }, reliability: defaultReliabilitySettings(), safety: defaultSafetySettings(), lessonBackup: null, ui: { welcomeSeen: false, dismissed: [] } });
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

  it("sets a profile of the wrong shape aside alone and names it and the bad field", () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, profiles: [{ ...local, id: "has spaces" }, work] }));
    const { store, notices } = open();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('profile "Ollama" (profiles.0): id:');
    expect(corruptFiles()).toEqual([]);
    expect(setAside().items).toEqual([expect.objectContaining({ path: "profiles.0", value: { ...local, id: "has spaces" } })]);
    expect(store.read().profiles).toEqual([work]);
  });

  it("sets aside the second of two profiles with the same id, keeping the first", () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, profiles: [local, { ...work, id: "local" }] }));
    const { store, notices } = open();
    expect(notices[0]).toContain('"local" is reserved or used twice');
    expect(store.read().profiles).toEqual([local]);
  });

  it("migrates a file without a version (the old shape) and keeps its profiles", () => {
    writeFileSync(file, JSON.stringify({ profiles: [local], activeId: "local" }));
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.read()).toMatchObject({ schemaVersion: 1, profiles: [local], activeId: "local", draft: null });
    expect(onDisk()).toMatchObject({ schemaVersion: 1, profiles: [local] });
  });

  it("sets a saved draft that no longer fits aside with a notice, and keeps the profiles", () => {
    const draft = { version: 1, request: { model: "" } };
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, profiles: [local], draft }));
    const { store, notices } = open();
    expect(notices).toEqual([expect.stringContaining("the playground draft: ")]);
    expect(setAside().items).toEqual([expect.objectContaining({ path: "draft", value: draft })]);
    expect(store.read()).toMatchObject({ profiles: [local], draft: null });
  });

  it("sets aside only the price row that no longer fits; the other rows stay", () => {
    const good = { input: 1, output: 2 };
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, profiles: [local], pricing: { models: { "gpt-4o": { input: -1 }, "my-model": good } } }));
    const { store, notices } = open();
    expect(notices).toEqual([expect.stringContaining('the price row for "gpt-4o"')]);
    expect(setAside().items).toEqual([expect.objectContaining({ path: "pricing.models.gpt-4o", value: { input: -1 } })]);
    expect(store.read()).toMatchObject({ profiles: [local], pricing: { models: { "my-model": good } } });
    expect(onDisk().pricing).toEqual({ models: { "my-model": good } });
  });

  it("sets lesson progress that no longer fits aside with a notice, and keeps the profiles", () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, profiles: [local], learning: { lessons: { temperature: { read: "yes" } } } }));
    const { store, notices } = open();
    expect(notices).toEqual([expect.stringContaining("lesson progress and review cards: ")]);
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
    expect(reopened.store.read()).toEqual({ schemaVersion: 1, profiles: [local], activeId: "local", draft, pricing: { models: {} }, workspaceDir: "", learning: { lessons: {}, cards: {}, mocks: [] }, reliability: defaultReliabilitySettings(), safety: defaultSafetySettings(), lessonBackup: null, ui: { welcomeSeen: false, dismissed: [] } });
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

describe("quarantine per item", () => {
  const nine: Profile[] = Array.from({ length: 9 }, (_, i) => ({ id: `p${i}`, name: `Profile ${i}`, kind: "compatible", baseURL: `http://localhost:${8000 + i}/v1`, defaultModel: "m" }));
  const draft: PlaygroundDraft = { version: 1, profileId: "p0", request: defaultChatRequest(), updatedAt: 5 };

  it("one profile's bad baseURL costs that profile only: the other eight and the draft load", () => {
    const bad = { ...nine[4]!, baseURL: "not a url" };
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, profiles: nine.map((p, i) => (i === 4 ? bad : p)), activeId: "p0", draft }));
    const { store, notices } = open();
    const expected = nine.filter((_, i) => i !== 4);
    expect(store.read().profiles).toEqual(expected);
    expect(store.read().draft).toEqual(draft);
    expect(store.read().activeId).toBe("p0");
    const saved = join(dir, "settings.set-aside-2025-03-04T05-06-07-089Z.json");
    expect(notices).toEqual([`One item in your settings could not be read (profile "Profile 4" (profiles.4): baseURL: ${setAside().items[0]!.reason.replace(/^baseURL: /, "")}). It was set aside in ${saved}; everything else loaded.`]);
    expect(setAside()).toMatchObject({ from: file, items: [{ what: 'profile "Profile 4" (profiles.4)', path: "profiles.4", value: bad }] });
    expect(corruptFiles()).toEqual([]);
    // The file on disk no longer holds the bad profile, and reopening raises no new notice.
    expect((onDisk().profiles as Profile[]).map((p) => p.id)).toEqual(expected.map((p) => p.id));
    expect(open().notices).toEqual([]);
  });

  it("an item that goes bad while the app runs is set aside alone too", () => {
    const { store, notices } = open();
    store.update((s) => ({ ...s, profiles: [local, work] }));
    writeFileSync(file, JSON.stringify({ ...onDisk(), profiles: [local, { ...work, kind: "nonsense" }] }));
    expect(store.read().profiles).toEqual([local]);
    expect(notices).toEqual([expect.stringContaining('profile "Work" (profiles.1)')]);
    expect(setAside().items[0]!.value).toEqual({ ...work, kind: "nonsense" });
    expect(corruptFiles()).toEqual([]);
  });

  it("records the app version that wrote the file", () => {
    const { store } = openSettingsStore({ cwd: dir, configName: "settings", open: openConf, appVersion: "1.2.3" });
    store.update((s) => ({ ...s, profiles: [local] }));
    expect(onDisk().writtenBy).toBe("1.2.3");
  });
});

describe("a settings file from a newer version", () => {
  const newer = JSON.stringify({ schemaVersion: 7, writtenBy: "3.0.0", profiles: [local, { id: "future", kind: "quantum" }], activeId: "local", futureField: { x: 1 } }, null, 2);

  it("is never moved or written: the app says which version wrote it and runs read-only on it", () => {
    writeFileSync(file, newer);
    const { store, notices } = open();
    expect(notices).toEqual([
      `Your settings file ${file} was written by Prompt Dojo 3.0.0 (settings format 7; this version reads format 1 and older). It is left exactly as it is: the app runs on it read-only, and changes you make now are not saved. Update Prompt Dojo to keep working with it.`,
    ]);
    // What this build understands of it is used: the profile it can read, the active choice.
    expect(store.read().profiles).toEqual([local]);
    expect(store.read().activeId).toBe("local");
    // Changes work for the session but never reach the file.
    store.update((s) => ({ ...s, profiles: [...s.profiles, work] }));
    expect(store.read().profiles).toEqual([local, work]);
    expect(() => store.update((s) => ({ ...s, profiles: [{ ...local, id: "simulator" }] }))).toThrow(DojoError);
    expect(readFileSync(file, "utf8")).toBe(newer);
    expect(readdirSync(dir)).toEqual(["settings.json"]);
  });

  it("written while the app runs, it is left alone from then on", () => {
    const { store, notices } = open();
    store.update((s) => ({ ...s, profiles: [work] }));
    writeFileSync(file, newer);
    expect(store.read().profiles).toEqual([local]);
    store.update((s) => ({ ...s, activeId: "simulator" }));
    expect(notices).toEqual([expect.stringContaining("written by Prompt Dojo 3.0.0")]);
    expect(readFileSync(file, "utf8")).toBe(newer);
    expect(corruptFiles()).toEqual([]);
  });

  it("says so without a version name when the file does not carry one", () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 2 }));
    expect(open().notices[0]).toContain("written by a newer version of Prompt Dojo (settings format 2;");
  });
});

describe("start-up clean-up", () => {
  it("removes the settings.json.tmp-* files a crash left, and nothing else", () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, profiles: [local] }));
    writeFileSync(join(dir, "settings.json.tmp-1733150000a1b2c3"), "{");
    writeFileSync(join(dir, "settings.json.tmp-1733150001d4e5f6"), "");
    writeFileSync(join(dir, "notes.txt"), "mine");
    const { store } = open();
    expect(store.read().profiles).toEqual([local]);
    expect(readdirSync(dir).sort()).toEqual(["notes.txt", "settings.json"]);
  });
});
