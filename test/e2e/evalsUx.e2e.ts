// End-to-end: the evaluations view as a desktop tool: assertion values filled from each case's
// `{{variables}}` (an unknown one failing its check, saying why); retries, 429s and waits counted
// in the progress line; the assertion form kept in sync with the raw JSON.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { callApp, launchBrowser, makeDataDir, openApp, removeDataDir, startApp, type RunningApp } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;
let page: Page;

beforeAll(async () => {
  dataDir = makeDataDir();
  [browser, app] = await Promise.all([launchBrowser(), startApp(dataDir)]);
  page = await openApp(browser, app);
  await page.setViewportSize({ width: 1280, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  removeDataDir(dataDir);
});

// The simulator restates the request, so each answer names its city. Rome's expected answer is
// wrong on purpose; lisbon's own assertion uses a variable no case has.
const CSV = [
  "id,city,expected,assertions",
  "paris,Paris,Paris,",
  "rome,Rome,Berlin,",
  'lisbon,Lisbon,Lisbon,"[{""type"":""contains"",""value"":""{{capital}}""}]"',
  "",
].join("\n");

const cell = (caseId: string) => page.locator(`[data-testid="eval-row"][data-case="${caseId}"]`).getByTestId("eval-cell");

describe("evaluations as a desktop tool", () => {
  it("fills {{expected}} in an assertion from each case, and fails an unknown variable with its reason", async () => {
    await page.getByTestId("message-content").nth(1).fill("Tell me about {{city}}.");
    await page.getByTestId("nav-evals").click();
    await page.getByTestId("dataset-name").fill("Capitals");
    await page.getByTestId("dataset-import").setInputFiles({ name: "capitals.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await page.getByTestId("dataset-editor").waitFor({ timeout: 10_000 });
    await page.getByTestId("dataset-assertions-view-json").click();
    await page.getByTestId("dataset-assertions").fill('[{"type":"contains","value":"{{expected}}"}]');
    await page.getByTestId("dataset-save").click();
    await page.getByTestId("eval-start").click();
    await expect.poll(() => page.getByTestId("eval-progress").getAttribute("data-status"), { timeout: 30_000 }).toBe("done");
    await expect.poll(() => cell("paris").getAttribute("data-status"), { timeout: 10_000 }).toBe("pass");
    // Paris passed, so "{{expected}}" was compared as "Paris": the answer never holds the literal.
    expect(await cell("rome").getAttribute("data-status")).toBe("fail");
    await cell("rome").click();
    expect(await page.getByTestId("eval-cell-detail").innerText()).toContain('does not contain "Berlin"');
    expect(await cell("lisbon").getAttribute("data-status")).toBe("fail");
    await cell("lisbon").click();
    const detail = await page.getByTestId("eval-cell-detail").innerText();
    expect(detail).toContain('uses {{capital}}, but case "lisbon" has no such variable');
    // Its dataset-wide check still ran and passed.
    expect(detail).toContain('The output contains "Lisbon"');
  });

  it("counts the retries, 429s and waits of a run in its progress line", async () => {
    // The simulator refuses the next two requests with a 429 (no retry-after): they are retried.
    await callApp(app, "simulator.setBehaviour", { failure: "rate_limit_no_retry_after", remaining: 2, firstByteDelayMs: null, requestsPerMinute: null, tokensPerMinute: null });
    try {
      await page.getByTestId("eval-start").click();
      // The run on screen is the new one once its progress shows the retries.
      await expect.poll(() => page.getByTestId("eval-retries").count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => page.getByTestId("eval-progress").getAttribute("data-status"), { timeout: 30_000 }).toBe("done");
      expect(await page.getByTestId("eval-figures").innerText()).toContain("3 of 3 done");
      expect(await page.getByTestId("eval-retries").innerText()).toMatch(/^2 retries \(2 × 429\) · waited \d+(\.\d)? m?s$/);
      expect((await callApp<{ failed: number }>(app, "simulator.behaviour")).failed).toBe(2);
    } finally {
      await callApp(app, "simulator.clearBehaviour");
    }
  });

  it("edits assertions in a form that lists every type with its fields, in sync with the raw JSON both ways", async () => {
    const row = (i: number, field: string) => page.getByTestId(`dataset-assertions-${i}-${field}`);
    await page.getByTestId("dataset-assertions-view-form").click();
    // The saved assertion shows as a form row.
    expect(await page.getByTestId("dataset-assertions-form").getByTestId("assertion-row").count()).toBe(1);
    expect(await row(0, "type").inputValue()).toBe("contains");
    expect(await row(0, "value").inputValue()).toBe("{{expected}}");
    // Every type is offered, and each shows the fields it takes.
    expect(await row(0, "type").locator("option").count()).toBe(15);
    await page.getByTestId("dataset-assertions-add").click();
    await row(1, "type").selectOption("similarity");
    expect(await row(1, "expected").count()).toBe(1);
    expect(await row(1, "threshold").inputValue()).toBe("0.8");
    await row(1, "type").selectOption("regex");
    expect(await row(1, "flags").count()).toBe(1);
    // A regex with no pattern says so, and the dataset cannot be saved.
    expect(await page.getByTestId("assertion-row-error").innerText()).toContain("pattern: a regex needs a pattern");
    expect(await page.getByTestId("dataset-save").isDisabled()).toBe(true);
    await row(1, "type").selectOption("max-latency");
    await row(1, "ms").fill("5000");
    await row(1, "label").fill("answers fast");

    // The JSON view holds what the form made.
    await page.getByTestId("dataset-assertions-view-json").click();
    const json = page.getByTestId("dataset-assertions");
    expect(JSON.parse(await json.inputValue())).toEqual([
      { type: "contains", value: "{{expected}}" },
      { type: "max-latency", ms: 5000, label: "answers fast" },
    ]);
    // Invalid JSON: a clear error, nothing saved, and the form keeps its rows.
    await json.fill('[{"type":"contains",');
    expect(await page.getByTestId("dataset-assertions-json-error").innerText()).toContain("Not valid JSON");
    expect(await page.getByTestId("dataset-save").isDisabled()).toBe(true);
    await page.getByTestId("dataset-assertions-view-form").click();
    expect(await page.getByTestId("assertion-row").count()).toBe(2);
    expect(await row(1, "ms").inputValue()).toBe("5000");
    // Valid JSON fills the form.
    await page.getByTestId("dataset-assertions-view-json").click();
    await json.fill('[{"type":"regex","pattern":"^Tell","flags":"i"},{"type":"contains","value":"{{expected}}"},{"type":"max-latency","ms":5000}]');
    await page.getByTestId("dataset-assertions-view-form").click();
    expect(await page.getByTestId("assertion-row").count()).toBe(3);
    expect(await row(0, "pattern").inputValue()).toBe("^Tell");
    expect(await row(0, "flags").inputValue()).toBe("i");
    // Removing a row in the form removes it from the JSON.
    await row(0, "remove").click();
    await page.getByTestId("dataset-assertions-view-json").click();
    expect(JSON.parse(await json.inputValue())).toEqual([
      { type: "contains", value: "{{expected}}" },
      { type: "max-latency", ms: 5000 },
    ]);
    await page.getByTestId("dataset-save").click();
    await page.getByTestId("dataset-list").getByRole("button", { name: /Capitals/ }).click();
    await expect.poll(async () => page.getByTestId("assertion-row").count(), { timeout: 10_000 }).toBe(2);
  });
});
