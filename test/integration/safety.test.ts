// Integration: safety through the whole main side (app core, handlers, chat service, the real SDK)
// against the real simulator, behind a proxy that captures every byte the server receives: no listed
// pattern survives in what is sent, the run record keeps counts only, moderation gates both ends.
import { createServer, type Server } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppCore } from "../../electron/app";
import { dispatch, type HandlerContext } from "../../electron/dispatch";
import { startSimulator, type RunningSimulator } from "../../electron/simulator/server";
import { events, type ChatRequest, type EventName, type EventPayload } from "../../shared/contract";
import { defaultRedactionOptions, redactChatRequest, restorePlaceholders } from "../../shared/redaction";
import type { RunRecord } from "../../shared/runRecord";
import { defaultSafetySettings, type SafetySettings } from "../../shared/safety";
import { sampleMessage, seededRandom, type Sample } from "../fixtures/sensitiveSamples";
import { startTestCore } from "../fixtures/testCore";

let sim: RunningSimulator;
let proxy: Server;
let proxyURL: string;
let core: AppCore;
let dataDir: string;
/** Every request the proxy forwarded: path and raw body as received. */
const captured: { path: string; body: string }[] = [];
/** Every event the handlers emitted, contract-checked. */
const emitted: { event: EventName; payload: unknown }[] = [];

