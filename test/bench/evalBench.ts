// Benchmarks (Node): evaluations. (1) 500 cases against the simulator with a fixed latency per
// request, run by this app's runner and by promptfoo at the same concurrency, against the ideal
// bound cases x latency / concurrency. (2) The peak memory of a 10,000-case run.
import { spawn } from "node:child_process";
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { EvalVariant } from "../../shared/evals";
import { DEFAULT_PRICE_TABLE } from "../../shared/pricing";
import { createDatasetStore } from "../../electron/services/evals/datasetStore";
import { createEvalService } from "../../electron/services/evals/evalService";
import { createEvalRecorder } from "../../electron/services/evals/evalRecorder";
import { createRunHistory } from "../../electron/services/history/runHistory";
import { createUsageLog } from "../../electron/services/usage/usageLog";
import type { Connection } from "../../electron/services/openaiClient";
import { startSimulator, type RunningSimulator } from "../../electron/simulator/server";
import { startExternalSimulator } from "./externalSimulator";
import { ensureSqliteBinding } from "./sqliteBinding";
import { fmt, quantile, type BenchTable } from "./table";

const CASES = 500;
const LATENCY_MS = 50;
const CONCURRENCY = 20;
/** Runs of the app and of the bare client; the median is reported. */
const RUNS = 3;
const BIG_CASES = 10_000;
const BIG_CONCURRENCY = 64;
const PROMPTFOO = fileURLToPath(new URL("../../node_modules/.bin/promptfoo", import.meta.url));
const MEMORY_CHILD = fileURLToPath(new URL("./evalMemoryChild.ts", import.meta.url));
/** Cases of the small run whose peak stands for each tool's start-up cost (modules, runtime). */
const SMALL_CASES = 10;

const CITIES = ["Paris", "Rome", "Lisbon", "Oslo", "Cairo", "Lima", "Quito", "Hanoi", "Dakar", "Riga"];
const cityOf = (i: number) => `${CITIES[i % CITIES.length]} ${Math.floor(i / CITIES.length)}`;

/**
 * Runs the app's evaluation service over `cases` cases; wall ms and, when `sampleMemory`, the peak
 * RSS seen (sampled every 20 ms: reading it costs CPU, so the throughput runs do not).
 */
export async function runApp(sim: Pick<RunningSimulator, "url">, cases: number, concurrency: number, sampleMemory = false): Promise<{ ms: number; passed: number; total: number; peakRssMb: number; baseRssMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), "dojo-evalbench-"));
  const connection: Connection = { provider: { profileId: "simulator", profileName: "Simulator", kind: "simulator", baseURL: sim.url }, baseURL: sim.url, apiKey: "simulator-no-key" };
  const datasets = createDatasetStore({ dir: () => join(dir, "datasets"), secrets: () => [] });
  // Runs are kept as the app keeps them: the history file and the usage log, both fsync'd.
  const history = createRunHistory(dir);
  const usage = createUsageLog(dir);
  const service = createEvalService({
    dataDir: dir,
    datasets,
    resolveConnection: async () => connection,
    secrets: () => [],
    priceTable: () => DEFAULT_PRICE_TABLE,
    recordRun: createEvalRecorder({ history, usage }),
    progressIntervalMs: 100,
  });
  try {
    const dataset = datasets.save({
      name: "Bench",
      columns: ["city"],
      cases: Array.from({ length: cases }, (_, i) => ({ id: `c${i}`, vars: { city: cityOf(i) }, assertions: [] })),
      assertions: [{ type: "contains", value: "Tell me about" }],
    });
    const variant: EvalVariant = { label: "v1", profileId: "simulator", request: { model: "sim-chat-1", messages: [{ role: "user", content: "Tell me about {{city}}." }] } };
    global.gc?.();
    const baseRss = process.memoryUsage.rss();
    let peakRss = baseRss;
    const sampler = sampleMemory ? setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20) : undefined;
    const started = performance.now();
    const run = await service.settled(service.start({ datasetId: dataset.id, variants: [variant], settings: { concurrency, cache: false, mode: "direct" } }, () => {}).id);
    const ms = performance.now() - started;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return { ms, passed: run.cells.filter((c) => c.status === "pass").length, total: run.cells.length, peakRssMb: peakRss / 2 ** 20, baseRssMb: baseRss / 2 ** 20 };
  } finally {
    service.close();
    history.close();
    usage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The floor this simulator allows: the same requests from a bare node:http keep-alive client (no
 * SDK, no grading, no history), `concurrency` at a time. What it adds to the ideal bound is the
 * simulator's and the loopback's share, which no runner can remove.
 */
async function runPlainHttp(sim: Pick<RunningSimulator, "url">, cases: number, concurrency: number): Promise<number> {
  const agent = new HttpAgent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(`${sim.url}/chat/completions`);
  const send = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ model: "sim-chat-1", messages: [{ role: "user", content: `Tell me about ${cityOf(i)}.` }] });
      const req = httpRequest(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: "Bearer simulator-no-key" } }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("end", () => (res.statusCode === 200 && JSON.parse(Buffer.concat(parts).toString()).choices ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on("error", reject);
      req.end(body);
    });
  try {
    let next = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < cases) await send(next++);
    }));
    return performance.now() - started;
  } finally {
    agent.destroy();
  }
}

