// End-to-end: the crawler (issue 12, "never bricked"). From an empty data folder, then from one
// filled by real flows, it visits every view of the route table, activates every enabled button,
// checkbox, select option, tab and disclosure it finds (bounded), reloads, and fails on any page
// error, console error, failed request, error boundary or blank view, naming the view and control.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ROUTES } from "../../renderer/shell/routes";
import { type CrawlOptions, crawlView, describeFinding, type ViewCrawl, Watcher } from "./crawler";
import { callApp, launchBrowser, makeDataDir, openApp, removeDataDir, type RunningApp, startApp } from "./harness";

const OPTIONS: CrawlOptions = {
  // Bounds that keep one crawl of all views within about two minutes on a quiet 2-core machine
  // (each view takes 2-25 s there); the time bound only cuts in on a machine loaded many times over.
  maxActivations: 80,
  maxMsPerView: 75_000,
  // Typed into each empty text field first: a few lines with a template variable, an e-mail address
  // (for redaction) and sentences (for chunking), so the controls that wait for text are crawled too.
  sampleText: "Hello {{name}}, write to crawler@example.com.\nThe cat sat on the mat.\nStock markets fell today.",
  maxSameControl: 2,
  maxOptionsPerSelect: 6,
  // No control needs denying: downloads land in Playwright's own temporary folder, file pickers are
  // <input type="file"> (never crawled), links out of the app are anchors (never crawled), and
  // confirms are accepted (below), so destructive controls run and the view must recover.
  deny: [],
  // No console error is expected: the app logs none on any path the crawl takes.
  allowConsole: [],
};

/** Per-view test time: the activations' bound above, plus the reload and the last checks. */
const VIEW_TIMEOUT_MS = 150_000;

interface Crawl {
  browser: Browser;
  app: RunningApp;
  dataDir: string;
  page: Page;
  watcher: Watcher;
  results: ViewCrawl[];
}

async function startCrawl(): Promise<Crawl> {
  const dataDir = makeDataDir();
  const [browser, app] = await Promise.all([launchBrowser(), startApp(dataDir)]);
  const page = await openApp(browser, app);
  // Confirms ("Delete this?") are accepted: destructive controls are crawled too, and the view must recover.
  page.on("dialog", (dialog) => void dialog.accept().catch(() => undefined));
  const watcher = new Watcher(page, app.origin, OPTIONS.allowConsole);
  return { browser, app, dataDir, page, watcher, results: [] };
}

async function stopCrawl(crawl: Partial<Crawl>): Promise<void> {
  await crawl.browser?.close();
  await crawl.app?.stop();
  if (crawl.dataDir) removeDataDir(crawl.dataDir);
}

function report(label: string, get: () => Crawl): void {
  const results = get().results;
  const activated = results.reduce((n, r) => n + r.activated.length, 0);
  const ms = results.reduce((n, r) => n + r.ms, 0);
  const lines = results.map((r) => `  ${r.view}: ${r.activated.length} activated, ${r.filled} fields typed into, ${r.skipped.length} skipped, ${r.navigated.length} navigated, ${(r.ms / 1000).toFixed(1)} s`);
  console.log(`crawl (${label}): ${results.length} views, ${activated} controls activated, ${(ms / 1000).toFixed(1)} s\n${lines.join("\n")}`);
  // DOJO_CRAWL_LOG=1 lists every control activated, skipped (with why) and followed to another view.
  if (process.env.DOJO_CRAWL_LOG) {
    console.log(`slow calls:\n${get().watcher.slow.join("\n")}`);
    for (const r of results) {
      console.log([`[${r.view}]`, ...r.activated.map((a) => `  + ${a}`), ...r.skipped.map((s) => `  - ${s}`), ...r.navigated.map((n) => `  > ${n}`)].join("\n"));
    }
  }
}

/** DOJO_CRAWL_VIEWS=playground,evals crawls only those views (while working on one); unset, every view. */
const ONLY = process.env.DOJO_CRAWL_VIEWS?.split(",").filter(Boolean);

