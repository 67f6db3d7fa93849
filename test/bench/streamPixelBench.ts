// Benchmarks (Chromium): stream to pixel. A 6,000-token Markdown answer (headings, lists, tables,
// fenced code) streams at 400 tokens/s from a scripted OpenAI-compatible server through the real
// app (web host, event stream, renderer) into the playground's rendered answer. Reports the long
// tasks (50 ms or more) on the page while it streams, and the lag from the last delta reaching the
// page to the frame that shows the last text.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { countTokens, splitTokens } from "../../electron/simulator/tokens";
import { callApp, launchBrowser, makeDataDir, removeDataDir, startApp } from "../e2e/harness";
import { fmt, quantile, type BenchTable } from "./table";

const TARGET_TOKENS = 6_000;
const TOKENS_PER_SECOND = 400;
/** How often the server writes what is due: 4 tokens every 10 ms, each its own SSE event. */
const TICK_MS = 10;
const REPEATS = 3;
/** The answer's last words, unique, so the page can tell when the whole text is on screen. */
const END_MARK = "End of the benchmark answer.";

/** One section of the answer: a heading, prose, a list, a table and a fenced code block. */
function section(n: number): string {
  const rows = Array.from({ length: 6 }, (_, i) => `| step ${n}.${i + 1} | ${(i + 1) * 17} ms | ${i % 2 ? "retry" : "pass"} | ${(0.1 * (i + n)).toFixed(2)} |`);
  const code = Array.from({ length: 10 }, (_, i) => `  const value${i} = await client.responses.create({ model: "gpt-5-mini", input: "Case ${n}-${i}" });`);
  return [
    `## Part ${n}: measuring one change at a time`,
    "",
    `Part ${n} compares two prompts over the same cases. Keep the **dataset fixed**, change one thing, and read the *difference* in pass rate, latency and cost before deciding anything.`,
    "",
    "- Write the expected behaviour before the run.",
    "- Run each version at least three times; one run hides variance.",
    "- Read the failures, not only the totals.",
    "- Keep the cheapest version that meets the bar.",
    "",
    "| case | latency | outcome | score |",
    "| --- | ---: | --- | ---: |",
    ...rows,
    "",
    "```ts",
    `async function runPart${n}(client: OpenAI): Promise<void> {`,
    ...code,
    "}",
    "```",
    "",
  ].join("\n");
}

/** Sections until the answer holds at least TARGET_TOKENS tokens, then the end mark. */
export function benchAnswer(): string {
  let text = "# A long answer\n\n";
  for (let n = 1; countTokens(text) < TARGET_TOKENS; n++) text += section(n);
  return `${text}${END_MARK}\n`;
}