const median = (values: readonly number[]) => quantile(values, 0.5);

/** A process's peak resident set so far (VmHWM, kB) from /proc; 0 where there is no /proc or it ended. */
function peakRssKbOf(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s*(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Sets the simulator's limits to the highest it takes (100,000 requests and 100 M tokens a minute)
 * through its control endpoint: its default 500 a minute, which promptfoo waits for when the
 * x-ratelimit-remaining headers run low, would turn a 10,000-case run into a 20-minute one.
 */
async function raiseRateLimits(simUrl: string): Promise<void> {
  const res = await fetch(new URL("/_dojo/behaviour", simUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ failure: "none", remaining: null, firstByteDelayMs: null, requestsPerMinute: 100_000, tokensPerMinute: 100_000_000 }),
  });
  if (!res.ok) throw new Error(`the simulator refused the raised limits: ${res.status} ${await res.text()}`);
}

/** Runs this app's runner in a fresh child process (test/bench/evalMemoryChild.ts) and reads its figures. */
function runAppInChild(sim: Pick<RunningSimulator, "url">, cases: number, concurrency: number): Promise<Awaited<ReturnType<typeof runApp>> & { processPeakMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", MEMORY_CHILD, sim.url, String(cases), String(concurrency)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    let peakKb = 0;
    const sampler = setInterval(() => (peakKb = Math.max(peakKb, peakRssKbOf(child.pid))), 20);
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(sampler);
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !line.startsWith("{")) reject(new Error(`the app's memory run exited with code ${code}`));
      else {
        const result = JSON.parse(line) as Awaited<ReturnType<typeof runApp>>;
        resolve({ ...result, processPeakMb: Math.max(peakKb / 1024, result.peakRssMb) });
      }
    });
  });
}

/** Runs promptfoo's CLI over the same cases against the simulator as an OpenAI-compatible server. */
async function runPromptfoo(sim: Pick<RunningSimulator, "url">, cases = CASES, concurrency = CONCURRENCY): Promise<{ wallMs: number; evalMs: number; passed: number; peakRssMb: number } | { error: string }> {
  const dir = mkdtempSync(join(tmpdir(), "dojo-promptfoo-"));
  try {
    writeFileSync(join(dir, "cases.csv"), `city\n${Array.from({ length: cases }, (_, i) => cityOf(i)).join("\n")}\n`);
    writeFileSync(
      join(dir, "promptfooconfig.yaml"),
      [
        "prompts:",
        '  - "Tell me about {{city}}."',
        "providers:",
        "  - id: openai:chat:sim-chat-1",
        "    config:",
        `      apiBaseUrl: ${sim.url}`,
        "      apiKey: simulator-no-key",
        "defaultTest:",
        "  assert:",
        "    - type: contains",
        '      value: "Tell me about"',
        "tests: file://cases.csv",
        "",
      ].join("\n"),
    );
    const started = performance.now();
    let peakKb = 0;
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(PROMPTFOO, ["eval", "-c", "promptfooconfig.yaml", "--max-concurrency", String(concurrency), "--no-cache", "--no-write", "--no-table", "--no-progress-bar", "-o", "out.json"], {
        cwd: dir,
        // No telemetry, no update check, no network: its own config folder, inside the temp dir.
        env: { ...process.env, PROMPTFOO_DISABLE_TELEMETRY: "1", PROMPTFOO_DISABLE_UPDATE: "1", PROMPTFOO_CONFIG_DIR: join(dir, ".promptfoo"), OPENAI_API_KEY: "simulator-no-key" },
        stdio: "ignore",
      });
      const sampler = setInterval(() => (peakKb = Math.max(peakKb, peakRssKbOf(child.pid))), 20);
      child.on("error", reject);
      child.on("exit", (c) => {
        clearInterval(sampler);
        resolve(c ?? 1);
      });
    });
    const wallMs = performance.now() - started;
    if (code !== 0) return { error: `promptfoo exited with code ${code}` };
    const out = JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as { results: { stats: { successes: number; durationMs?: number; evaluationDurationMs?: number } } };
    return { wallMs, evalMs: out.results.stats.evaluationDurationMs ?? out.results.stats.durationMs ?? Number.NaN, passed: out.results.stats.successes, peakRssMb: peakKb / 1024 };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * 500 cases, this app vs promptfoo vs the ideal bound, in one run. The simulator runs in its own
 * process, so neither runner shares its event loop with the server.
 */
