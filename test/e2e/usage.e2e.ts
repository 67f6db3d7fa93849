// End-to-end: the usage monitor in the real app: runs appear in the log and its charts, the totals
// name the model, and the CSV export downloads every request's metadata without message text.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { openApp, type RunningApp, startSuite, stopSuite } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;

beforeAll(async () => ({ browser, app, dataDir } = await startSuite()));
afterAll(() => stopSuite({ browser, app, dataDir }));

describe("usage monitor", () => {
  it("charts the runs made, totals them by model, and exports them as CSV", async () => {
    const page = await openApp(browser, app);
    for (let i = 0; i < 2; i++) {
      await page.getByTestId("run-button").click();
      await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
    }
    await page.getByTestId("nav-usage").click();
    await expect.poll(() => page.getByTestId("usage-count").innerText(), { timeout: 10_000 }).toContain("2 requests logged");
    // Five charts; the requests chart peaks at 2 (both runs in the last hour's bucket).
    expect(await page.locator("[data-testid^=usage-chart-]").count()).toBe(5);
    expect(await page.getByTestId("usage-chart-requests").getAttribute("data-max")).toBe("2");
    expect(Number(await page.getByTestId("usage-chart-tokens").getAttribute("data-max"))).toBeGreaterThan(0);
    expect(await page.getByTestId("usage-chart-requests").locator("[data-series=sim-chat-1]").count()).toBe(1);
    expect(await page.getByTestId("usage-totals").innerText()).toMatch(/sim-chat-1\s+2\s/);

    await page.getByTestId("usage-group").selectOption("feature");
    expect(await page.getByTestId("usage-chart-requests").locator("[data-series=playground]").count()).toBe(1);
    // The line colours follow the theme: dark has its own, readable on the dark surface.
    const lineColour = () =>
      page
        .getByTestId("usage-chart-requests")
        .locator("[data-series=playground] :is(circle, polyline)")
        .first()
        .evaluate((el) => (el.tagName === "circle" ? getComputedStyle(el).fill : getComputedStyle(el).stroke));
    expect(await lineColour()).toBe("rgb(21, 101, 192)");
    await page.getByTestId("theme-select").selectOption("dark");
    await expect.poll(lineColour).toBe("rgb(88, 166, 255)");
    await page.getByTestId("theme-select").selectOption("light");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("usage-export").click()]);
    const path = await download.path();
    const csv = readFileSync(path, "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^time,profile_id,profile,provider,model,feature/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(",simulator,Simulator (offline),simulator,sim-chat-1,playground,");
    // The prompt's text is never in the log.
    expect(csv).not.toContain("temperature parameter");
    await page.close();
  });
});
