// End-to-end: import a small dataset, run the playground's prompt over it with one failing case,
// open a failing cell's run, edit a case's own assertions in the app, and run the same dataset
// through the Batch API to completion, a batch cell opening its run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, makeDataDir, openApp, removeDataDir, startApp, type RunningApp } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;
let page: Page;

beforeAll(async () => {
  dataDir = makeDataDir();
  [browser, app] = await Promise.all([launchBrowser(), startApp(dataDir, { DOJO_SIM_BATCH_DELAY_MS: "400", DOJO_BATCH_POLL_MS: "100" })]);
  page = await openApp(browser, app);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  removeDataDir(dataDir);
});

// The simulator restates the request, so every answer names its city; the rome case also asks for "Berlin".
const CSV = 'id,city,assertions\nparis,Paris,\nrome,Rome,"[{""type"":""contains"",""value"":""Berlin""}]"\nlisbon,Lisbon,\n';

describe("evaluations", () => {
  it("runs a small dataset with one failing case, failures first, and opens the failing run", async () => {
    await page.getByTestId("message-content").nth(1).fill("Tell me about {{city}}.");
    await page.getByTestId("nav-evals").click();
    await page.getByTestId("dataset-name").fill("Cities");
    await page.getByTestId("dataset-import").setInputFiles({ name: "cities.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await page.getByTestId("dataset-editor").waitFor({ timeout: 10_000 });
    await page.getByTestId("dataset-assertions-view-json").click();
    await page.getByTestId("dataset-assertions").fill('[{"type":"regex","pattern":"Paris|Rome|Lisbon"},{"type":"finish-reason","value":"stop"}]');
    // A case's own assertions, edited in the app: a malformed one is refused naming the field.
    await page.getByRole("button", { name: "Edit the own assertions of paris" }).click();
    await page.getByTestId("case-assertions-view-json").click();
    await page.getByTestId("case-assertions").fill('[{"type":"contains"}]');
    expect(await page.getByTestId("case-assertions-error").innerText()).toContain("Case paris: 0.value");
    expect(await page.getByTestId("case-assertions-apply").isDisabled()).toBe(true);
    await page.getByTestId("case-assertions").fill('[{"type":"contains","value":"Paris"}]');
    await page.getByTestId("case-assertions-apply").click();
    expect(await page.getByRole("button", { name: "Edit the own assertions of paris" }).innerText()).toContain("contains");
    await page.getByTestId("dataset-save").click();

    await page.getByTestId("eval-start").click();
    await expect.poll(() => page.getByTestId("eval-progress").getAttribute("data-status"), { timeout: 30_000 }).toBe("done");
    await expect.poll(() => page.getByTestId("eval-figures").innerText(), { timeout: 10_000 }).toContain("2 passed");
    expect(await page.getByTestId("eval-figures").innerText()).toContain("1 failed");
    const first = page.getByTestId("eval-row").first();
    expect(await first.getAttribute("data-case")).toBe("rome");
    expect(await first.getByTestId("eval-cell").getAttribute("data-status")).toBe("fail");
    expect(await page.getByTestId("eval-pass-rate").innerText()).toContain("67% (2/3)");

    await first.getByTestId("eval-cell").click();
    expect(await page.getByTestId("eval-cell-detail").innerText()).toContain('does not contain "Berlin"');
    await page.getByTestId("eval-open-run").click();
    await expect.poll(() => page.getByTestId("inspector-record").innerText(), { timeout: 10_000 }).toContain("Tell me about Rome.");
  });

  it("runs the dataset through the Batch API to completion", async () => {
    await page.getByTestId("nav-evals").click();
    await page.getByTestId("dataset-list").getByRole("button", { name: /Cities/ }).click();
    await page.getByTestId("eval-mode").selectOption("batch");
    await page.getByTestId("eval-start").click();
    await expect.poll(() => page.getByTestId("eval-progress").getAttribute("data-status"), { timeout: 30_000 }).toBe("done");
    expect(await page.getByTestId("eval-batch-status").innerText()).toBe("completed");
    expect(await page.getByTestId("eval-figures").innerText()).toContain("3 of 3 done");
    expect(await page.getByTestId("eval-cell").count()).toBe(3);
    // The paris case was checked against its own assertion too, and its batch answer opens as a run.
    const paris = page.locator('[data-testid="eval-row"][data-case="paris"]').getByTestId("eval-cell");
    await paris.click();
    expect(await page.getByTestId("eval-cell-detail").innerText()).toContain('contains "Paris"');
    await page.getByTestId("eval-open-run").click();
    await expect.poll(() => page.getByTestId("inspector-record").innerText(), { timeout: 10_000 }).toContain("Tell me about Paris.");
  });
});