/** A chat completions server that streams `answer` at TOKENS_PER_SECOND. */
async function pacedServer(answer: string): Promise<{ url: string; close(): Promise<void> }> {
  const tokens = splitTokens(answer);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on("end", () => {
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not here", type: "invalid_request_error", param: null, code: null } }));
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": "req_pixel_bench" });
      const frame = (delta: object, finish: string | null, usage: object | null = null) =>
        `data: ${JSON.stringify({ id: "chatcmpl-pixel", object: "chat.completion.chunk", created: 1, model: "bench-markdown-1", choices: usage ? [] : [{ index: 0, delta, finish_reason: finish }], usage })}\n\n`;
      const started = performance.now();
      let sent = 0;
      const timer = setInterval(() => {
        const due = Math.min(tokens.length, Math.floor(((performance.now() - started) / 1000) * TOKENS_PER_SECOND));
        let out = "";
        for (; sent < due; sent++) out += frame({ content: tokens[sent] }, null);
        if (sent === tokens.length) {
          clearInterval(timer);
          out += frame({}, "stop") + frame({}, null, { prompt_tokens: 30, completion_tokens: tokens.length, total_tokens: tokens.length + 30 }) + "data: [DONE]\n\n";
          res.end(out);
        } else if (out) res.write(out);
      }, TICK_MS);
      res.on("close", () => clearInterval(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Installed before the page loads: records long tasks, the arrival time of every event-stream
 * chunk holding a delta, and the frame in which the answer first holds the end mark.
 */
const PROBE = `
  window.__pixel = { longTasks: [], lastDeltaAt: null, markFrameAt: null, watching: false };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__pixel.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  const original = window.fetch.bind(window);
  window.fetch = async (...args) => {
    const res = await original(...args);
    const url = String(args[0] instanceof Request ? args[0].url : args[0]);
    if (!url.includes("/api/events") || !res.body) return res;
    const [mine, copy] = res.body.tee();
    (async () => {
      const reader = copy.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (decoder.decode(value, { stream: true }).includes("chat.delta")) window.__pixel.lastDeltaAt = performance.now();
      }
    })();
    return new Response(mine, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  // Each frame while watching: the first frame whose answer holds the end mark is when it shows.
  const tick = () => {
    const p = window.__pixel;
    if (p.watching && p.markFrameAt === null && (document.querySelector('[data-testid="answer"] .md')?.lastElementChild?.textContent ?? "").includes(${JSON.stringify(END_MARK)})) p.markFrameAt = performance.now();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

interface Probe {
  longTasks: { start: number; duration: number }[];
  lastDeltaAt: number | null;
  markFrameAt: number | null;
}

/** Streams the answer REPEATS times into the playground and reports long tasks and the end lag. */
export async function streamPixelBench(): Promise<BenchTable> {
  const answer = benchAnswer();
  const server = await pacedServer(answer);
  const dataDir = makeDataDir();
  const [browser, app] = await Promise.all([launchBrowser(), startApp(dataDir)]);
  const runs: { longTasks: number; longestMs: number; totalLongMs: number; lagMs: number; streamMs: number }[] = [];
  try {
    await callApp(app, "profiles.save", { id: "pixel-bench", name: "Paced Markdown server", kind: "compatible", baseURL: server.url, defaultModel: "bench-markdown-1" });
    await callApp(app, "profiles.setActive", { profileId: "pixel-bench" });
    for (let i = 0; i < REPEATS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(PROBE);
      const page = await context.newPage();
      await page.goto(app.url);
      await page.getByTestId("run-button").waitFor({ state: "visible", timeout: 30_000 });
      // The scripted server speaks Chat Completions.
      await page.getByTestId("api-select").selectOption("chat");
      await page.evaluate(() => {
        const p = (window as unknown as { __pixel: Probe & { watching: boolean; runStart: number } }).__pixel;
        p.longTasks.length = 0;
        p.watching = true;
        p.runStart = performance.now();
      });
      await page.getByTestId("run-button").click();
      await page.locator('[data-testid="answer"][data-status="done"]').waitFor({ timeout: 120_000 });
      await page.waitForFunction(() => (window as unknown as { __pixel: Probe }).__pixel.markFrameAt !== null, null, { timeout: 10_000 });
      const probe = await page.evaluate(() => (window as unknown as { __pixel: Probe & { runStart: number } }).__pixel);
      const during = probe.longTasks.filter((t) => t.start >= probe.runStart);
      if (process.env.PIXEL_DEBUG) console.log(during.map((t) => `${Math.round(t.start - probe.runStart)}:${Math.round(t.duration)}`).join(" "));
      runs.push({
        longTasks: during.length,
        longestMs: during.length ? Math.max(...during.map((t) => t.duration)) : 0,
        totalLongMs: during.reduce((sum, t) => sum + t.duration, 0),
        lagMs: Math.max(0, (probe.markFrameAt ?? Number.NaN) - (probe.lastDeltaAt ?? Number.NaN)),
        streamMs: (probe.lastDeltaAt ?? Number.NaN) - probe.runStart,
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await app.stop();
    await server.close();
    removeDataDir(dataDir);
  }
  const col = (pick: (r: (typeof runs)[number]) => number, digits = 0) => [fmt(quantile(runs.map(pick), 0.5), digits), fmt(Math.max(...runs.map(pick)), digits)];
  const lag = quantile(runs.map((r) => r.lagMs), 0.5);
  const longTasks = Math.max(...runs.map((r) => r.longTasks));
  return {
    title: `Stream to pixel: a ${countTokens(answer)}-token Markdown answer at ${TOKENS_PER_SECOND} tokens/s into the playground (headless Chromium, ${REPEATS} runs)`,
    columns: ["figure", "p50", "max"],
    rows: [
      ["long tasks (>= 50 ms) during the stream", ...col((r) => r.longTasks)],
      ["longest task, ms", ...col((r) => r.longestMs)],
      ["time in long tasks, ms", ...col((r) => r.totalLongMs)],
      ["last delta reached the page -> frame showing the last text, ms", ...col((r) => r.lagMs, 1)],
      ["run click -> last delta, ms", ...col((r) => r.streamMs)],
    ],
    notes: [
      "The answer has headings, bullet lists, a 6-row table and a 12-line TypeScript block per part; the server writes 4 tokens every 10 ms, each its own SSE event.",
      "The last delta's arrival is when the event stream chunk holding it was read in the page; the frame is the first requestAnimationFrame whose answer holds the end mark.",
      `Aim: no long task and a lag within one frame (16.7 ms): ${longTasks === 0 ? "no long task" : `${longTasks} long task(s) at most`}, lag p50 ${fmt(lag, 1)} ms in this run (${longTasks === 0 && lag <= 16.7 ? "met" : "not met"}).`,
    ],
  };
}