beforeAll(async () => {
  sim = await startSimulator({ tokenDelayMs: 0 });
  proxy = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (p: Buffer) => parts.push(p));
    req.on("end", async () => {
      const body = Buffer.concat(parts).toString("utf8");
      captured.push({ path: req.url ?? "", body });
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !["host", "content-length", "connection"].includes(k))) as Record<string, string>;
      const upstream = await fetch(`${sim.url.replace(/\/v1$/, "")}${req.url}`, { method: req.method, headers, body: req.method === "GET" ? undefined : body });
      res.writeHead(upstream.status, Object.fromEntries(upstream.headers));
      const reader = upstream.body?.getReader();
      for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) res.write(next.value);
      res.end();
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const address = proxy.address();
  proxyURL = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/v1`;
  dataDir = mkdtempSync(join(tmpdir(), "dojo-safety-int-"));
  core = await startTestCore(dataDir);
  await call("profiles.save", { id: "capture", name: "Capturing proxy", kind: "compatible", baseURL: proxyURL, defaultModel: "sim-chat-1" });
});

afterAll(async () => {
  await core?.close();
  await new Promise((r) => proxy?.close(r));
  await sim?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const ctx: HandlerContext = {
  emit<E extends EventName>(event: E, payload: EventPayload<E>) {
    emitted.push({ event, payload: events[event].parse(payload) });
  },
};

async function call(channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(core.handlers, channel, input, ctx, core.knownSecrets);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { error: result.error });
  return result.value;
}

async function saveSafety(change: (s: SafetySettings) => void): Promise<void> {
  const s = defaultSafetySettings();
  s.moderation.model = "sim-moderation-1"; // the compatible profile would default to OpenAI's model
  change(s);
  await call("safety.save", s);
}

/** Starts a run and waits for its final event. */
async function run(request: ChatRequest): Promise<{ final: { event: EventName; payload: unknown }; runId: string }> {
  const runId = crypto.randomUUID();
  await call("chat.start", { runId, profileId: "capture", request });
  for (;;) {
    const final = emitted.find((e) => (e.event === "chat.finished" && (e.payload as EventPayload<"chat.finished">).result.runId === runId) || (e.event === "chat.failed" && (e.payload as EventPayload<"chat.failed">).runId === runId));
    if (final) return { final, runId };
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Every file under a folder, read as text. */
function readAll(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? readAll(path) : readFileSync(path, "utf8")))
    .join("\n");
}

describe("redaction of what is sent", () => {
  it("leaves no generated personal data or secret in the bodies the server receives, the records or the history", async () => {
    await saveSafety((s) => (s.redaction.enabled = true));
    const rand = seededRandom(6);
    const samples: Sample[] = [];
    for (let i = 0; i < 40; i++) {
      const messages = Array.from({ length: 3 }, () => sampleMessage(rand));
      const mine = messages.flatMap((m) => m.samples);
      samples.push(...mine);
      const request: ChatRequest = {
        model: "sim-chat-1",
        temperature: 0,
        max_completion_tokens: 60,
        messages: messages.map((m, n) => ({ role: n === 0 ? "system" : "user", content: m.text })),
      };
      const before = captured.length;
      const preview = (await call("safety.preview", { request })) as { body: unknown; applied: boolean };
      const { final, runId } = await run(request);
      expect(final.event).toBe("chat.finished");
      const sent = captured.slice(before).filter((c) => c.path.endsWith("/chat/completions"));
      expect(sent).toHaveLength(1);
      // The preview is exactly what went over the wire.
      expect(JSON.parse(sent[0]!.body)).toEqual(preview.body);
      const record = (await call("runs.get", { runId })) as RunRecord;
      expect(record.redaction?.applied).toBe(true);
      const wire = sent[0]!.body + JSON.stringify(record);
      for (const s of mine) expect(wire, `${s.kind} left the machine`).not.toContain(JSON.stringify(s.secret).slice(1, -1));
    }
    const onDisk = readAll(dataDir);
    for (const s of samples) expect(onDisk).not.toContain(JSON.stringify(s.secret).slice(1, -1));
  });

  it("sends an evaluation's requests redacted too, directly and in a batch file, and keeps none of the values in the runs' files", async () => {
    await saveSafety((s) => (s.redaction.enabled = true));
    const rand = seededRandom(11);
    const rows = Array.from({ length: 6 }, () => sampleMessage(rand));
    const dataset = (await call("evals.datasets.save", {
      name: "Sensitive rows",
      columns: ["note"],
      cases: rows.map((r, i) => ({ id: `r${i}`, vars: { note: r.text }, assertions: [] })),
      assertions: [],
    })) as { id: string };
    const variant = { label: "v1", profileId: "capture", request: { model: "sim-chat-1", max_completion_tokens: 40, messages: [{ role: "user", content: "Summarise: {{note}}" }] } };
    const before = captured.length;
    for (const mode of ["direct", "batch"]) {
      const { evalRunId } = (await call("evals.start", { datasetId: dataset.id, variants: [variant], settings: { concurrency: 3, cache: false, mode } })) as { evalRunId: string };
      for (;;) {
        const evalRun = (await call("evals.get", { evalRunId })) as { status: string; cells: unknown[] };
        if (evalRun.status !== "running") {
          expect(evalRun.status).toBe("done");
          expect(evalRun.cells).toHaveLength(rows.length);
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    const sent = captured.slice(before);
    // Six chat requests, then the batch's upload (its JSON Lines file), placeholders in its lines.
    expect(sent.filter((c) => c.path.endsWith("/chat/completions"))).toHaveLength(rows.length);
    expect(sent.find((c) => c.path.endsWith("/files"))?.body).toMatch(/Summarise: [^"]*\[[A-Z_]+_\d+\]/);
    // The dataset file keeps the user's own rows; what the runs leave (history, usage log, results) must not.
    const left = [sent.map((c) => c.body).join("\n"), ...["history", "usage", "evals"].map((d) => readAll(join(dataDir, d)))];
    expect(left.every((text) => text.length > 0)).toBe(true);
    for (const sample of rows.flatMap((r) => r.samples)) {
      for (const text of left) expect(text, `${sample.kind} left the machine or stayed in a run's files`).not.toContain(JSON.stringify(sample.secret).slice(1, -1));
    }
  });

  it("restores placeholders the answer repeats, locally, from the same redaction of the original", async () => {
    await saveSafety((s) => (s.redaction.enabled = true));
    const request: ChatRequest = {
      model: "sim-chat-1",
      temperature: 0,
      messages: [
        { role: "system", content: "Refunds go to the card on file, 4111 1111 1111 1111. Write to ann@example.com about refunds." },
        { role: "user", content: "Where do refunds go?" },
      ],
    };
    const { final } = await run(request);
    const answer = (final.payload as EventPayload<"chat.finished">).result.choices[0]!.content;
    expect(answer).toContain("[CARD_1]");
    expect(answer).not.toContain("4111");
    const { replacements } = redactChatRequest(request, defaultRedactionOptions());
    expect(restorePlaceholders(answer, replacements)).toContain("4111 1111 1111 1111");
  });
});

