// End-to-end: structured output in Chromium: the ticket-triage preset runs and its answer is
// validated against the strict schema; a broken schema shows a strict-mode problem on its line
// (in the list and as a Monaco marker); a schema drafted from an example is strict-ready.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openApp, type RunningApp, startSuite, stopSuite } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;

beforeAll(async () => ({ browser, app, dataDir } = await startSuite()));
afterAll(() => stopSuite({ browser, app, dataDir }));

/**
 * Replaces the whole text of the Monaco editor inside `testId` as a paste does: typed text would
 * be auto-indented and auto-closed by the editor, a pasted one is inserted as it is.
 */
async function replaceEditorText(page: Page, testId: string, text: string): Promise<void> {
  const editor = page.getByTestId(testId).locator(".monaco-editor");
  await editor.waitFor({ timeout: 20_000 });
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.getByTestId(testId).locator(".monaco-editor textarea").evaluate((area, pasted) => {
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

describe("structured output", () => {
  it("runs the ticket-triage preset and shows its answer valid against the strict schema", async () => {
    const page = await openApp(browser, app);
    // Monaco and its workers come from the app itself: no request leaves the app's origin.
    const elsewhere: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(app.origin)) elsewhere.push(request.url());
    });
    await page.getByTestId("preset-menu").selectOption("ticket-triage");
    expect(await page.getByTestId("format-type").inputValue()).toBe("json_schema");
    expect(await page.getByTestId("format-name").inputValue()).toBe("ticket_triage");
    expect(await page.getByTestId("format-strict").isChecked()).toBe(true);
    await page.getByTestId("schema-ok").waitFor({ timeout: 20_000 });

    await page.getByTestId("run-button").click();
    const verdict = page.getByTestId("output-check").first();
    await expect.poll(() => verdict.getAttribute("data-result"), { timeout: 20_000 }).toBe("pass");
    expect(await page.getByTestId("output-checks").innerText()).toContain('the schema "ticket_triage"');
    // A JSON answer shows as a foldable tree; its raw text is one click away.
    expect(await page.getByTestId("answer-choice").first().getByTestId("json-tree").count()).toBe(1);
    await page.getByTestId("answer-choice").first().getByTestId("answer-mode-raw").click();
    const answer = JSON.parse(await page.getByTestId("answer-choice").first().getByTestId("answer-raw").innerText()) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual(["category", "escalation_required", "priority", "summary"]);
    await page.getByTestId("schema-editor").locator(".monaco-editor").waitFor();
    expect(elsewhere).toEqual([]);
    await page.close();
  });

  it("puts a strict-mode problem on the line of a property left out of required", async () => {
    const page = await openApp(browser, app);
    await page.getByTestId("preset-menu").selectOption("lead-score");
    await page.getByTestId("schema-ok").waitFor({ timeout: 20_000 });
    const broken = [
      "{",
      '  "type": "object",',
      '  "properties": {',
      '    "score": { "type": "integer" },',
      '    "notes": { "type": "string" }',
      "  },",
      '  "required": ["score"],',
      '  "additionalProperties": false',
      "}",
    ].join("\n");
    await replaceEditorText(page, "schema-editor", broken);
    const problem = page.getByTestId("schema-editor-problem").first();
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.getAttribute("data-line")).toBe("5");
    expect(await problem.innerText()).toMatch(/Line 5, col 5 error: "notes" must be listed in "required"/);
    // The same problem is a marker in Monaco: an error squiggle is drawn in the editor.
    await page.getByTestId("schema-editor").locator(".squiggly-error").first().waitFor({ timeout: 10_000 });

    // Fixing it clears the problem.
    await replaceEditorText(page, "schema-editor", broken.replace('["score"]', '["score", "notes"]'));
    await page.getByTestId("schema-ok").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("schema-editor-problem").count()).toBe(0);
    await page.close();
  });

  it("drafts a strict schema from a pasted example", async () => {
    const page = await openApp(browser, app);
    await page.getByTestId("format-type").selectOption("json_schema");
    await page.getByText("Schema from example").click();
    await page.getByTestId("example-input").fill('{"city": "Lyon", "days": 3, "tags": ["food"]}');
    await page.getByTestId("schema-from-example").click();
    // The editor shows the drafted schema (its first lines), then the main process finds it strict-ready.
    const lines = page.getByTestId("schema-editor").locator(".view-lines");
    await expect.poll(async () => (await lines.innerText()).replace(/\u00a0/g, " "), { timeout: 20_000 }).toContain('"days": {');
    expect((await lines.innerText()).replace(/\u00a0/g, " ")).toContain('"type": "integer"');
    await page.getByTestId("schema-ok").waitFor({ timeout: 20_000 });
    await page.close();
  });
});
