// End-to-end: the app shell in Chromium. Views have URLs (deep links, Back/Forward), the nav is
// grouped, and a view that fails to render shows its error boundary while the rest keeps working.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openApp, type RunningApp, startSuite, stopSuite } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;

beforeAll(async () => ({ browser, app, dataDir } = await startSuite()));
afterAll(() => stopSuite({ browser, app, dataDir }));

const shownView = (page: Page) => page.getByTestId("view").getAttribute("data-view");
const hashOf = (page: Page) => page.evaluate(() => window.location.hash);

describe("app shell", () => {
  it("gives each view a URL: clicks push entries, Back and Forward move between views, a deep link opens its view", async () => {
    const page = await openApp(browser, app);
    expect(await hashOf(page)).toBe("#/playground");
    await page.getByTestId("nav-lessons").click();
    await expect.poll(() => shownView(page)).toBe("lessons");
    expect(await hashOf(page)).toBe("#/lessons");
    await page.getByTestId("nav-evals").click();
    await expect.poll(() => shownView(page)).toBe("evals");
    await page.goBack();
    await expect.poll(() => shownView(page)).toBe("lessons");
    await page.goBack();
    await expect.poll(() => shownView(page)).toBe("playground");
    await page.goForward();
    await expect.poll(() => shownView(page)).toBe("lessons");

    // A deep link (the URL keeps its one-time token in the query; the hash picks the view).
    const url = new URL(page.url());
    url.hash = "#/usage";
    await page.goto(url.toString());
    await expect.poll(() => shownView(page)).toBe("usage");
    await page.reload();
    await expect.poll(() => shownView(page)).toBe("usage");
    await page.close();
  });

  it("names its own icon and the host serves it, so the browser never asks for a missing /favicon.ico", async () => {
    const page = await openApp(browser, app);
    const href = await page.locator('link[rel="icon"]').getAttribute("href");
    expect(href).toMatch(/\.svg$/);
    const icon = await page.evaluate(async (path) => {
      const res = await fetch(new URL(path, window.location.href));
      return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
    }, href ?? "");
    expect(icon).toMatchObject({ status: 200, type: "image/svg+xml" });
    expect(icon.body).toContain("<svg");
    await page.close();
  });

  it("groups the nav by what people do", async () => {
    const page = await openApp(browser, app);
    const groups = await page.locator(".nav-group-title").allInnerTexts();
    expect(groups.map((g) => g.toLowerCase())).toEqual(["build", "data", "production", "learn"]);
    expect(await page.locator('[role="group"][aria-labelledby="nav-group-Learn"] a').allInnerTexts()).toEqual(["Welcome", "Lessons", "Review", "Mock interview", "Readiness"]);
    await page.close();
  });

  it("a view that throws shows what failed and a reset; the nav and other views keep working", async () => {
    const page = await openApp(browser, app);
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    // The Usage view's chunk is replaced by one whose component throws while rendering.
    await page.route(/\/assets\/Usage-[^/]*\.js$/, (route) =>
      route.fulfill({ contentType: "text/javascript", body: 'export function Usage() { throw new Error("usage view broke on purpose"); }' }),
    );
    await page.getByTestId("nav-usage").click();
    const failure = page.getByTestId("view-failure");
    await failure.waitFor({ state: "visible", timeout: 20_000 });
    expect(await failure.innerText()).toMatch(/Usage failed to show/);
    expect(await page.getByTestId("view-failure-message").innerText()).toBe("usage view broke on purpose");
    // The header and the nav are still there, and another view opens normally.
    await page.getByTestId("nav-lessons").click();
    await expect.poll(() => shownView(page)).toBe("lessons");
    expect(await page.getByTestId("view-failure").count()).toBe(0);
    // Back on the failed view, "Reset this view" clears its state and says so; with the fault
    // gone (a fresh page, so the module is loaded again), the view renders.
    await page.getByTestId("nav-usage").click();
    await failure.waitFor({ state: "visible", timeout: 20_000 });
    await page.getByTestId("view-reset").click();
    await failure.waitFor({ state: "visible", timeout: 20_000 });
    await page.unroute(/\/assets\/Usage-[^/]*\.js$/);
    await page.reload();
    await expect.poll(() => shownView(page)).toBe("usage");
    await expect.poll(() => page.getByTestId("view-failure").count(), { timeout: 20_000 }).toBe(0);
    expect(await page.locator(".app-main").innerText()).not.toBe("");
    // The thrown error is React's to report; nothing else failed.
    expect(errors.filter((e) => !e.includes("usage view broke on purpose"))).toEqual([]);
    await page.close();
  });
});