function crawlEveryView(label: string, get: () => Crawl, prepare: typeof PREPARE = {}): void {
  for (const route of ROUTES.filter((r) => !ONLY || ONLY.includes(r.view))) {
    it(
      `${route.title}: every control, then a reload, without an error`,
      async () => {
        const crawl = get();
        await prepare[route.view]?.(crawl.page);
        const result = await crawlView(crawl.page, crawl.watcher, route.view, OPTIONS);
        crawl.results.push(result);
        expect(result.findings.map(describeFinding)).toEqual([]);
        // The crawl did reach the view's controls (every view has at least one).
        expect(result.activated.length).toBeGreaterThan(0);
      },
      VIEW_TIMEOUT_MS,
    );
  }
  afterAll(() => report(label, get));
}

// ---- The filled data folder -------------------------------------------------------------------
// What `fill` leaves on disk, each through the flow a user (or another e2e test) takes:
//  - runs: three playground runs (one answered, one over a simulated 500, one with logprobs), so
//    history, the inspector and usage have rows;
//  - the draft: a playground with an added tool (the control of the old Add tool loop);
//  - experiments: one experiment with two versions (the experiments e2e flow);
//  - evaluations: a three-case dataset with assertions, imported from CSV, saved and run to the end
//    (the evals e2e flow), so the evals view has a dataset and a finished run;
//  - lesson progress: the first lesson read (through its channel, as the lessons e2e test's restart does);
//  - settings: a second profile on the simulator and one at an unreachable URL, a price override,
//    a monthly budget, and redaction switched on (through the channels other e2e tests seed with).
// Views whose state lives in the page (the embeddings and RAG labs) are filled right before their
// crawl instead (`PREPARE`), since the reload after each earlier view clears the page.

const CITIES_CSV = 'id,city,assertions\nparis,Paris,\nrome,Rome,"[{""type"":""contains"",""value"":""Berlin""}]"\nlisbon,Lisbon,\n';

async function setUserMessage(page: Page, text: string): Promise<void> {
  await page.getByTestId("nav-playground").click();
  const rows = page.getByTestId("message-row");
  for (let i = (await rows.count()) - 1; i >= 0; i--) {
    if ((await rows.nth(i).getByTestId("message-role").inputValue()) === "user") {
      await rows.nth(i).getByTestId("message-content").fill(text);
      return;
    }
  }
  throw new Error("no user message in the draft");
}

async function runPlayground(page: Page, status: "done" | "failed"): Promise<void> {
  await page.getByTestId("run-button").click();
  await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 30_000 }).toBe(status);
}

