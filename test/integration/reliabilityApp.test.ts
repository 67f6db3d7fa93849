// Integration: reliability and usage through the whole main side (app core, handlers, chat service,
// the real SDK and simulator): the saved policy applies to the next run, a refused budget spends
// nothing, every request lands in the usage log (metadata only) and its CSV export, and a replayed
// side-effecting call has no second effect.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppCore } from "../../electron/app";
import { dispatch, type HandlerContext } from "../../electron/dispatch";
import { USAGE_FILE } from "../../electron/services/usage/usageLog";
import { events, type ChatRequest, type EventName, type EventPayload } from "../../shared/contract";
import type { BudgetStatus, UsageEntry } from "../../shared/contracts/usage";
import { NORMAL_BEHAVIOUR, type RefundOutcome, type SimBehaviourState } from "../../shared/contracts/reliability";
import { DEFAULT_RETRY_POLICY } from "../../shared/retryPolicy";
import { NO_BUDGET } from "../../shared/reliability";
import type { RunRecord } from "../../shared/runRecord";
import { startTestCore } from "../fixtures/testCore";

let core: AppCore;
let dataDir: string;
const finals = new Map<string, { event: EventName; payload: unknown }>();
const waiters = new Map<string, () => void>();

const ctx: HandlerContext = {
  emit<E extends EventName>(event: E, payload: EventPayload<E>) {
    const parsed = events[event].parse(payload);
    if (event === "chat.finished" || event === "chat.failed") {
      const runId = event === "chat.finished" ? (parsed as EventPayload<"chat.finished">).result.runId : (parsed as EventPayload<"chat.failed">).runId;
      finals.set(runId, { event, payload: parsed });
      waiters.get(runId)?.();
    }
  },
};

async function call<T = unknown>(channel: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(core.handlers, channel, input, ctx, core.knownSecrets);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { error: result.error });
  return result.value as T;
}

const request: ChatRequest = { model: "sim-chat-1", messages: [{ role: "user", content: "What is an idempotency key?" }], max_completion_tokens: 50 };

/** Starts a run on the simulator profile and waits for its final event and its record. */
async function run(req: ChatRequest = request, extra: Record<string, unknown> = {}) {
  const runId = crypto.randomUUID();
  const done = new Promise<void>((resolve) => waiters.set(runId, resolve));
  await call("chat.start", { runId, profileId: "simulator", request: req, ...extra });
  await done;
  const record = await call<RunRecord | null>("runs.get", { runId });
  return { final: finals.get(runId)!, record: record! };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "dojo-reliability-int-"));
  core = await startTestCore(dataDir);
});

afterAll(async () => {
  await core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the saved policy", () => {
  it("applies to the next run: a policy with no retries makes one attempt", async () => {
    await call("policy.save", { ...DEFAULT_RETRY_POLICY, maxRetries: 0 });
    await call("simulator.setBehaviour", { ...NORMAL_BEHAVIOUR, failure: "server_error", remaining: 1 });
    const { final, record } = await run();
    expect(final.event).toBe("chat.failed");
    expect(record.attempts).toHaveLength(1);
    expect(record.policy?.maxRetries).toBe(0);
    await call("policy.save", { ...DEFAULT_RETRY_POLICY, baseDelayMs: 50, maxDelayMs: 100 });
    await call("simulator.setBehaviour", { ...NORMAL_BEHAVIOUR, failure: "server_error", remaining: 1 });
    const retried = await run();
    expect(retried.final.event).toBe("chat.finished");
    expect(retried.record.attempts.map((a) => a.status)).toEqual([500, 200]);
  });

  it("refuses a policy that fails the schema, keeping the saved one", async () => {
    await expect(call("policy.save", { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5_000, maxDelayMs: 10 })).rejects.toThrow(/cap must be at least the base delay/);
    expect((await call<typeof DEFAULT_RETRY_POLICY>("policy.get")).baseDelayMs).toBe(50);
  });

  it("runs the profile's saved fallback chain", async () => {
    await call("fallbacks.save", { profileId: "simulator", steps: [{ kind: "message", text: "The assistant is resting; try again soon." }] });
    await call("simulator.setBehaviour", { ...NORMAL_BEHAVIOUR, failure: "unavailable", remaining: null });
    const { final, record } = await run();
    expect((final.payload as EventPayload<"chat.finished">).result.choices[0]?.content).toBe("The assistant is resting; try again soon.");
    expect(record.fallbacks?.[0]).toMatchObject({ kind: "message", outcome: "answered" });
    await call("simulator.clearBehaviour");
    await call("fallbacks.save", { profileId: "simulator", steps: [] });
    await expect(call("fallbacks.save", { profileId: "simulator", steps: [{ kind: "profile", profileId: "simulator", model: "" }] })).rejects.toThrow(/cannot fall back to itself/);
  });
});

