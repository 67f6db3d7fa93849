// Integration: a canary key planted in the keychain for two profiles is really used (the simulator
// requires it), yet never appears in any answer, event, error, record, file or console line, across
// every channel of the contract: each feature is driven, then every channel is called once more with
// empty and profile-only input so none is forgotten. A second server echoes the key back in every
// place a server can (a header, the request id, the answer streamed in pieces and whole, an error,
// the model list, an embedding reply), and a key pasted into a prompt is sent with redaction off:
// afterwards no file, answer, event, CSV, export or snippet may hold the key or 8 characters of it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Conf from "conf";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAppCore, type AppCore } from "../../electron/app";
import { dispatch, type HandlerContext } from "../../electron/dispatch";
import type { Keychain } from "../../electron/services/keychain";
import { startSimulator, type RunningSimulator } from "../../electron/simulator/server";
import { channelNames, type ChatRequest, type EventName, type EventPayload } from "../../shared/contract";
import { exportCode } from "../../shared/codeExport";
import { canaryPieces, findCanary, makeCanary } from "../fixtures/canary";
import { ECHO_ERROR_MODEL, startEchoServer, type EchoServer } from "../fixtures/echoServer";

const CANARY = makeCanary();
let simOk: RunningSimulator;
let simWrong: RunningSimulator;
let echo: EchoServer;
let core: AppCore;
let dataDir: string;
/** Everything that crossed back: call results, events, console lines. */
const seen: string[] = [];
const consoleLines: string[] = [];

const ctx: HandlerContext = {
  emit<E extends EventName>(event: E, payload: EventPayload<E>) {
    seen.push(`${event} ${JSON.stringify(payload)}`);
  },
};

async function call(channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(core.handlers, channel, input, ctx, core.knownSecrets);
  seen.push(`${channel} ${JSON.stringify(result)}`);
  return result.ok ? result.value : null;
}

function keychain(): Keychain {
  const keys = new Map<string, string>();
  return {
    get: async (a) => keys.get(a) ?? null,
    set: async (a, s) => void keys.set(a, s),
    delete: async (a) => void keys.delete(a),
    probe: async () => ({ available: true, problem: null }),
  };
}

function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, text: readFileSync(path, "latin1") }];
  });
}

async function waitForFinal(runId: string): Promise<string> {
  for (let i = 0; i < 2_000; i++) {
    const line = seen.find((l) => (l.startsWith("chat.finished") || l.startsWith("chat.failed")) && l.includes(runId));
    if (line) return line;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`run ${runId} never ended`);
}

const request: ChatRequest = {
  model: "sim-chat-1",
  temperature: 0,
  max_completion_tokens: 40,
  messages: [
    { role: "system", content: "You explain API keys. Keys are secrets." },
    { role: "user", content: "How should I store my API key?" },
  ],
};

beforeAll(async () => {
  simOk = await startSimulator({ requireKey: CANARY, tokenDelayMs: 0 });
  // This one wants another key, so the canary is refused and echoed back (masked) in a 401.
  simWrong = await startSimulator({ requireKey: "sk-proj-SomeOtherKey0000000000000000", tokenDelayMs: 0 });
  echo = await startEchoServer();
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(" ")));
  }
  dataDir = mkdtempSync(join(tmpdir(), "dojo-canary-"));
  core = await createAppCore({
    mode: "web",
    dataDir,
    version: "test",
    openStore: (o) => new Conf<Record<string, unknown>>({ ...o, projectName: "prompt-dojo" }),
    keychain: keychain(),
    env: { DOJO_SIM_TOKEN_DELAY_MS: "0", DOJO_SIM_BATCH_DELAY_MS: "0", DOJO_BATCH_POLL_MS: "50" },
  });
  await call("profiles.save", { id: "canary", name: "Canary", kind: "compatible", baseURL: simOk.url, defaultModel: "sim-chat-1" });
  await call("profiles.save", { id: "canary-wrong", name: "Canary, wrong server", kind: "compatible", baseURL: simWrong.url, defaultModel: "sim-chat-1" });
  await call("profiles.save", { id: "canary-echo", name: "Canary, echoing server", kind: "compatible", baseURL: echo.url, defaultModel: "echo-1" });
  await call("secrets.set", { profileId: "canary-echo", key: CANARY });
  await call("secrets.set", { profileId: "canary", key: CANARY });
  await call("secrets.set", { profileId: "canary-wrong", key: CANARY });
  seen.length = 0; // the key went in through these two calls' inputs; only what comes back counts
  await call("profiles.setActive", { profileId: "canary" });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await core?.close();
  await simOk?.close();
  await simWrong?.close();
  await echo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every place the scan found the canary (or 8 characters of it): results, events, files, console. */