export async function evalThroughputBench(print: (text: string) => void = console.log): Promise<BenchTable> {
  const sim = await startExternalSimulator(["--fixed-latency-ms", String(LATENCY_MS)]);
  const ideal = (CASES * LATENCY_MS) / CONCURRENCY;
  try {
    await runApp(sim, 20, CONCURRENCY); // warm-up: JIT, sockets
    await runPlainHttp(sim, 20, CONCURRENCY);
    // Three runs each, interleaved, so a noisy moment on a shared 2-core machine hits both alike.
    const floors: number[] = [];
    const apps: Awaited<ReturnType<typeof runApp>>[] = [];
    for (let i = 0; i < RUNS; i++) {
      floors.push(await runPlainHttp(sim, CASES, CONCURRENCY));
      apps.push(await runApp(sim, CASES, CONCURRENCY));
    }
    const floor = median(floors);
    const appMs = median(apps.map((a) => a.ms));
    const app = apps.find((a) => a.ms === appMs) as (typeof apps)[number];
    const sqlite = await ensureSqliteBinding(print);
    // promptfoo gets a fresh simulator: it reads the x-ratelimit-remaining-* headers and waits for
    // the budget to refill, and the app's 520 requests just spent the simulated 500 per minute.
    const pfSim = sqlite === null ? await startExternalSimulator(["--fixed-latency-ms", String(LATENCY_MS)]) : null;
    const pf = pfSim ? await runPromptfoo(pfSim).finally(() => pfSim.close()) : { error: sqlite ?? "" };
    const range = (values: number[]) => `${fmt(Math.min(...values), 0)}-${fmt(Math.max(...values), 0)}`;
    const rows: (string | number)[][] = [["ideal bound (cases x latency / concurrency)", fmt(ideal, 0), "-", "-", "1.00", "-"]];
    rows.push([`bare node:http client: this simulator's floor (median of ${RUNS})`, fmt(floor, 0), range(floors), "-", fmt(floor / ideal, 2), "error" in pf ? "-" : fmt(floor / pf.evalMs, 2)]);
    rows.push([`this app's runner (median of ${RUNS})`, fmt(app.ms, 0), range(apps.map((a) => a.ms)), `${app.passed}/${app.total}`, fmt(app.ms / ideal, 2), "error" in pf ? "-" : fmt(app.ms / pf.evalMs, 2)]);
    if ("error" in pf) rows.push([`promptfoo could not run: ${pf.error}`, "-", "-", "-", "-", "-"]);
    else {
      rows.push(["promptfoo 0.120 (its reported eval time, 1 run)", fmt(pf.evalMs, 0), "-", `${pf.passed}/${CASES}`, fmt(pf.evalMs / ideal, 2), "1.00"]);
      rows.push(["promptfoo 0.120 (CLI wall, start-up included)", fmt(pf.wallMs, 0), "-", "-", fmt(pf.wallMs / ideal, 2), fmt(pf.wallMs / pf.evalMs, 2)]);
    }
    return {
      title: `Evaluation throughput: ${CASES} cases, simulator latency ${LATENCY_MS} ms per request, concurrency ${CONCURRENCY}`,
      columns: ["", "wall ms", "range ms", "passed", "x ideal", "x promptfoo eval"],
      rows,
      notes: [
        `Same simulator (its own process, a fresh one for each tool: ${sim.command}), same prompt and 'contains' assertion, same concurrency, one after the other.`,
        "The app's time includes grading and writing every request to the history file and the usage log, both fsync'd; promptfoo runs with --no-cache --no-write.",
        "The simulator answers each request 50 ms after it arrives; the floor row is what it and the loopback add with a client doing nothing else.",
        "Aim: at or under promptfoo's time, within 10% of the ideal bound (x ideal <= 1.10).",
      ],
    };
  } finally {
    await sim.close();
  }
}

