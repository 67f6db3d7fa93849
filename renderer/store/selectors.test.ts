import { describe, expect, it } from "vitest";
import { defaultChatRequest } from "../../shared/chatRequest";
import { PlaygroundDraft } from "../../shared/contract";
import { finishedResult, ollamaProfile, openaiProfile, simulatorProfile, simulatorTag } from "./fixtures";
import { idleRun, type RunState } from "./runSlice";
import {
  finishReasonHint,
  selectActiveProfile,
  selectAnswerIsSimulated,
  selectDraft,
  selectModelOptions,
  selectProviderBadge,
  selectRequestProblem,
  selectRunFigures,
  selectSortedProfiles,
} from "./selectors";

const profiles = [openaiProfile, ollamaProfile, simulatorProfile];
const RUN_ID = "3f0f8a4e-5c1b-4d1e-9a57-0c9f3e0b1a01";

describe("provider selectors", () => {
  it("finds the active profile", () => {
    expect(selectActiveProfile({ profiles, activeId: "ollama" })).toBe(ollamaProfile);
    expect(selectActiveProfile({ profiles: [], activeId: "" })).toBeUndefined();
  });

  it("says plainly that the simulator's answers are simulated, not from a model", () => {
    const badge = selectProviderBadge({ profiles, activeId: "simulator" });
    expect(badge.tone).toBe("simulator");
    expect(badge.label).toMatch(/simulated, not from a model/);
  });

  it("names real providers by kind and profile name, with their URL", () => {
    expect(selectProviderBadge({ profiles, activeId: "work-openai" })).toEqual({
      label: "OpenAI: Work OpenAI",
      detail: "https://api.openai.com/v1",
      tone: "openai",
    });
    expect(selectProviderBadge({ profiles, activeId: "ollama" }).label).toBe("OpenAI-compatible: Ollama");
    expect(selectProviderBadge({ profiles: [], activeId: "" }).tone).toBe("unknown");
  });

  it("lists the simulator first, then the others by name", () => {
    expect(selectSortedProfiles({ profiles }).map((p) => p.id)).toEqual(["simulator", "ollama", "work-openai"]);
  });
});

describe("model options", () => {
  it("offers the active profile's listed models plus its default model", () => {
    const models = { profileId: "work-openai", status: "ready" as const, models: [{ id: "gpt-4.1", ownedBy: "openai" }], error: null };
    expect(selectModelOptions({ profiles, activeId: "work-openai", models })).toEqual(["gpt-4.1", "gpt-4o-mini"]);
  });

  it("does not offer another profile's models", () => {
    const models = { profileId: "simulator", status: "ready" as const, models: [{ id: "sim-chat-1", ownedBy: "sim" }], error: null };
    expect(selectModelOptions({ profiles, activeId: "ollama", models })).toEqual([]);
  });
});

describe("request and draft", () => {
  it("explains why a request cannot run", () => {
    expect(selectRequestProblem({ request: defaultChatRequest() })).toBeNull();
    expect(selectRequestProblem({ request: { ...defaultChatRequest(), messages: [] } })).toContain("messages");
  });

  it("builds a draft the contract accepts, leaving out the default failure", () => {
    const draft = selectDraft({ activeId: "simulator", request: defaultChatRequest(), simulatorFailure: "none" }, 1234.5);
    expect(PlaygroundDraft.parse(draft)).toEqual(draft);
    expect(draft).not.toHaveProperty("simulatorFailure");
    expect(draft.updatedAt).toBe(1234);
    expect(selectDraft({ activeId: "simulator", request: defaultChatRequest(), simulatorFailure: "stall" }, 1).simulatorFailure).toBe("stall");
  });
});

describe("run figures", () => {
  const done: RunState = { ...idleRun, runId: RUN_ID, status: "done", ...resultFields() };
  function resultFields() {
    const result = finishedResult(RUN_ID);
    return { result, choices: result.choices, provider: result.provider, metrics: result.metrics };
  }

  it("has nothing to show before a run ends", () => {
    expect(selectRunFigures({ run: idleRun })).toBeNull();
  });

  it("formats timing, usage, finish reasons, request id and provider", () => {
    expect(selectRunFigures({ run: done })).toEqual({
      ttft: "42 ms",
      total: "1.50 s",
      tokensPerSecond: "8.3 tok/s",
      usage: "20 prompt / 12 completion / 32 total",
      finishReasons: "stop, length",
      finishHint: expect.stringContaining("hit the max output tokens"),
      requestId: "req_123",
      provider: "Simulator: simulated, not a model, at http://127.0.0.1:4010/v1",
      attempts: "1",
    });
  });

  it("shows unknown figures as such instead of inventing them", () => {
    const run: RunState = {
      ...done,
      result: { ...done.result!, usage: null, requestId: null },
      metrics: { ttftMs: null, totalMs: 20, tokensPerSecond: null, attempts: 3 },
    };
    expect(selectRunFigures({ run })).toMatchObject({ ttft: "n/a", tokensPerSecond: "n/a", usage: "not reported", requestId: "not reported", attempts: "3" });
  });

  it("labels an answer simulated by its provider, or by where it was sent while streaming", () => {
    expect(selectAnswerIsSimulated({ run: { ...idleRun, provider: simulatorTag } })).toBe(true);
    expect(selectAnswerIsSimulated({ run: { ...idleRun, sentToKind: "simulator" } })).toBe(true);
    expect(selectAnswerIsSimulated({ run: { ...idleRun, sentToKind: "openai" } })).toBe(false);
  });

  it("explains only the finish reasons that need it", () => {
    expect(finishReasonHint(["stop"])).toBeNull();
    expect(finishReasonHint(["length"])).toContain("max output tokens");
    expect(finishReasonHint(["tool_calls"])).toContain("tool");
  });
});
