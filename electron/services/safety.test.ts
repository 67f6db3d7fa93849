// Tests (Node): the safety gate around a run: redaction of what is sent, input moderation that
// refuses a flagged input, output moderation that holds the answer back until it is checked.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChatRequest, EventName, EventPayload } from "../../shared/contract";
import { appError } from "../../shared/errors";
import { RunRecord } from "../../shared/runRecord";
import { defaultSafetySettings, type ModerationVerdict, type SafetySettings } from "../../shared/safety";
import { DojoError } from "../errors";
import type { LabelledText, Moderate } from "./moderation";
import type { Connection } from "./openaiClient";
import { createSafetyService } from "./safety";
import type { SettingsStore } from "./settingsStore";
import { openTestSettingsStore } from "../../test/fixtures/settingsStore";

let dir: string;
let store: SettingsStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dojo-safety-"));
  store = openTestSettingsStore(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const connection: Connection = { provider: { profileId: "simulator", profileName: "Simulator", kind: "simulator", baseURL: "http://x/v1" }, baseURL: "http://x/v1", apiKey: "k" };
const RUN = "2b4f0c1e-8a55-4c3e-9d6a-0f1e2d3c4b5a";
const request: ChatRequest = { model: "sim-chat-1", messages: [{ role: "user", content: "Mail ann@example.com: you idiot" }] };

/** A moderation fake that flags any text containing "idiot" and records what it was shown. */
function fakeModeration(seen: LabelledText[][] = []): Moderate {
  return async (_c, texts, model) => {
    seen.push([...texts]);
    const results = texts.map((t) => {
      const flagged = t.text.includes("idiot");
      return { label: t.label, flagged, scores: [{ category: "harassment", score: flagged ? 0.8 : 0.01, flagged }] };
    });
    return { model, flagged: results.some((r) => r.flagged), results } satisfies ModerationVerdict;
  };
}

function settings(change: (s: SafetySettings) => void): SafetySettings {
  const s = defaultSafetySettings();
  change(s);
  return s;
}

type Sent = { event: EventName; payload: unknown };
const collector = () => {
  const sent: Sent[] = [];
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void sent.push({ event, payload });
  return { sent, emit };
};

describe("safety service", () => {
  it("starts with everything off and sends the request untouched", async () => {
    const safety = createSafetyService({ store, moderate: fakeModeration() });
    expect(safety.get()).toEqual(defaultSafetySettings());
    const { emit } = collector();
    const out = await safety.prepareRun({ runId: RUN, connection, request, emit });
    expect(out.request).toEqual(request);
    expect(out.emit).toBe(emit);
  });

  it("redacts what is sent, previews exactly that body, and records counts only", async () => {
    const safety = createSafetyService({ store, moderate: fakeModeration() });
    safety.save(settings((s) => (s.redaction.enabled = true)));
    const { emit } = collector();
    const out = await safety.prepareRun({ runId: RUN, connection, request, emit });
    expect(out.request.messages[0]?.content).toBe("Mail [EMAIL_1]: you idiot");
    expect(safety.preview(request)).toEqual({
      applied: true,
      counts: { EMAIL: 1 },
      body: { ...out.request, stream: true, stream_options: { include_usage: true } },
    });
    // A Responses draft previews its Responses body, redacted the same way.
    const responses = safety.preview(request, "responses");
    expect(responses.body).toMatchObject({ stream: true, input: expect.any(Array) });
    expect(JSON.stringify(responses.body)).toContain("[EMAIL_1]");
    expect(JSON.stringify(responses.body)).not.toContain("ann@example.com");
    const annotated = safety.annotate({ runId: RUN } as RunRecord);
    expect(annotated.redaction).toEqual({ applied: true, counts: { EMAIL: 1 } });
    expect(JSON.stringify(annotated)).not.toContain("ann@example.com");
    // Annotated once: the summary is not kept after the run settles.
    expect(safety.annotate({ runId: RUN } as RunRecord).redaction).toBeUndefined();
  });

  it("refuses a flagged input, naming the categories, after moderating the redacted text", async () => {
    const seen: LabelledText[][] = [];
    const safety = createSafetyService({ store, moderate: fakeModeration(seen) });
    safety.save(settings((s) => ((s.redaction.enabled = true), (s.moderation.input = true))));
    const { sent, emit } = collector();
    const refused = await safety.prepareRun({ runId: RUN, connection, request, emit }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DojoError);
    expect((refused as DojoError).error).toMatchObject({ kind: "invalid_input", code: "input_flagged" });
    expect((refused as DojoError).message).toContain("harassment 0.80");
    expect(seen[0]?.[0]?.text).toBe("Mail [EMAIL_1]: you idiot");
    expect(sent).toEqual([{ event: "safety.moderated", payload: expect.objectContaining({ runId: RUN, stage: "input", error: null }) }]);
  });

  it("fails closed when the input cannot be moderated", async () => {
    const safety = createSafetyService({ store, moderate: async () => Promise.reject(new Error("connection refused")) });
    safety.save(settings((s) => (s.moderation.input = true)));
    const { emit } = collector();
    await expect(safety.prepareRun({ runId: RUN, connection, request, emit })).rejects.toThrow(/nothing was sent: connection refused/);
  });

  it("holds deltas back and sends the output verdict before the final event", async () => {
    const safety = createSafetyService({ store, moderate: fakeModeration() });
    safety.save(settings((s) => (s.moderation.output = true)));
    const { sent, emit } = collector();
    const out = await safety.prepareRun({ runId: RUN, connection, request, emit });
    out.emit("chat.delta", { runId: RUN, deltas: [{ index: 0, content: "you idiot" }] });
    const result = {
      runId: RUN,
      model: "sim-chat-1",
      choices: [{ index: 0, content: "you idiot", refusal: null, toolCalls: [], finishReason: "stop" }],
      usage: null,
      requestId: null,
      provider: connection.provider,
      metrics: { ttftMs: null, totalMs: 1, tokensPerSecond: null, attempts: 1 },
      stopped: false,
    };
    out.emit("chat.finished", { result });
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.map((s) => s.event)).toEqual(["safety.moderated", "chat.finished"]);
    expect(sent[0]?.payload).toMatchObject({ stage: "output", verdict: { flagged: true } });
  });

  it("records a refused run: nothing sent, the redacted body, the flagged verdict (no text)", async () => {
    const refusedRecords: RunRecord[] = [];
    const safety = createSafetyService({ store, moderate: fakeModeration(), onRefused: (r) => refusedRecords.push(r) });
    safety.save(settings((s) => ((s.redaction.enabled = true), (s.moderation.input = true))));
    await safety.prepareRun({ runId: RUN, connection, request, ...collector() }).catch(() => {});
    expect(refusedRecords).toHaveLength(1);
    const record = RunRecord.parse(refusedRecords[0]);
    expect(record).toMatchObject({ runId: RUN, attempts: [], result: null, error: { code: "input_flagged" }, redaction: { applied: true, counts: { EMAIL: 1 } } });
    expect(record.moderation).toEqual([{ stage: "input", model: "sim-moderation-1", flagged: true, categories: ["harassment"], error: null }]);
    expect(record.wire.body.messages).toEqual([{ role: "user", content: "Mail [EMAIL_1]: you idiot" }]);
    expect(record.wire.headers).toEqual({});
    expect(JSON.stringify(record)).not.toContain("ann@example.com");
  });

  it("records a failed input check as a refusal too", async () => {
    const refusedRecords: RunRecord[] = [];
    const safety = createSafetyService({ store, moderate: async () => Promise.reject(new Error("connection refused")), onRefused: (r) => refusedRecords.push(r) });
    safety.save(settings((s) => (s.moderation.input = true)));
    await safety.prepareRun({ runId: RUN, connection, request, ...collector() }).catch(() => {});
    expect(refusedRecords[0]?.error?.code).toBe("moderation_failed");
    expect(refusedRecords[0]?.moderation).toEqual([{ stage: "input", model: "sim-moderation-1", flagged: false, categories: [], error: "connection refused" }]);
  });

  it("adds both stages to the settled record, the output one once its check ends", async () => {
    const safety = createSafetyService({ store, moderate: fakeModeration() });
    safety.save(settings((s) => ((s.moderation.input = true), (s.moderation.output = true))));
    const { sent, emit } = collector();
    const clean: ChatRequest = { model: "sim-chat-1", messages: [{ role: "user", content: "Say something" }] };
    const out = await safety.prepareRun({ runId: RUN, connection, request: clean, emit });
    const annotated = safety.annotate({ runId: RUN } as RunRecord);
    expect(annotated.moderation?.map((m) => [m.stage, m.flagged])).toEqual([["input", false]]);
    out.emit("chat.failed", { runId: RUN, error: appError("server", "boom"), partial: [{ index: 0, content: "you idiot", refusal: null, toolCalls: [], finishReason: null }], provider: connection.provider, metrics: { ttftMs: null, totalMs: 1, tokensPerSecond: null, attempts: 1 } });
    for (let i = 0; i < 5 && !sent.some((s) => s.event === "chat.failed"); i++) await new Promise((r) => setTimeout(r, 0));
    expect(annotated.moderation?.map((m) => [m.stage, m.flagged, m.categories])).toEqual([["input", false, []], ["output", true, ["harassment"]]]);
  });

  it("refuses custom patterns the schema finds unusable", () => {
    const safety = createSafetyService({ store, moderate: fakeModeration() });
    const bad = settings((s) => (s.redaction.custom = [{ name: "X", pattern: "(a)\\1", caseInsensitive: false }]));
    expect(() => safety.save(bad)).toThrow(/backreference/);
    expect(safety.get().redaction.custom).toEqual([]);
  });
});