describe("budgets", () => {
  it("refuses a run that would pass the cap, sends nothing, spends nothing, and logs the refusal", async () => {
    await call("simulator.clearBehaviour");
    await run(); // some spend today
    const before = await call<BudgetStatus>("budgets.save", { profileId: "simulator", budget: { ...NO_BUDGET, dailyTokens: 1 } });
    expect(before.day.tokens).toBeGreaterThan(1);
    expect(before.warnings[0]).toMatch(/Profile Simulator \(offline\) has used \d+% of its daily token cap/);
    await call("simulator.clearBehaviour"); // resets the simulator's request count
    const runId = crypto.randomUUID();
    const refused = await dispatch(core.handlers, "chat.start", { runId, profileId: "simulator", request }, ctx, core.knownSecrets);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ kind: "quota", code: "budget_exceeded" });
    expect(refused.error.message).toMatch(/^Refused before sending: .*Nothing was sent and nothing was spent\./);
    // The simulator saw nothing, and the spend did not move.
    expect((await call<SimBehaviourState>("simulator.behaviour")).served).toBe(0);
    const after = await call<{ budgets: BudgetStatus[] }>("budgets.get");
    expect(after.budgets.find((b) => b.profileId === "simulator")?.day).toEqual(before.day);
    const { entries } = await call<{ entries: UsageEntry[] }>("usage.list", {});
    expect(entries.at(-1)).toMatchObject({ runId, status: "refused", promptTokens: 0, completionTokens: 0, costUsd: 0, attempts: 0 });
    await call("budgets.save", { profileId: "simulator", budget: NO_BUDGET });
    expect((await run()).final.event).toBe("chat.finished");
  });
});

describe("budgets for evaluations", () => {
  it("refuses an evaluation whole before its first request, logs it, and resumes it once the cap allows", async () => {
    await call("budgets.save", { profileId: "simulator", budget: NO_BUDGET });
    const dataset = await call<{ id: string }>("evals.datasets.save", {
      name: "Budgeted",
      columns: ["city"],
      cases: ["Paris", "Rome", "Oslo"].map((city, i) => ({ id: `c${i}`, vars: { city }, assertions: [] })),
      assertions: [],
    });
    const status = (await call<{ budgets: BudgetStatus[] }>("budgets.get")).budgets.find((b) => b.profileId === "simulator") as BudgetStatus;
    // Room for two of the three requests (each may use 100 answer tokens plus its prompt), not three.
    await call("budgets.save", { profileId: "simulator", budget: { ...NO_BUDGET, dailyTokens: status.day.tokens + 250 } });
    await call("simulator.clearBehaviour"); // resets the simulator's request count
    const variant = { label: "v1", profileId: "simulator", request: { model: "sim-chat-1", messages: [{ role: "user", content: "Tell me about {{city}}." }], max_completion_tokens: 100 } };
    const { evalRunId } = await call<{ evalRunId: string }>("evals.start", { datasetId: dataset.id, variants: [variant], settings: { concurrency: 2, cache: false, mode: "direct" } });
    const refused = await settledEval(evalRunId);
    expect(refused.status).toBe("failed");
    expect(refused.error).toMatch(/^Refused before sending: this evaluation \(3 requests\) could use up to 3\d\d tokens, and profile Simulator \(offline\) has 250 tokens left/);
    expect(refused.cells).toEqual([]);
    expect((await call<SimBehaviourState>("simulator.behaviour")).served).toBe(0);
    const { entries } = await call<{ entries: UsageEntry[] }>("usage.list", {});
    expect(entries.at(-1)).toMatchObject({ runId: evalRunId, feature: "eval", status: "refused", costUsd: 0 });
    await call("budgets.save", { profileId: "simulator", budget: NO_BUDGET });
    await call("evals.resume", { evalRunId });
    const resumed = await settledEval(evalRunId);
    expect(resumed.status).toBe("done");
    expect(resumed.cells).toHaveLength(3);
  });
});

