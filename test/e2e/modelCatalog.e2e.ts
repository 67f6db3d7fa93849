// End-to-end: the model field says what the catalog knows about the chosen model ("no catalog
// entry" when nothing), and every cost is shown with the date of its prices.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { openApp, type RunningApp, startSuite, stopSuite } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;

beforeAll(async () => ({ browser, app, dataDir } = await startSuite()));
afterAll(() => stopSuite({ browser, app, dataDir }));

describe("the model catalog in the app", () => {
  it("describes a catalog model, an unknown one, and the simulator's own", async () => {
    const page = await openApp(browser, app);
    const facts = page.getByTestId("model-facts");
    const input = page.getByTestId("model-input");
    await input.fill("gpt-5-mini");
    await expect.poll(() => facts.getAttribute("data-catalog")).toBe("entry");
    const text = await facts.innerText();
    expect(text).toContain("reasoning model");
    expect(text).toContain("context 400,000");
    expect(text).toMatch(/per 1M tokens \(prices as of \d{4}-\d{2}/);

    await input.fill("my-local-model");
    await expect.poll(() => facts.getAttribute("data-catalog")).toBe("none");
    expect(await facts.innerText()).toMatch(/No catalog entry for "my-local-model"/);
    // The simulator lists its models; this one is not among them, and the line says so.
    await expect.poll(() => facts.innerText(), { timeout: 10_000 }).toContain("does not include it");

    await input.fill("sim-chat-1");
    await expect.poll(() => facts.getAttribute("data-catalog")).toBe("simulated");
    await page.close();
  });

  it("dates the cost of a run and the cost columns of history", async () => {
    const page = await openApp(browser, app);
    await page.getByTestId("run-button").click();
    await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
    await expect.poll(() => page.getByTestId("run-cost").innerText()).toMatch(/\(prices as of \d{4}-\d{2}/);
    await page.getByTestId("nav-history").click();
    await expect.poll(() => page.getByTestId("prices-as-of").first().innerText(), { timeout: 10_000 }).toMatch(/^prices as of \d{4}-\d{2}/);
    await page.close();
  });
});
