// End-to-end: the crawler (crawler.ts) visits every view of the app and activates every enabled
// control it finds, then reloads, first from an empty data folder and then from one filled with
// runs, experiments, datasets, evaluation runs and lesson progress. Any page error, console error,
// failed request, blank view or view failure fails the test, named by view and control.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ROUTES } from "../../renderer/shell/routes";
import { Crawler } from "./crawler";
import { fillDataFolder } from "./fillDataFolder";
import { openApp, startSuite, stopSuite, type Suite } from "./harness";

/** Crawls every view in one page and returns what it found. */
async function crawlAll(browser: Browser, suite: Suite): Promise<Crawler> {
  const page: Page = await openApp(browser, suite.app);
  const crawler = new Crawler(page);
  for (const route of ROUTES) await crawler.crawlView(route.view);
  await page.close();
  return crawler;
}

const describeFindings = (crawler: Crawler) => crawler.findings.map((f) => `${f.view} / ${f.control}: ${f.problem}`);

describe("crawler", () => {
  describe("from an empty data folder", () => {
    let suite: Suite;
    beforeAll(async () => (suite = await startSuite()));
    afterAll(() => stopSuite(suite ?? {}));

    it("activates every control of every view with no error, blank view or failed request", { timeout: 900_000 }, async () => {
      const crawler = await crawlAll(suite.browser, suite);
      expect(describeFindings(crawler)).toEqual([]);
      // The crawl reached every view and a good number of controls (it cannot pass by doing nothing).
      expect(new Set(crawler.activated.map((a) => a.split(" / ")[0])).size).toBeGreaterThanOrEqual(ROUTES.length - 1);
      expect(crawler.activated.length).toBeGreaterThan(150);
    });
  });

  describe("from a data folder other tests have filled", () => {
    let suite: Suite;
    beforeAll(async () => {
      suite = await startSuite();
      await fillDataFolder(suite.app);
    });
    afterAll(() => stopSuite(suite ?? {}));

    it("activates every control of every view with no error, blank view or failed request", { timeout: 900_000 }, async () => {
      const crawler = await crawlAll(suite.browser, suite);
      expect(describeFindings(crawler)).toEqual([]);
      expect(crawler.activated.length).toBeGreaterThan(150);
    });
  });
});
