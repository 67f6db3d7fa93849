// Renderer tests: answers of a JSON run validated against the schema they were sent with.
import { beforeEach, describe, expect, it } from "vitest";
import { applyPreset, STRUCTURED_PRESETS } from "../features/StructuredOutput/presets";
import type { AppStore } from "./createAppStore";
import type { FakeBridge } from "./fakeBridge";
import { finishedResult } from "./fixtures";
import { checkJsonObject } from "./structuredSlice";
import { selectDraft } from "./selectors";
import { PlaygroundDraft } from "../../shared/contract";
import { createTestStore, TEST_RUN_ID } from "./testStore";

let bridge: FakeBridge;
let store: AppStore;

beforeEach(async () => {
  ({ bridge, store } = createTestStore());
  bridge.handle("chat.start", ({ runId }) => ({ runId }));
  await store.getState().loadProfiles();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("output checks", () => {
  it("validates each answer against the schema as sent, even if the editor changed since", async () => {
    bridge.handle("schema.validate", ({ text }) =>
      text.includes("billing") ? { ok: true, parsed: true, value: {}, errors: [] } : { ok: false, parsed: true, errors: [{ path: "$.priority", message: "$.priority should be a string" }] },
    );
    const triage = STRUCTURED_PRESETS[0]!;
    store.getState().editRequest((r) => applyPreset(r, triage));
    await store.getState().startRun();
    store.getState().editRequest((r) => ({ ...r, response_format: { type: "text" } }));
    store.getState().finishRun(
      finishedResult(TEST_RUN_ID, {
        choices: [
          { index: 0, content: '{"category":"billing"}', refusal: null, toolCalls: [], finishReason: "stop" },
          { index: 1, content: '{"priority":1}', refusal: null, toolCalls: [], finishReason: "stop" },
        ],
      }),
    );
    expect(store.getState().outputChecks?.answers.map((a) => a.status)).toEqual(["checking", "checking"]);
    await settle();
    const checks = store.getState().outputChecks;
    expect(checks).toMatchObject({ kind: "json_schema", schemaName: "ticket_triage" });
    expect(checks?.answers.map((a) => a.check?.ok)).toEqual([true, false]);
    expect(checks?.answers[1]?.check?.errors[0]?.path).toBe("$.priority");
    const schema = triage.responseFormat?.type === "json_schema" ? triage.responseFormat.json_schema.schema : null;
    expect(bridge.callsTo("schema.validate")[0]?.schema).toEqual(schema);
  });

  it("shows a refusal as a refusal and does not validate it", async () => {
    store.getState().editRequest((r) => applyPreset(r, STRUCTURED_PRESETS[0]!));
    await store.getState().startRun();
    store.getState().finishRun(finishedResult(TEST_RUN_ID, { choices: [{ index: 0, content: "", refusal: "I can't help with that.", toolCalls: [], finishReason: "stop" }] }));
    expect(store.getState().outputChecks?.answers).toEqual([{ index: 0, status: "done", refusal: "I can't help with that.", check: null }]);
    expect(bridge.callsTo("schema.validate")).toEqual([]);
  });

  it("checks nothing for a plain-text run", async () => {
    await store.getState().startRun();
    store.getState().finishRun(finishedResult(TEST_RUN_ID));
    expect(store.getState().outputChecks).toBeNull();
  });

  it("asks the main process to check schema texts and turns a failure into a warning", async () => {
    bridge.handle("schema.check", () => ({ problems: [{ message: "m", path: "", line: 2, column: 3, severity: "error" }] }));
    expect(await store.getState().checkSchemaText("{}")).toEqual([{ message: "m", path: "", line: 2, column: 3, severity: "error" }]);
    bridge.handle("schema.check", () => {
      throw new Error("down");
    });
    expect((await store.getState().checkSchemaText("{}"))[0]).toMatchObject({ severity: "warning", message: expect.stringContaining("could not be checked") });
  });
});

describe("checkJsonObject", () => {
  it("wants a JSON object", () => {
    expect(checkJsonObject('{"a":1}').ok).toBe(true);
    expect(checkJsonObject("[1]")).toMatchObject({ ok: false, parsed: true });
    expect(checkJsonObject("nope")).toMatchObject({ ok: false, parsed: false });
  });
});

describe("draft", () => {
  it("saves tool settings and a changed step limit, and leaves them out when default", () => {
    const base = { activeId: "simulator", request: store.getState().request, simulatorFailure: "none" as const };
    expect(selectDraft({ ...base, toolSettings: {}, stepLimit: 5 }, 1)).not.toHaveProperty("tools");
    const draft = selectDraft({ ...base, toolSettings: { t: { sensitive: true, mock: { kind: "manual" }, limits: [] } }, stepLimit: 2 }, 1);
    expect(PlaygroundDraft.parse(draft).tools).toEqual({ settings: { t: { sensitive: true, mock: { kind: "manual" }, limits: [] } }, stepLimit: 2 });
  });

  it("restores tool settings from the saved draft", async () => {
    const saved = selectDraft({ activeId: "simulator", request: store.getState().request, simulatorFailure: "none", toolSettings: { t: { sensitive: true, mock: { kind: "manual" }, limits: [] } }, stepLimit: 7 }, 1);
    bridge.handle("draft.load", () => saved);
    await store.getState().loadDraft();
    expect(store.getState().stepLimit).toBe(7);
    expect(store.getState().toolSettings.t?.sensitive).toBe(true);
  });
});