/** Polls an evaluation until it is no longer running. */
async function settledEval(evalRunId: string): Promise<{ status: string; error: string | null; cells: unknown[] }> {
  for (;;) {
    const run = await call<{ status: string; error: string | null; cells: unknown[] }>("evals.get", { evalRunId });
    if (run.status !== "running") return run;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the usage log", () => {
  it("keeps each request's metadata, never the message text, fsync'd as JSON Lines, and exports CSV", async () => {
    const secretish = "The customer's note: call me on the cellphone number in the file";
    await run({ ...request, messages: [{ role: "user", content: secretish }] });
    const { entries, textLogging } = await call<{ entries: UsageEntry[]; textLogging: boolean }>("usage.list", {});
    expect(textLogging).toBe(false);
    const last = entries.at(-1)!;
    expect(last).toMatchObject({ profileId: "simulator", providerKind: "simulator", model: "sim-chat-1", feature: "playground", status: "ok", attempts: 1, httpStatus: 200 });
    expect(last.promptTokens).toBeGreaterThan(0);
    expect(last.requestId).toMatch(/^req_/);
    const onDisk = readFileSync(join(dataDir, USAGE_FILE), "utf8");
    expect(onDisk).not.toContain("cellphone");
    expect(onDisk.trim().split("\n").length).toBe(entries.length);
    const { csv, rows } = await call<{ csv: string; rows: number }>("usage.exportCsv", {});
    expect(rows).toBe(entries.length);
    expect(csv.split("\r\n")[0]).toMatch(/^time,profile_id,profile,provider,model,feature,prompt_version,prompt_tokens,completion_tokens,cost_usd/);
    expect(csv).toContain(last.requestId!);
  });
});

describe("idempotency", () => {
  it("a replayed refund with the same key returns the first result and makes no second refund", async () => {
    await call("effects.reset");
    const call1 = { orderId: "A1234", amount: 40, idempotencyKey: "refund-A1234-1", loseResponse: true };
    const lost = await call<RefundOutcome>("effects.refund", call1);
    expect(lost.outcome).toBe("lost");
    const replay = await call<RefundOutcome>("effects.refund", { ...call1, loseResponse: false });
    expect(replay).toMatchObject({ outcome: "replayed", refundCount: 1 });
    expect(replay.message).toContain("no second refund");
    const { refunds } = await call<{ refunds: unknown[] }>("effects.list");
    expect(refunds).toHaveLength(1);
    const unkeyed = { orderId: "B1", amount: 5, idempotencyKey: null, loseResponse: false };
    await call("effects.refund", unkeyed);
    await call("effects.refund", unkeyed);
    expect((await call<{ refunds: unknown[] }>("effects.list")).refunds).toHaveLength(3);
  });
});

describe("usage text logging", () => {
  // One value of every listed kind; each must be gone from the file, with text logging on or off.
  const listed = ["ann.lopez@example.com", "+44 20 7946 0958", "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "sk-proj-abcdefghijklmnopqrstuvwx1234", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"];
  const message = `Refund me: mail ${listed[0]}, phone ${listed[1]}, card ${listed[2]}, IBAN ${listed[3]}, my key ${listed[4]} and token ${listed[5]}. Marker zebra-quartz.`;

  it("is off by default: no message text in the file at all", async () => {
    expect((await call<{ textLogging: boolean }>("usage.list", {})).textLogging).toBe(false);
    const { record } = await run({ ...request, messages: [{ role: "user", content: message }] });
    const onDisk = readFileSync(join(dataDir, USAGE_FILE), "utf8");
    expect(onDisk).not.toContain("zebra-quartz");
    expect(onDisk).not.toContain("Refund me");
    const entry = onDisk.trim().split("\n").map((line) => JSON.parse(line) as UsageEntry).find((e) => e.runId === record.runId);
    expect(entry).toBeDefined();
    expect(entry?.text).toBeUndefined();
  });

  it("when switched on, logs the text redacted: no listed pattern survives into the usage file", async () => {
    expect(await call("usage.setTextLogging", { enabled: true })).toEqual({ textLogging: true });
    try {
      const { record } = await run({ ...request, messages: [{ role: "user", content: message }] });
      const onDisk = readFileSync(join(dataDir, USAGE_FILE), "utf8");
      for (const value of listed) {
        expect(onDisk).not.toContain(value);
        expect(onDisk).not.toContain(value.replace(/\s/g, ""));
      }
      const { entries, textLogging } = await call<{ entries: UsageEntry[]; textLogging: boolean }>("usage.list", {});
      expect(textLogging).toBe(true);
      const entry = entries.find((e) => e.runId === record.runId);
      expect(entry?.text?.input).toContain("zebra-quartz");
      expect(entry?.text?.input).toMatch(/^user: Refund me: mail \[EMAIL_1\], phone \[PHONE_1\], card \[CARD_1\], IBAN \[IBAN_1\]/);
      expect(entry?.text?.output.length).toBeGreaterThan(0);
    } finally {
      await call("usage.setTextLogging", { enabled: false });
    }
    // Off again: the next entry has no text.
    const { record } = await run({ ...request, messages: [{ role: "user", content: "second marker walrus-ink" }] });
    const entries = (await call<{ entries: UsageEntry[] }>("usage.list", {})).entries;
    expect(entries.find((e) => e.runId === record.runId)?.text).toBeUndefined();
    expect(readFileSync(join(dataDir, USAGE_FILE), "utf8")).not.toContain("walrus-ink");
  });
});

