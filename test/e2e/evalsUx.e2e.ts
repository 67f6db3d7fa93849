// End-to-end: the evaluations view as a desktop tool: assertion values filled from each case's
// `{{variables}}` (an unknown one failing its check, saying why); retries, 429s and waits counted
// in the progress line; the assertion form kept in sync with the raw JSON; a compact results grid
// that fits a 1280 px window, a cell's details in a side panel beside it; the run setup and unsaved
// assertions kept across a visit to another view.
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
  it("fills {{expected}} in an assertion from each case (run with Ctrl+Enter), and fails an unknown variable with its reason", async () => {
    await page.getByTestId("message-content").nth(1).fill("Tell me about {{city}}.");
    await page.getByTestId("nav-evals").click();
    await page.getByTestId("dataset-name").fill("Capitals");
    await page.getByTestId("dataset-import").setInputFiles({ name: "capitals.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await page.getByTestId("dataset-editor").waitFor({ timeout: 10_000 });
    await page.getByTestId("dataset-assertions-view-json").click();
    await page.getByTestId("dataset-assertions").fill('[{"type":"contains","value":"{{expected}}"}]');
    await page.getByTestId("dataset-save").click();
    // Ctrl+Enter starts the run from the view, as the Start button does.
    await page.getByTestId("dataset-save").focus();
    await page.keyboard.press("Control+Enter");
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
      // The retried cells say so in their details: their latency is the answer's, the waits apart.
      const details: string[] = [];
      for (const caseId of ["paris", "rome", "lisbon"]) {
        await cell(caseId).click();
        details.push(await page.getByTestId("eval-cell-detail").innerText());
      }
      expect(details.filter((d) => /answered in \d+ ms \([\d.]+ m?s in all, over 2 attempts and their waits\)/.test(d))).toHaveLength(2);
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

  it("shows a compact grid of versions × cases that fits 1280 px, unescaped, with a cell's details in a side panel", async () => {
    const request = (system: string) => ({ model: "sim-chat-1", temperature: 0, messages: [{ role: "system", content: system }, { role: "user", content: 'Tell me about "{{city}}" and its long history, in a few sentences.' }] });
    const experiment = {
      format: "prompt-dojo.experiment",
      formatVersion: 1,
      id: "city-guide",
      name: "City guide with a rather long experiment name",
      createdAt: 1,
      versions: [
        { version: 1, savedAt: 1, message: "brief", state: { profileId: "simulator", request: request("Answer briefly.") } },
        { version: 2, savedAt: 2, message: "detailed", state: { profileId: "simulator", request: request("Answer in detail, as a tour guide would.") } },
      ],
    };
    await page.getByTestId("nav-experiments").click();
    await page.getByTestId("experiments-import").setInputFiles({ name: "city.experiment.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(experiment)) });
    await expect.poll(() => page.getByTestId("experiment-item").count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId("nav-playground").click();
    await page.getByTestId("message-content").nth(1).fill('Tell me about "{{city}}".');
    await page.getByTestId("nav-evals").click();
    await page.getByTestId("dataset-list").getByRole("button", { name: /Capitals/ }).click();
    await page.getByTestId("variant-experiment").selectOption("city-guide");
    for (const version of ["1", "2"]) {
      await page.getByTestId("variant-version").selectOption(version);
      await page.getByTestId("variant-add").click();
    }
    await expect.poll(() => page.getByTestId("eval-start").innerText(), { timeout: 10_000 }).toContain("Run 3 versions over 3 cases");
    await page.getByTestId("eval-start").click();
    await expect.poll(() => page.getByTestId("eval-figures").innerText(), { timeout: 30_000 }).toContain("9 of 9 done");
    await expect.poll(() => page.getByTestId("eval-cell").count(), { timeout: 10_000 }).toBe(9);

    /** The grid's and the view's widths, and where the grid and the panel sit. */
    const layout = () =>
      page.evaluate(() => {
        const grid = document.querySelector('[data-testid="eval-table"]') as HTMLElement;
        const wrap = grid.parentElement as HTMLElement;
        const view = document.querySelector('[data-testid="view"]') as HTMLElement;
        const panel = document.querySelector('[data-testid="eval-cell-detail"]');
        const box = (e: Element | null) => (e ? e.getBoundingClientRect().toJSON() : null) as DOMRect | null;
        return { grid: [grid.scrollWidth, grid.clientWidth], wrap: [wrap.scrollWidth, wrap.clientWidth], view: [view.scrollWidth, view.clientWidth], gridBox: box(grid), panelBox: box(panel) };
      });
    const fits = (l: Awaited<ReturnType<typeof layout>>) => {
      expect(l.grid[0]).toBeLessThanOrEqual(l.grid[1] ?? 0);
      expect(l.wrap[0]).toBeLessThanOrEqual(l.wrap[1] ?? 0);
      expect(l.view[0]).toBeLessThanOrEqual(l.view[1] ?? 0);
    };
    const closed = await layout();
    fits(closed);
    console.info(`grid at 1280x800: ${JSON.stringify(closed)}`);

    // Rome fails in every version; its long reason is cut with an ellipsis, and reads unescaped.
    const rome = page.locator('[data-testid="eval-row"][data-case="rome"]').getByTestId("eval-cell").first();
    expect(await rome.getAttribute("data-status")).toBe("fail");
    const text = rome.locator(".eval-cell-text");
    expect(await text.evaluate((e) => [getComputedStyle(e).textOverflow, e.scrollWidth > e.clientWidth])).toEqual(["ellipsis", true]);
    const reason = await text.innerText();
    expect(reason).toContain('does not contain "Berlin"');
    // The answer restates the quoted city: its quotes read as written, never as \".
    expect(reason).toMatch(/it is ".*"Rome"/);
    expect(reason).not.toContain('\\"');
    expect(await rome.innerText()).toContain("✗");

    // The details open beside the grid, not below it, and the grid still fits.
    await rome.click();
    await page.getByTestId("eval-cell-detail").waitFor();
    const open = await layout();
    fits(open);
    console.info(`with the side panel: ${JSON.stringify(open)}`);
    expect(open.panelBox?.left).toBeGreaterThanOrEqual((open.gridBox?.right ?? Infinity) - 1);
    expect(open.panelBox?.top).toBeLessThan(open.gridBox?.bottom ?? 0);
    expect(open.panelBox?.right).toBeLessThanOrEqual(1280);
    const detail = await page.getByTestId("eval-cell-detail").innerText();
    expect(detail).toContain("rome · ");
    expect(detail).not.toContain('\\"');
    expect(await rome.getAttribute("aria-pressed")).toBe("true");
    // Escape closes it.
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("eval-cell-detail").count()).toBe(0);
    // So does its ✕.
    await rome.click();
    await page.getByTestId("eval-cell-detail-close").click();
    await expect.poll(() => page.getByTestId("eval-cell-detail").count()).toBe(0);
  });

  it("keeps the run setup and unsaved assertions when the user leaves the view and comes back", async () => {
    // Set up: the two saved versions of the last test stay; the playground is left out, settings changed.
    expect(await page.getByTestId("variant-saved").count()).toBe(2);
    await page.getByTestId("variant-playground").uncheck();
    await page.getByTestId("eval-concurrency").fill("3");
    await page.getByTestId("eval-cache").check();
    await page.getByTestId("dataset-assertions-view-form").click();
    await page.getByTestId("dataset-assertions-add").click();
    await page.getByTestId("dataset-assertions-2-value").fill("{{city}}");
    expect(await page.getByTestId("dataset-unsaved").count()).toBe(1);

    await page.getByTestId("nav-playground").click();
    await page.getByTestId("run-button").waitFor();
    await page.getByTestId("nav-evals").click();

    await page.getByTestId("dataset-editor").waitFor();
    expect(await page.getByTestId("dataset-editor").locator("h2").innerText()).toContain("Capitals");
    expect(await page.getByTestId("variant-saved").allInnerTexts()).toEqual([expect.stringContaining("v1"), expect.stringContaining("v2")]);
    expect(await page.getByTestId("variant-playground").isChecked()).toBe(false);
    expect(await page.getByTestId("eval-concurrency").inputValue()).toBe("3");
    expect(await page.getByTestId("eval-cache").isChecked()).toBe(true);
    expect(await page.getByTestId("eval-start").innerText()).toContain("Run 2 versions over 3 cases");
    // The unsaved assertion is still in the form, and still unsaved.
    expect(await page.getByTestId("assertion-row").count()).toBe(3);
    expect(await page.getByTestId("dataset-assertions-2-value").inputValue()).toBe("{{city}}");
    expect(await page.getByTestId("dataset-unsaved").count()).toBe(1);
    // Saving makes it the dataset's; the note goes.
    await page.getByTestId("dataset-save").click();
    await expect.poll(() => page.getByTestId("dataset-unsaved").count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId("assertion-row").count()).toBe(3);
    // Removing a version is kept too.
    await page.getByRole("button", { name: /^Remove City guide .* v1$/ }).click();
    expect(await page.getByTestId("variant-saved").count()).toBe(1);

    // A reload (or a restart) finds the setup and the open dataset as they were left: they are in the settings file.
    await page.reload();
    await page.getByTestId("nav-evals").click();
    await page.getByTestId("dataset-editor").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("dataset-editor").locator("h2").innerText()).toContain("Capitals");
    expect(await page.getByTestId("variant-saved").allInnerTexts()).toEqual([expect.stringContaining("v2")]);
    expect(await page.getByTestId("variant-playground").isChecked()).toBe(false);
    expect(await page.getByTestId("eval-concurrency").inputValue()).toBe("3");
    expect(await page.getByTestId("eval-cache").isChecked()).toBe(true);
  });

  it("edits a case's own assertions in the form with every kind of field: checkbox, select, list, literal, JSON and text area", async () => {
    const row = (i: number, field: string) => page.getByTestId(`case-assertions-${i}-${field}`);
    await page.getByRole("button", { name: "Edit the own assertions of paris" }).click();
    await page.getByTestId("case-assertions-view-form").click();
    const add = async (type: string) => {
      await page.getByTestId("case-assertions-add").click();
      const i = (await page.getByTestId("case-assertions-form").getByTestId("assertion-row").count()) - 1;
      await row(i, "type").selectOption(type);
      return i;
    };
    const contains = await add("contains");
    await row(contains, "value").fill("{{city}}");
    await row(contains, "ignoreCase").check();
    const tokens = await add("max-tokens");
    await row(tokens, "which").selectOption("completion");
    const reasons = await add("finish-reason");
    await row(reasons, "value").fill("stop, length");
    const fact = await add("fact");
    await row(fact, "fact").fill("cached");
    await row(fact, "equals").fill("false");
    const rubric = await add("rubric");
    await row(rubric, "rubric").fill("Names {{city}} as a capital.");
    await row(rubric, "minScore").fill("0.5");
    const schema = await add("json-schema");
    // A schema that is not JSON yet says so, and the last valid one is kept meanwhile.
    await row(schema, "schema").fill('{"type": "obj');
    expect(await page.getByTestId("case-assertions-form").innerText()).toContain("Not a JSON object");
    await row(schema, "schema").fill('{"type": "object", "required": ["answer"]}');
    const tool = await add("tool-call");
    await row(tool, "name").fill("get_weather");
    await row(tool, "arguments").fill('{"city": "{{city}}"}');
    await row(tool, "match").selectOption("exact");

    await page.getByTestId("case-assertions-view-json").click();
    expect(JSON.parse(await page.getByTestId("case-assertions").inputValue())).toEqual([
      { type: "contains", value: "{{city}}", ignoreCase: true },
      { type: "max-tokens", tokens: 500, which: "completion" },
      { type: "finish-reason", value: ["stop", "length"] },
      { type: "fact", fact: "cached", equals: false },
      { type: "rubric", rubric: "Names {{city}} as a capital.", minScore: 0.5 },
      { type: "json-schema", schema: { type: "object", required: ["answer"] } },
      { type: "tool-call", name: "get_weather", arguments: { city: "{{city}}" }, match: "exact" },
    ]);
    expect(await page.getByTestId("case-assertions-error").count()).toBe(0);
    await page.getByTestId("case-assertions-apply").click();
    expect(await page.getByRole("button", { name: "Edit the own assertions of paris" }).innerText()).toContain("contains, max-tokens, finish-reason, fact, rubric, json-schema, tool-call");
  });
});
