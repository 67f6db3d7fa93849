// Tests (main process): the playground draft round-trips through a real conf-backed settings file.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultChatRequest } from "../../shared/chatRequest";
import type { PlaygroundDraft } from "../../shared/contract";
import { openTestSettingsStore } from "../../test/fixtures/settingsStore";
import { DojoError } from "../errors";
import { createDraftService } from "./draft";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dojo-draft-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = () => openTestSettingsStore(dir);

const draft: PlaygroundDraft = {
  version: 1,
  profileId: "simulator",
  request: { ...defaultChatRequest(), temperature: 0.3 },
  simulatorFailure: "rate_limit",
  updatedAt: 1_700_000_000_000,
};

describe("draft service", () => {
  it("has no draft on first launch", () => {
    expect(createDraftService(open(), dir).load()).toBeNull();
  });

  it("saves a draft that a restarted app loads back", () => {
    createDraftService(open(), dir).save(draft);
    expect(createDraftService(open(), dir).load()).toEqual(draft);
  });

  it("refuses an invalid draft and keeps the saved one", () => {
    const store = open();
    const drafts = createDraftService(store, dir);
    drafts.save(draft);
    const bad = { ...draft, request: { ...draft.request, temperature: 7 } };
    expect(() => drafts.save(bad)).toThrow(DojoError);
    expect(() => drafts.save(bad)).toThrow(/Draft not saved: request\.temperature/);
    expect(drafts.load()).toEqual(draft);
    expect(readFileSync(store.path, "utf8")).not.toContain('"temperature": 7');
  });

  it("leaves the profiles alone when it saves", () => {
    const store = open();
    store.update((s) => ({ ...s, profiles: [{ id: "w", name: "W", kind: "openai", baseURL: "", defaultModel: "" }] }));
    createDraftService(store, dir).save(draft);
    expect(store.read().profiles.map((p) => p.id)).toEqual(["w"]);
  });

  it("sets the saved draft aside into a file of its own, so the next start opens a fresh playground", () => {
    const drafts = createDraftService(open(), dir);
    expect(drafts.setAside("nothing saved")).toBeNull();
    drafts.save(draft);
    const path = drafts.setAside("the playground failed: Maximum update depth exceeded");
    expect(path).toMatch(/quarantine[\\/]draft-.*\.json$/);
    const kept = JSON.parse(readFileSync(path as string, "utf8")) as { reason: string; draft: PlaygroundDraft };
    expect(kept.draft).toEqual(draft);
    expect(kept.reason).toMatch(/Maximum update depth/);
    expect(createDraftService(open(), dir).load()).toBeNull();
  });
});