describe("usage by feature", () => {
  it("logs the feature a caller names in the usage entry and the run record; the playground by default", async () => {
    const rag = await run(request, { feature: "rag" });
    expect(rag.record.feature).toBe("rag");
    const plain = await run();
    expect(plain.record.feature).toBeUndefined();
    const { entries } = await call<{ entries: UsageEntry[] }>("usage.list", {});
    expect(entries.find((e) => e.runId === rag.record.runId)?.feature).toBe("rag");
    expect(entries.find((e) => e.runId === plain.record.runId)?.feature).toBe("playground");
    const kept = await call<{ record: RunRecord } | null>("history.get", { runId: rag.record.runId });
    expect(kept?.record.feature).toBe("rag");
  });

  it("refuses a feature that is not one", async () => {
    await expect(call("chat.start", { runId: crypto.randomUUID(), profileId: "simulator", request, feature: "telepathy" })).rejects.toMatchObject({ error: { kind: "invalid_input" } });
  });

  it("logs each embeddings request as feature embeddings, with its attempts under the policy", async () => {
    await call("simulator.setBehaviour", { ...NORMAL_BEHAVIOUR, failure: "rate_limit_no_retry_after", remaining: 1 });
    await call("policy.save", { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 5, jitter: 0 });
    try {
      const out = await call<{ count: number }>("embeddings.embed", { jobId: crypto.randomUUID(), profileId: "simulator", model: "sim-embedding-1", texts: ["usage by feature, embedded"] });
      expect(out.count).toBe(1);
    } finally {
      await call("simulator.clearBehaviour");
      await call("policy.save", DEFAULT_RETRY_POLICY);
    }
    const { entries } = await call<{ entries: UsageEntry[] }>("usage.list", {});
    const last = entries.filter((e) => e.feature === "embeddings").at(-1);
    expect(last).toMatchObject({ model: "sim-embedding-1", status: "ok", attempts: 2, costUsd: 0, profileId: "simulator" });
    expect(last?.promptTokens).toBeGreaterThan(0);
  });
});

describe("moderation under the policy, in the usage log", () => {
  it("retries a 503 once and logs the check as feature moderation, without its text", async () => {
    await call("simulator.setBehaviour", { ...NORMAL_BEHAVIOUR, failure: "server_error", remaining: 1 });
    await call("policy.save", { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 5, jitter: 0 });
    try {
      const verdict = await call<{ flagged: boolean }>("safety.moderate", { profileId: "simulator", texts: [{ label: "input", text: "moderate me, heron-lantern" }] });
      expect(typeof verdict.flagged).toBe("boolean");
    } finally {
      await call("simulator.clearBehaviour");
      await call("policy.save", DEFAULT_RETRY_POLICY);
    }
    const { entries } = await call<{ entries: UsageEntry[] }>("usage.list", {});
    expect(entries.filter((e) => e.feature === "moderation").at(-1)).toMatchObject({ model: "sim-moderation-1", status: "ok", attempts: 2, profileId: "simulator" });
    expect(readFileSync(join(dataDir, USAGE_FILE), "utf8")).not.toContain("heron-lantern");
  });
});
