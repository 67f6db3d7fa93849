// Integration tests: damaged experiment, dataset and evaluation-run files on the real app core: each
// is moved aside alone with a notice (app.info and the answer say so), the rest still works, and
// nothing answers `internal`. A dataset from a newer version is left exactly as it is.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelInput, ChannelName, ChannelOutput } from "../../shared/contract";
import { defaultChatRequest } from "../../shared/chatRequest";
import { dispatch } from "../../electron/dispatch";
import type { AppCore } from "../../electron/app";
import { startTestCore } from "../fixtures/testCore";

let dataDir: string;
let core: AppCore;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "dojo-damaged-"));
  core = await startTestCore(dataDir);
}, 60_000);
afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A call through the dispatcher, as either door makes it. */
async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
  return dispatch(core.handlers, channel, input, { emit() {} }, core.knownSecrets);
}
async function value<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.kind}: ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}
const notices = async () => (await value("app.info", {})).notices;
const corruptIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.includes(".corrupt-")) : []);

describe("damaged files", () => {
  it("a cut experiment file is skipped by experiments.export, named, and moved aside", async () => {
    const state = { profileId: "simulator", request: defaultChatRequest(), notes: "", tags: [] };
    const kept = await value("experiments.create", { name: "Kept", state });
    const cut = await value("experiments.create", { name: "Cut", state });
    const dir = (await value("experiments.list", {})).workspaceDir;
    const file = path.join(dir, `${cut.id}.experiment.json`);
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 200));

    const exported = await value("experiments.export", {});
    expect((JSON.parse(exported.text) as { experiments: { id: string }[] }).experiments.map((e) => e.id)).toEqual([kept.id]);
    expect(exported.skipped).toEqual([{ file: `${cut.id}.experiment.json`, reason: expect.stringMatching(/was damaged \(it is not valid JSON.*\); it was moved to /) }]);
    expect(corruptIn(dir)).toHaveLength(1);
    expect(await notices()).toEqual([expect.stringContaining(`The experiment file ${cut.id}.experiment.json was damaged`)]);
  });

  it("a broken dataset no longer disappears silently: it is listed as a problem, moved aside, noticed", async () => {
    const good = await value("evals.datasets.import", { name: "Good", fileName: "good.jsonl", text: '{"q":"a"}\n' });
    const dir = path.join(dataDir, "experiments", "datasets");
    writeFileSync(path.join(dir, "broken-000000.dataset.json"), '{"format":"prompt-dojo.dataset","formatVersion":1,"id":"broken-000000","cases":"no"}');
    const listed = await value("evals.datasets.list", {});
    expect(listed.datasets.map((d) => d.id)).toEqual([good.id]);
    expect(listed.problems).toEqual([{ file: "broken-000000.dataset.json", reason: expect.stringMatching(/^The dataset file broken-000000\.dataset\.json was damaged \(it is not a valid dataset: .*\); it was moved to /) }]);
    expect(corruptIn(dir)).toHaveLength(1);
    expect(await notices()).toEqual([listed.problems![0]!.reason]);
    // Asked for by id afterwards, it is simply not there.
    const again = await call("evals.datasets.get", { id: "broken-000000" });
    expect(again.ok ? "ok" : again.error.kind).toBe("not_found");
  });

  it("a dataset from a newer version is listed as a problem and left exactly as it is", async () => {
    const dir = path.join(dataDir, "experiments", "datasets");
    mkdirSync(dir, { recursive: true });
    const newer = '{"format":"prompt-dojo.dataset","formatVersion":4,"id":"future-000000","rows":[]}';
    writeFileSync(path.join(dir, "future-000000.dataset.json"), newer);
    const listed = await value("evals.datasets.list", {});
    expect(listed.problems).toEqual([{ file: "future-000000.dataset.json", reason: expect.stringContaining("newer version of Prompt Dojo (dataset format 4") }]);
    expect(readFileSync(path.join(dir, "future-000000.dataset.json"), "utf8")).toBe(newer);
    expect(corruptIn(dir)).toEqual([]);
  });

  it("a broken evaluation run answers not_found saying it was moved aside, not internal", async () => {
    const dir = path.join(dataDir, "evals", "runs");
    mkdirSync(dir, { recursive: true });
    const id = "0b7f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b";
    writeFileSync(path.join(dir, `${id}.json`), '{"id":"0b7f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b","status":"do');
    const got = await call("evals.get", { evalRunId: id });
    expect(got.ok).toBe(false);
    if (!got.ok) {
      expect(got.error.kind).toBe("not_found");
      expect(got.error.message).toMatch(new RegExp(`^The evaluation run file ${id}\\.json was damaged \\(it is not valid JSON\\); it was moved to `));
    }
    expect(corruptIn(dir)).toHaveLength(1);
    expect(await notices()).toEqual([got.ok ? "" : got.error.message]);
    expect(await value("evals.list", {})).toEqual({ runs: [], problems: [] });
  });

  it("a broken evaluation run found while listing is reported in evals.list", async () => {
    const dir = path.join(dataDir, "evals", "runs");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "9e8d7c6b-5a49-4837-a261-5f4e3d2c1b0a.json"), "{}");
    const listed = await value("evals.list", {});
    expect(listed.runs).toEqual([]);
    expect(listed.problems).toEqual([{ file: "9e8d7c6b-5a49-4837-a261-5f4e3d2c1b0a.json", reason: expect.stringContaining("is not a valid evaluation run") }]);
  });
});