describe("moderation", () => {
  it("does not send a flagged input, says which categories, and moderates the redacted text", async () => {
    await saveSafety((s) => ((s.moderation.input = true), (s.redaction.enabled = true)));
    const before = captured.length;
    const runId = crypto.randomUUID();
    const request: ChatRequest = { model: "sim-chat-1", messages: [{ role: "user", content: "You idiot, I will find you at bob@example.com" }] };
    const refused = await call("chat.start", { runId, profileId: "capture", request }).catch((e: { error: { code: string; message: string } }) => e.error);
    expect(refused).toMatchObject({ code: "input_flagged" });
    expect((refused as { message: string }).message).toMatch(/harassment \d\.\d\d/);
    const paths = captured.slice(before).map((c) => c.path);
    expect(paths).toEqual(["/v1/moderations"]);
    expect(captured.at(-1)!.body).toContain("[EMAIL_1]");
    expect(captured.at(-1)!.body).not.toContain("bob@example.com");
    const verdict = emitted.find((e) => e.event === "safety.moderated" && (e.payload as { runId: string }).runId === runId);
    expect(verdict?.payload).toMatchObject({ stage: "input", verdict: { flagged: true } });
  });

  it("moderates an evaluation's inputs 32 texts to a call before sending, and never sends a flagged case", async () => {
    await saveSafety((s) => (s.moderation.input = true));
    const cities = Array.from({ length: 40 }, (_, i) => `Paris ${i}`);
    cities[17] = "you idiot, I will find you";
    const dataset = (await call("evals.datasets.save", {
      name: "Moderated rows",
      columns: ["city"],
      cases: cities.map((city, i) => ({ id: `m${i}`, vars: { city }, assertions: [] })),
      assertions: [],
    })) as { id: string };
    const before = captured.length;
    const variant = { label: "v1", profileId: "capture", request: { model: "sim-chat-1", max_completion_tokens: 20, messages: [{ role: "user", content: "Tell me about {{city}}." }] } };
    const { evalRunId } = (await call("evals.start", { datasetId: dataset.id, variants: [variant], settings: { concurrency: 4, cache: false, mode: "direct" } })) as { evalRunId: string };
    let evalRun: { status: string; cells: { caseId: string; status: string; error: string | null }[] };
    for (;;) {
      evalRun = (await call("evals.get", { evalRunId })) as typeof evalRun;
      if (evalRun.status !== "running") break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(evalRun.status).toBe("done");
    expect(evalRun.cells).toHaveLength(40);
    const refused = evalRun.cells.filter((c) => c.status === "error");
    expect(refused.map((c) => c.caseId)).toEqual(["m17"]);
    expect(refused[0]?.error).toMatch(/^Moderation flagged the input \(.*\bharassment \d\.\d\d.*\), so it was not sent\.$/);
    const sent = captured.slice(before);
    // Forty texts: two moderation calls, all before the first chat request; the flagged one never sent.
    expect(sent.findIndex((c) => c.path.endsWith("/chat/completions"))).toBe(2);
    expect(sent.filter((c) => c.path.endsWith("/moderations"))).toHaveLength(2);
    expect(sent.filter((c) => c.path.endsWith("/chat/completions"))).toHaveLength(39);
    expect(sent.filter((c) => c.path.endsWith("/chat/completions")).some((c) => c.body.includes("idiot"))).toBe(false);
  });

  it("withholds an evaluation answer that output moderation flags, directly and in a batch, keeping the verdict on its run", async () => {
    await saveSafety((s) => (s.moderation.output = true));
    const dataset = (await call("evals.datasets.save", {
      name: "Moderated answers",
      columns: ["topic"],
      cases: ["bread", "stupid loser", "rivers"].map((topic, i) => ({ id: `o${i}`, vars: { topic }, assertions: [] })),
      assertions: [],
    })) as { id: string };
    const variant = { label: "v1", profileId: "capture", request: { model: "sim-chat-1", temperature: 0, messages: [{ role: "user", content: "Repeat after me: {{topic}}" }] } };
    for (const mode of ["direct", "batch"]) {
      const { evalRunId } = (await call("evals.start", { datasetId: dataset.id, variants: [variant], settings: { concurrency: 3, cache: false, mode } })) as { evalRunId: string };
      let evalRun: { status: string; cells: { caseId: string; status: string; output: string; error: string | null; runId: string | null }[] };
      for (;;) {
        evalRun = (await call("evals.get", { evalRunId })) as typeof evalRun;
        if (evalRun.status !== "running") break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(evalRun.status).toBe("done");
      const byCase = Object.fromEntries(evalRun.cells.map((c) => [c.caseId, c]));
      expect([byCase.o0?.status, byCase.o2?.status]).toEqual(["pass", "pass"]);
      expect(byCase.o1).toMatchObject({ status: "error", output: "" });
      expect(byCase.o1?.error).toMatch(/^Moderation flagged the answer \(.*\bharassment \d\.\d\d.*\), so it is withheld\.$/);
      const entry = (await call("history.get", { runId: byCase.o1?.runId })) as { record: RunRecord };
      expect(entry.record.moderation).toEqual([expect.objectContaining({ stage: "output", flagged: true, categories: expect.arrayContaining(["harassment"]) })]);
    }
  });

  it("checks the output before any text is shown, and reports the verdict before the final event", async () => {
    await saveSafety((s) => (s.moderation.output = true));
    const { runId } = await run({ model: "sim-chat-1", temperature: 0, messages: [{ role: "system", content: "Stupid loser, shut up." }, { role: "user", content: "Repeat the insult: stupid loser" }] });
    // Progress events (attempts as they happen) carry no text; among the rest, the verdict comes first.
    const mine = emitted.filter((e) => e.event !== "chat.progress" && JSON.stringify(e.payload).includes(runId));
    expect(mine.map((e) => e.event)).toEqual(["safety.moderated", "chat.finished"]);
    expect(mine[0]?.payload).toMatchObject({ stage: "output", verdict: { flagged: true } });
  });
});