/**
 * Peak memory of a 10,000-case run: this app's runner and promptfoo, each in a process of its own
 * against the same external simulator; and, as before, the runner with the simulator in its process.
 */
export async function evalMemoryBench(print: (text: string) => void = console.log): Promise<BenchTable> {
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  // As measured before: runner and simulator share this process.
  const sim = await startSimulator({ fixedLatencyMs: 0 });
  try {
    const big = await runApp(sim, BIG_CASES, BIG_CONCURRENCY, true);
    rows.push(["this app's runner, simulator in the same process", fmt(big.ms, 0), `${big.passed}/${big.total}`, fmt(big.baseRssMb, 0), fmt(big.peakRssMb, 0), fmt(big.peakRssMb - big.baseRssMb, 0), "-"]);
  } finally {
    await sim.close();
  }
  // Each tool alone in its process, the simulator in another; a fresh simulator per tool (promptfoo
  // waits for the simulated rate limit to refill once a run has spent it).
  const external = async <T>(run: (s: { url: string }) => Promise<T>): Promise<T> => {
    const s = await startExternalSimulator(["--fixed-latency-ms", "0"]);
    try {
      await raiseRateLimits(s.url);
      return await run(s);
    } finally {
      await s.close();
    }
  };
  const small = await external((s) => runAppInChild(s, SMALL_CASES, BIG_CONCURRENCY));
  const alone = await external((s) => runAppInChild(s, BIG_CASES, BIG_CONCURRENCY));
  rows.push([
    "this app's runner, own process",
    fmt(alone.ms, 0),
    `${alone.passed}/${alone.total}`,
    fmt(alone.baseRssMb, 0),
    fmt(alone.processPeakMb, 0),
    fmt(alone.peakRssMb - alone.baseRssMb, 0),
    fmt(alone.processPeakMb - small.processPeakMb, 0),
  ]);
  const sqlite = await ensureSqliteBinding(print);
  if (sqlite !== null) rows.push([`promptfoo could not run: ${sqlite}`, "-", "-", "-", "-", "-", "-"]);
  else {
    const pfSmall = await external((s) => runPromptfoo(s, SMALL_CASES, BIG_CONCURRENCY));
    const pfBig = await external((s) => runPromptfoo(s, BIG_CASES, BIG_CONCURRENCY));
    if ("error" in pfBig || "error" in pfSmall) rows.push([`promptfoo could not run: ${"error" in pfBig ? pfBig.error : "error" in pfSmall ? pfSmall.error : ""}`, "-", "-", "-", "-", "-", "-"]);
    else rows.push(["promptfoo 0.120 (--no-cache --no-write), own process", fmt(pfBig.wallMs, 0), `${pfBig.passed}/${BIG_CASES}`, "-", fmt(pfBig.peakRssMb, 0), "-", fmt(pfBig.peakRssMb - pfSmall.peakRssMb, 0)]);
  }
  notes.push(
    "growth MB = peak RSS minus RSS just before the run starts, sampled every 20 ms in the runner's process (after a GC where --expose-gc is on).",
    `over a ${SMALL_CASES}-case run = peak RSS of the process (VmHWM) minus the same tool's peak on ${SMALL_CASES} cases: what the 10,000 cases add over start-up, measured alike for both tools.`,
    "Same prompt, same 'contains' assertion, same concurrency; the app writes every request to its history and usage log (fsync'd) and keeps every cell; promptfoo writes nothing.",
    "Aim: growth at most 100 MB.",
  );
  return {
    title: `Evaluation memory: ${BIG_CASES.toLocaleString("en")} cases, concurrency ${BIG_CONCURRENCY}, simulator with no added latency`,
    columns: ["", "wall ms", "passed", "RSS before MB", "peak RSS MB", "growth MB", `over a ${SMALL_CASES}-case run MB`],
    rows,
    notes,
  };
}
