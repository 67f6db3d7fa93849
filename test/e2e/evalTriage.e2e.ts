// End-to-end: two prompt versions of a ticket-triage prompt (labels only named, and labels with
// clear descriptions) run over the same labelled dataset score differently, the better one higher.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, makeDataDir, openApp, removeDataDir, startApp, type RunningApp } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;
let page: Page;

beforeAll(async () => {
  dataDir = makeDataDir();
  [browser, app] = await Promise.all([launchBrowser(), startApp(dataDir)]);
  page = await openApp(browser, app);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  removeDataDir(dataDir);
});

const SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["category", "priority"],
  properties: {
    category: { type: "string", enum: ["billing", "technical", "account", "other"] },
    priority: { type: "string", enum: ["low", "normal", "urgent"] },
  },
};

/** A playground request for one system prompt; the ticket comes from the dataset. */
const triageRequest = (system: string) => ({
  model: "sim-chat-1",
  temperature: 0,
  max_completion_tokens: 200,
  messages: [
    { role: "system", content: system },
    { role: "user", content: "Ticket: {{ticket}}" },
  ],
  response_format: { type: "json_schema", json_schema: { name: "ticket_triage", strict: true, schema: SCHEMA } },
});

const VAGUE = "Triage the ticket: pick a category and a priority.";
const CLEAR =
  "You triage support tickets for Northwind Home. Give each ticket one category (billing: charges, payments, invoices, refunds; " +
  "technical: errors, crashes, outages, bugs; account: login, password, email, profile; other: anything else) and a priority (low, normal or urgent).";

const EXPERIMENT = {
  format: "prompt-dojo.experiment",
  formatVersion: 1,
  id: "ticket-triage",
  name: "Ticket triage",
  createdAt: 1,
  versions: [
    { version: 1, savedAt: 1, message: "labels named only", state: { profileId: "simulator", request: triageRequest(VAGUE) } },
    { version: 2, savedAt: 2, message: "labels described", state: { profileId: "simulator", request: triageRequest(CLEAR) } },
  ],
};

/** Tickets that never name their label, each with the label a support lead gave it. */
const TICKETS: [string, string, string][] = [
  ["double-charge", "I was charged twice this month, please refund one payment.", "billing"],
  ["extra-fee", "Why is there an extra fee on my invoice?", "billing"],
  ["app-crash", "The app crashes every time I open the settings page.", "technical"],
  ["site-down", "The website is down and shows an error.", "technical"],
  ["cannot-log-in", "I cannot log in since I changed my email address.", "account"],
  ["profile-picture", "How do I update my profile picture?", "account"],
];
const DATASET = TICKETS.map(([id, ticket, label]) =>
  JSON.stringify({ id, ticket, assertions: [{ type: "json-schema", schema: { type: "object", properties: { category: { const: label } }, required: ["category"] } }] }),
).join("\n");

/** "(passed/total)" of each prompt version's row in the figures table, in row order. */
async function passedPerVersion(): Promise<number[]> {
  const cells = await page.getByTestId("eval-pass-rate").allInnerTexts();
  return cells.map((text) => Number(/\((\d+)\/\d+\)/.exec(text)?.[1] ?? NaN));
}

describe("evaluating two prompt versions of a triage classifier", () => {
  it("scores the prompt that describes its labels higher than the one that only names them", async () => {
    await page.getByTestId("nav-experiments").click();
    await page.getByTestId("experiments-import").setInputFiles({ name: "triage.experiment.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(EXPERIMENT)) });
    await expect.poll(() => page.getByTestId("experiment-item").count(), { timeout: 10_000 }).toBe(1);

    await page.getByTestId("nav-evals").click();
    await page.getByTestId("dataset-name").fill("Ticket triage");
    await page.getByTestId("dataset-import").setInputFiles({ name: "triage.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(DATASET) });
    await page.getByTestId("dataset-editor").waitFor({ timeout: 10_000 });
    await page.getByTestId("dataset-assertions-view-json").click();
    await page.getByTestId("dataset-assertions").fill('[{"type":"finish-reason","value":"stop"}]');
    await page.getByTestId("dataset-save").click();

    // Only the two saved versions run, not the playground.
    await page.getByTestId("variant-playground").uncheck();
    await page.getByTestId("variant-experiment").selectOption("ticket-triage");
    for (const version of ["1", "2"]) {
      await page.getByTestId("variant-version").selectOption(version);
      await page.getByTestId("variant-add").click();
    }
    await expect.poll(() => page.getByTestId("eval-start").innerText(), { timeout: 10_000 }).toContain("Run 2 versions over 6 cases");
    await page.getByTestId("eval-start").click();
    await expect.poll(() => page.getByTestId("eval-progress").getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
    await expect.poll(() => page.getByTestId("eval-pass-rate").count(), { timeout: 10_000 }).toBe(2);

    const rows = await page.getByTestId("eval-figures-table").innerText();
    expect(rows).toContain("Ticket triage v1");
    expect(rows.indexOf("Ticket triage v1")).toBeLessThan(rows.indexOf("Ticket triage v2"));
    const [vague = NaN, clear = NaN] = await passedPerVersion();
    // Every ticket is labelled right once the labels are described; naming them only is not enough.
    expect(clear).toBe(TICKETS.length);
    expect(vague).toBeLessThan(clear);
  });
});