function leaksEverywhere(): { where: string; found: string | null }[] {
  return [
    ...seen.map((text, i) => ({ where: `result or event #${i}`, text })),
    ...filesUnder(dataDir).map((f) => ({ where: f.path, text: f.text })),
    ...consoleLines.map((text) => ({ where: "console", text })),
  ]
    .map(({ where, text }) => ({ where, found: findCanary(text, CANARY) }))
    .filter((l) => l.found);
}

async function waitForEval(evalRunId: string): Promise<{ status: string; cells: { output: string }[] }> {
  for (let i = 0; i < 3_000; i++) {
    const run = (await call("evals.get", { evalRunId })) as { status: string; cells: { output: string }[] } | null;
    if (run && run.status !== "running") return run;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`evaluation ${evalRunId} never ended`);
}

describe("a server that echoes the key", () => {
  it("gets it nowhere: not into a header, request id, answer, error, file, CSV, export, snippet or event", async () => {
    // Redaction off and usage text logging on: the prompt and the answer reach the files as they are.
    await call("safety.save", { moderation: { input: false, output: false, model: "sim-moderation-1" }, redaction: { enabled: false, groups: { email: true, phone: true, card: true, iban: true, secrets: true }, custom: [] } });
    await call("usage.setTextLogging", { enabled: true });
    const pasted: ChatRequest = { model: "echo-1", messages: [{ role: "user", content: `My key is ${CANARY}, keep it safe.` }] };
    const before = echo.keyed();

    // Streamed run: the answer repeats the key in 3-character deltas; headers and id echo it too.
    const streamed = crypto.randomUUID();
    await call("chat.start", { runId: streamed, profileId: "canary-echo", request: pasted });
    const finished = await waitForFinal(streamed);
    expect(finished).toMatch(/^chat\.finished/);
    expect.soft(finished).toContain("Your key is [redacted]");
    const deltas = seen.filter((l) => l.startsWith("chat.delta") && l.includes(streamed)).map((l) => JSON.parse(l.slice("chat.delta ".length)) as { deltas: { content: string }[] });
    const shown = deltas.flatMap((d) => d.deltas.map((x) => x.content)).join("");
    expect.soft(shown).toBe("Your key is [redacted] and I repeat it: [redacted]. Done.");
    // An error whose message carries the key.
    const failing = crypto.randomUUID();
    await call("chat.start", { runId: failing, profileId: "canary-echo", request: { ...pasted, model: ECHO_ERROR_MODEL } });
    expect(await waitForFinal(failing)).toMatch(/^chat\.failed/);

    // Non-streamed answers (an evaluation), the model list, the connection test, embeddings.
    const dataset = (await call("evals.datasets.save", { name: "Echo", columns: ["x"], cases: [{ id: "a", vars: { x: "one" }, assertions: [] }, { id: "b", vars: { x: "two" }, assertions: [] }], assertions: [] })) as { id: string };
    const { evalRunId } = (await call("evals.start", { datasetId: dataset.id, variants: [{ label: "v1", profileId: "canary-echo", request: { model: "echo-1", messages: [{ role: "user", content: "Say {{x}}." }] } }], settings: { concurrency: 2, cache: false, mode: "direct" } })) as { evalRunId: string };
    const evalRun = await waitForEval(evalRunId);
    expect(evalRun.status).toBe("done");
    expect.soft(evalRun.cells.map((c) => c.output).join(" ")).toContain("Your key is [redacted]");
    expect.soft(JSON.stringify(await call("models.list", { profileId: "canary-echo" }))).toContain("echo-[redacted]");
    expect(await call("profiles.test", { profileId: "canary-echo" })).toMatchObject({ modelCount: 2 });
    expect(await call("embeddings.embed", { jobId: crypto.randomUUID(), profileId: "canary-echo", model: "echo-embed", texts: ["a cat", "a dog"] })).not.toBeNull();

    // Everything that reads those back: inspector, history, usage and its CSV, experiments, snippets.
    const record = (await call("runs.get", { runId: streamed })) as { chunks: { data: { choices: { delta: { content?: string } }[] } }[] } | null;
    expect.soft(JSON.stringify(record)).toContain("req_[redacted]");
    // The inspector's chunks, put back together, must not spell the key either (each piece alone is 3 characters).
    const replayed = (record?.chunks ?? []).flatMap((c) => c.data.choices.map((choice) => choice.delta.content ?? "")).join("");
    expect.soft(replayed).toBe("Your key is [redacted] and I repeat it: [redacted]. Done.");
    await call("runs.get", { runId: failing });
    await call("runs.recent", {});
    await call("history.list", {});
    await call("history.get", { runId: streamed });
    await call("usage.list", {});
    expect(await call("usage.exportCsv", {})).toMatchObject({ rows: expect.any(Number) });
    // The playground's draft (settings.json) with the pasted key, as the renderer autosaves it.
    expect(await call("draft.save", { version: 1, profileId: "canary-echo", request: pasted, updatedAt: Date.now() })).toEqual({ ok: true });
    expect(JSON.stringify(await call("draft.load", {}))).toContain("My key is [redacted]");
    expect(await call("experiments.create", { name: "Echo", state: { profileId: "canary-echo", request: pasted }, message: "a key pasted in" })).not.toBeNull();
    expect(JSON.stringify(await call("experiments.export", {}))).toContain("My key is [redacted]");
    for (const language of ["curl", "node", "python"] as const) seen.push(exportCode(pasted, { language, baseURL: echo.url, production: true, stream: true }));
    await new Promise((r) => setTimeout(r, 200));

    // The key was really sent (and so really echoed), and the scan can find it.
    expect(echo.keyed() - before).toBeGreaterThanOrEqual(7);
    expect(findCanary(`x ${canaryPieces(CANARY).at(-1)} y`, CANARY)).not.toBeNull();
    expect(leaksEverywhere()).toEqual([]);
    for (const dir of ["history/runs.jsonl", "usage/requests.jsonl"]) expect(filesUnder(dataDir).some((f) => f.path.endsWith(dir))).toBe(true);
  });
});