async function fill(page: Page, app: RunningApp): Promise<void> {
  await setUserMessage(page, "Explain temperature in one sentence.");
  await runPlayground(page, "done");
  await page.getByTestId("failure-select").selectOption("server_error");
  await runPlayground(page, "failed");
  await page.getByTestId("failure-select").selectOption("none");
  // Log probabilities are a Chat Completions field: the run with them goes out on that API, so
  // the history holds runs of both APIs.
  await page.getByTestId("api-select").selectOption("chat");
  await page.getByTestId("param-logprobs").check();
  await runPlayground(page, "done");
  await page.getByTestId("add-tool").click();

  await page.getByTestId("nav-experiments").click();
  await page.getByTestId("experiment-name").fill("Temperature explainer");
  await page.getByTestId("experiment-message").fill("first try");
  await page.getByTestId("experiment-create").click();
  await expect.poll(() => page.getByTestId("experiments-message").innerText(), { timeout: 10_000 }).toContain("as version 1");
  await setUserMessage(page, "Tell me about {{city}}.");
  await page.getByTestId("nav-experiments").click();
  await page.getByTestId("version-message").fill("a city per case");
  await page.getByTestId("version-save").click();
  await expect.poll(() => page.getByTestId("experiments-message").innerText(), { timeout: 10_000 }).toContain("Saved version 2");

  await page.getByTestId("nav-evals").click();
  await page.getByTestId("dataset-name").fill("Cities");
  await page.getByTestId("dataset-import").setInputFiles({ name: "cities.csv", mimeType: "text/csv", buffer: Buffer.from(CITIES_CSV) });
  await page.getByTestId("dataset-editor").waitFor({ timeout: 10_000 });
  // The assertion form is the default; the raw JSON is one tab away.
  await page.getByTestId("dataset-assertions-view-json").click();
  await page.getByTestId("dataset-assertions").fill('[{"type":"regex","pattern":"Paris|Rome|Lisbon"},{"type":"finish-reason","value":"stop"}]');
  await page.getByTestId("dataset-save").click();
  await page.getByTestId("eval-start").click();
  await expect.poll(() => page.getByTestId("eval-progress").getAttribute("data-status"), { timeout: 30_000 }).toBe("done");

  await callApp(app, "lessons.markRead", { lessonId: "what-the-api-is" });
  const info = await callApp<{ simulatorURL: string }>(app, "app.info");
  await callApp(app, "profiles.save", { id: "second-sim", name: "Second simulator", kind: "compatible", baseURL: info.simulatorURL, defaultModel: "sim-chat-1" });
  await callApp(app, "profiles.save", { id: "unreachable", name: "Nobody home", kind: "compatible", baseURL: "http://127.0.0.1:9/v1", defaultModel: "some-model" });
  await callApp(app, "budgets.save", { profileId: "simulator", budget: { dailyUsd: null, monthlyUsd: 50, dailyTokens: null, monthlyTokens: null } });
  const safety = await callApp<{ redaction: { enabled: boolean } }>(app, "safety.get");
  await callApp(app, "safety.save", { ...safety, redaction: { ...safety.redaction, enabled: true } });
}

const EMBED_TEXTS = ["The cat sat on the mat.", "A cat naps on the rug.", "Stock markets fell sharply today.", "Investors sold stock as markets fell.", "Bake bread in a hot oven."];
const RAG_DOCUMENT = [
  "Bread dough must rise for two hours in a warm place. Bake the loaf at 220 degrees for thirty minutes.",
  "The office opens at nine in the morning and closes at five. Visitors sign in at the front desk.",
  "Rivers carry water to the sea. The Nile is the longest river in Africa.",
].join("\n\n");

/** Fills a view whose state lives in the page, right before its crawl (the embeddings and RAG e2e flows). */
const PREPARE: Partial<Record<string, (page: Page) => Promise<void>>> = {
  embeddings: async (page) => {
    await page.getByTestId("nav-embeddings").click();
    await page.getByTestId("embed-texts").fill(EMBED_TEXTS.join("\n"));
    await page.getByTestId("embed-button").click();
    await page.getByTestId("embed-summary").waitFor({ timeout: 20_000 });
  },
  rag: async (page) => {
    await page.getByTestId("nav-rag").click();
    await page.getByTestId("rag-paste").fill(RAG_DOCUMENT);
    await page.getByTestId("rag-embed").click();
    await page.getByTestId("rag-index-status").waitFor({ timeout: 20_000 });
    await page.getByTestId("rag-question").fill("How long must bread dough rise?");
    await page.getByTestId("rag-ask").click();
    await page.locator('[data-testid="rag-results"][data-status="done"]').waitFor({ timeout: 30_000 });
  },
};

describe("crawl from an empty data folder", () => {
  let crawl: Crawl;
  beforeAll(async () => {
    crawl = await startCrawl();
  });
  afterAll(() => stopCrawl(crawl ?? {}));
  crawlEveryView("empty", () => crawl);
});

describe("crawl from a filled data folder", () => {
  let crawl: Crawl;
  beforeAll(async () => {
    crawl = await startCrawl();
  });
  afterAll(() => stopCrawl(crawl ?? {}));
  it("fills the data folder through real flows", async () => {
    await fill(crawl.page, crawl.app);
    // What filling raised is reported here, not blamed on the first crawled view.
    const raised = crawl.watcher.findings.splice(0).map(describeFinding);
    expect(raised).toEqual([]);
  }, 180_000);
  crawlEveryView("filled", () => crawl, PREPARE);
});
