// Tests (main process): experiments as files: versions, restore, trash with undo, search, and
// import/export that refuses malformed or newer files and never writes a secret.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ExperimentState } from "../../../shared/experiments";
import { diffJson } from "../../../shared/jsonDiff";
import { createExperimentStore, experimentIdFor, type ExperimentStore } from "./experimentStore";

const KEY = "sk-proj-SECRETSECRETSECRET1234567890abcd";

function state(content: string, extra: Partial<ExperimentState> = {}): ExperimentState {
  return ExperimentState.parse({
    profileId: "simulator",
    request: { model: "sim-chat-1", messages: [{ role: "system", content: "Be brief." }, { role: "user", content }], temperature: 1 },
    ...extra,
  });
}

let dir = "";
let store: ExperimentStore;
let clock = 1_000;
let ids = 0;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dojo-exp-"));
  clock = 1_000;
  ids = 0;
  store = createExperimentStore({
    workspaceDir: () => dir,
    secrets: () => [KEY],
    now: () => (clock += 1_000),
    randomSuffix: () => `id${String(++ids).padStart(4, "0")}`,
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("experiment store", () => {
  it("saves a readable file; every save is a numbered version that can be diffed and restored", () => {
    const created = store.create("Refund bot", state("What is the refund window?"), "first try");
    expect(created.id).toBe("refund-bot-id0001");
    const onDisk = readFileSync(join(dir, "refund-bot-id0001.experiment.json"), "utf8");
    expect(onDisk).toContain('\n  "name": "Refund bot",\n'); // pretty-printed, so it diffs line by line
    const changed = store.save(created.id, { ...state("What is the refund window?"), request: { ...state("x").request, messages: state("How long do refunds take?").request.messages, temperature: 0.2 } }, "cooler");
    expect(changed.versions.map((v) => [v.version, v.message])).toEqual([[1, "first try"], [2, "cooler"]]);
    const diff = diffJson(changed.versions[0]?.state, changed.versions[1]?.state).map((c) => c.path);
    expect(diff).toEqual(["request.messages[1].content", "request.temperature"]);
    const restored = store.restoreVersion(created.id, 1);
    expect(restored.versions).toHaveLength(3);
    expect(restored.versions[2]?.message).toBe("Restored version 1");
    expect(restored.versions[2]?.state).toEqual(restored.versions[0]?.state);
  });

  it("lists with search by name, tag and content, renames and duplicates", () => {
    const a = store.create("Refund bot", state("refund window", { tags: ["support"] }));
    store.create("Haiku writer", state("Write a haiku about autumn", { notes: "try temperature 1.4" }));
    expect(store.list().experiments.map((e) => e.name)).toEqual(["Haiku writer", "Refund bot"]);
    expect(store.list({ query: "#support" }).experiments.map((e) => e.name)).toEqual(["Refund bot"]);
    expect(store.list({ query: "AUTUMN" }).experiments.map((e) => e.name)).toEqual(["Haiku writer"]);
    expect(store.list({ query: "temperature 1.4" }).experiments.map((e) => e.name)).toEqual(["Haiku writer"]);
    expect(store.rename(a.id, "Refunds").name).toBe("Refunds");
    const copy = store.duplicate(a.id);
    expect(copy).toMatchObject({ name: "Refunds (copy)", versionCount: 1 });
    expect(store.get(copy.id).versions[0]?.state).toEqual(store.get(a.id).versions[0]?.state);
  });

  it("deletes to a trash the user can undo from", () => {
    const a = store.create("Refund bot", state("x"));
    store.remove(a.id);
    expect(store.list().experiments).toEqual([]);
    expect(store.list({ trash: true }).experiments.map((e) => e.id)).toEqual([a.id]);
    expect(store.list({ trash: true }).experiments[0]?.deletedAt).toBeGreaterThan(0);
    expect(() => store.get(a.id)).toThrow(/no experiment/);
    store.undelete(a.id);
    expect(store.get(a.id).name).toBe("Refund bot");
    expect(store.list({ trash: true }).experiments).toEqual([]);
  });

  it("never writes a key: pasted into a message or note, it is scrubbed on save and export", () => {
    const a = store.create("Leaky", state(`my key is ${KEY}`, { notes: `also sk-abcdefghijklmnop1234` }));
    const files = readdirSync(dir).filter((n) => n.endsWith(".json")).map((n) => readFileSync(join(dir, n), "utf8"));
    expect(files.join("")).not.toContain(KEY);
    expect(files.join("")).not.toContain("sk-abcdefghijklmnop1234");
    expect(store.get(a.id).versions[0]?.state.request.messages[1]?.content).toBe("my key is [redacted]");
    expect(store.exportText().text).not.toContain("SECRETSECRET");
  });

  it("exports one or all and imports them back under new ids when the ids are taken", () => {
    const a = store.create("Refund bot", state("x"));
    store.save(a.id, state("y"));
    const one = store.exportText(a.id);
    expect(one.fileName).toBe(`${a.id}.experiment.json`);
    const imported = store.importText(one.text);
    expect(imported).toHaveLength(1);
    expect(imported[0]?.id).not.toBe(a.id);
    expect(imported[0]?.versionCount).toBe(2);
    const all = store.exportText();
    expect(JSON.parse(all.text).experiments).toHaveLength(2);
    expect(store.importText(all.text)).toHaveLength(2);
    expect(store.list().experiments).toHaveLength(4);
  });

  it("refuses a malformed import naming the field, and writes nothing", () => {
    const good = JSON.parse(store.exportText(store.create("Refund bot", state("x")).id).text);
    good.versions[0].state.request.temperature = 7;
    expect(() => store.importText(JSON.stringify(good))).toThrow("versions.0.state.request.temperature: Too big: expected number to be <=2");
    expect(() => store.importText("{ not json")).toThrow(/not valid JSON/);
    expect(() => store.importText(JSON.stringify({ name: "x" }))).toThrow(/not a Prompt Dojo experiment: format/);
    expect(store.list().experiments).toHaveLength(1);
  });

  it("refuses a file from a newer version whole, with a clear message", () => {
    const newer = { format: "prompt-dojo.experiment", formatVersion: 2, id: "future", name: "From the future", versions: "a new shape" };
    expect(() => store.importText(JSON.stringify(newer))).toThrow(/newer version of Prompt Dojo \(experiment format 2\); this version reads format 1/);
    const bundle = { format: "prompt-dojo.experiments", formatVersion: 1, experiments: [newer] };
    expect(() => store.importText(JSON.stringify(bundle))).toThrow(/\(experiments\.0\) was written by a newer version/);
    expect(store.list().experiments).toEqual([]);
  });

  it("lists a damaged file as a problem instead of failing the list", () => {
    store.create("Fine", state("x"));
    writeFileSync(join(dir, "broken-000000.experiment.json"), "{ half");
    const { experiments, problems } = store.list();
    expect(experiments).toHaveLength(1);
    expect(problems[0]?.file).toBe("broken-000000.experiment.json");
  });

  it("moves a damaged file aside with a notice; a newer one is listed but left as it is", () => {
    const notices: string[] = [];
    const noticed = createExperimentStore({ workspaceDir: () => dir, secrets: () => [], notices, now: () => 5_000 });
    noticed.create("Fine", state("x"));
    writeFileSync(join(dir, "broken-000000.experiment.json"), "{ half");
    const newer = JSON.stringify({ format: "prompt-dojo.experiment", formatVersion: 9, id: "future-000000" });
    writeFileSync(join(dir, "future-000000.experiment.json"), newer);
    const { experiments, problems } = noticed.list();
    expect(experiments.map((e) => e.name)).toEqual(["Fine"]);
    expect(problems.map((p) => p.file).sort()).toEqual(["broken-000000.experiment.json", "future-000000.experiment.json"]);
    const moved = readdirSync(dir).filter((n) => n.includes(".corrupt-"));
    expect(moved).toHaveLength(1);
    expect(readFileSync(join(dir, moved[0]!), "utf8")).toBe("{ half");
    expect(notices).toEqual([expect.stringMatching(/^The experiment file broken-000000\.experiment\.json was damaged \(it is not valid JSON.*\); it was moved to .*broken-000000\.experiment\.corrupt-.*\.json, and the others are unaffected\.$/)]);
    expect(readFileSync(join(dir, "future-000000.experiment.json"), "utf8")).toBe(newer);
    // Once aside, it is no longer listed as a problem.
    expect(noticed.list().problems.map((p) => p.file)).toEqual(["future-000000.experiment.json"]);
  });

  it("exports all without a cut file, naming it, instead of failing as a whole", () => {
    const a = store.create("Kept", state("x"));
    const b = store.create("Cut", state("y"));
    const path = join(dir, `${b.id}.experiment.json`);
    writeFileSync(path, readFileSync(path, "utf8").slice(0, 120));
    const all = store.exportText();
    expect(JSON.parse(all.text).experiments.map((e: { id: string }) => e.id)).toEqual([a.id]);
    expect(all.skipped).toEqual([{ file: `${b.id}.experiment.json`, reason: expect.stringMatching(/was damaged .* moved to/) }]);
    expect(store.exportText(a.id).skipped).toEqual([]);
    // Asking for the damaged one by id says where it went, as not found (not an internal error).
    expect(() => store.get(b.id)).toThrow(/There is no experiment/);
  });

  it("makes file-safe ids from names", () => {
    expect(experimentIdFor("Support bot (v2)!", "k3x9qa")).toBe("support-bot-v2-k3x9qa");
    expect(experimentIdFor("日本語", "k3x9qa")).toBe("experiment-k3x9qa");
  });
});