describe("the canary key", () => {
  it("is used (the server requires it) and never comes back from any feature", async () => {
    // Playground: a run that succeeds only because the canary was sent.
    const ok = crypto.randomUUID();
    await call("chat.start", { runId: ok, profileId: "canary", request });
    expect(await waitForFinal(ok)).toMatch(/^chat\.finished/);
    // A failing run: the other server refuses the canary and echoes it masked.
    const bad = crypto.randomUUID();
    await call("chat.start", { runId: bad, profileId: "canary-wrong", request });
    const failed = await waitForFinal(bad);
    expect(failed).toMatch(/^chat\.failed.*invalid_key/);
    // Inspector, history, code export, models, connection tests, embeddings, safety, experiments, usage.
    await call("runs.get", { runId: ok });
    await call("runs.get", { runId: bad });
    await call("runs.recent", {});
    await call("history.list", {});
    for (const language of ["curl", "node", "python"] as const) seen.push(exportCode(request, { language, baseURL: simOk.url, production: true, stream: true }));
    for (const profileId of ["canary", "canary-wrong"]) {
      await call("models.list", { profileId });
      await call("profiles.test", { profileId });
      await call("safety.moderate", { profileId, texts: [{ label: "x", text: "hello" }] });
    }
    await call("embeddings.embed", { jobId: crypto.randomUUID(), profileId: "canary", model: "sim-embedding-1", texts: ["a cat", "a dog"] });
    await call("safety.save", { moderation: { input: true, output: true, model: "sim-moderation-1" }, redaction: { enabled: true, groups: { email: true, phone: true, card: true, iban: true, secrets: true }, custom: [] } });
    const gated = crypto.randomUUID();
    await call("chat.start", { runId: gated, profileId: "canary", request });
    await waitForFinal(gated);
    await call("experiments.create", { name: "Canary", state: { request }, message: "v1" });
    await call("experiments.export", {});
    await call("usage.exportCsv", {});
    // Every channel once more, with empty and profile-only input, skipping those that destroy or set.
    const skip = /delete|clear|reset|setActive|setWorkspace|openExternal|^secrets\.|save|import|cancel|restore|undelete|duplicate|rename|grade|submit|markRead|refund/;
    for (const channel of channelNames.filter((c) => !skip.test(c))) {
      await call(channel, {});
      await call(channel, { profileId: "canary-wrong" });
    }
    await new Promise((r) => setTimeout(r, 200));

    expect(leaksEverywhere()).toEqual([]);
    // The scan can fail: the canary's pieces are what it looks for.
    expect(findCanary(`x ${canaryPieces(CANARY)[3]} y`, CANARY)).not.toBeNull();
    expect(seen.length).toBeGreaterThan(100);
    expect(filesUnder(dataDir).map((f) => f.path).join("\n")).toMatch(/history/);
  });
});
