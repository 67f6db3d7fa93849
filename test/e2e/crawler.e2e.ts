// End-to-end: the crawler (issue 12, "never bricked"). From an empty data folder, then from one
// filled by real flows, it visits every view of the route table, activates every enabled button,
// checkbox, select option, tab and disclosure it finds (bounded), reloads, and fails on any page
// error, console error, failed request, error boundary or blank view, naming the view and control.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ROUTES } from "../../renderer/shell/routes";
import { type CrawlOptions, crawlView, describeFinding, type ViewCrawl, Watcher } from "./crawler";
import { launchBrowser, makeDataDir, openApp, removeDataDir, type RunningApp, startApp } from "./harness";

const OPTIONS: CrawlOptions = {
  // Bounds that keep one crawl of all views within about two minutes on a 2-core machine.
  maxActivations: 60,
  maxSameControl: 2,
  maxOptionsPerSelect: 6,
  deny: [],
  allowConsole: [],
};

/** Per-view time: the crawl of the busiest view takes well under this. */
const VIEW_TIMEOUT_MS = 120_000;

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

function report(label: string, results: ViewCrawl[]): void {
  const activated = results.reduce((n, r) => n + r.activated.length, 0);
  const ms = results.reduce((n, r) => n + r.ms, 0);
  const lines = results.map((r) => `  ${r.view}: ${r.activated.length} activated, ${r.skipped.length} skipped, ${r.navigated.length} navigated, ${(r.ms / 1000).toFixed(1)} s`);
  console.log(`crawl (${label}): ${results.length} views, ${activated} controls activated, ${(ms / 1000).toFixed(1)} s\n${lines.join("\n")}`);
  // DOJO_CRAWL_LOG=1 lists every control activated, skipped (with why) and followed to another view.
  if (process.env.DOJO_CRAWL_LOG) {
    for (const r of results) {
      console.log([`[${r.view}]`, ...r.activated.map((a) => `  + ${a}`), ...r.skipped.map((s) => `  - ${s}`), ...r.navigated.map((n) => `  > ${n}`)].join("\n"));
    }
  }
}

function crawlEveryView(label: string, get: () => Crawl): void {
  for (const route of ROUTES) {
    it(
      `${route.title}: every control, then a reload, without an error`,
      async () => {
        const crawl = get();
        const result = await crawlView(crawl.page, crawl.watcher, route.view, OPTIONS);
        crawl.results.push(result);
        expect(result.findings.map(describeFinding)).toEqual([]);
        // The crawl did reach the view's controls (every view has at least one).
        expect(result.activated.length).toBeGreaterThan(0);
      },
      VIEW_TIMEOUT_MS,
    );
  }
  afterAll(() => report(label, get().results));
}

describe("crawl from an empty data folder", () => {
  let crawl: Crawl;
  beforeAll(async () => {
    crawl = await startCrawl();
  });
  afterAll(() => stopCrawl(crawl ?? {}));
  crawlEveryView("empty", () => crawl);
});
