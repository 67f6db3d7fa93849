// End-to-end: after a run the inspector shows the request id, the masked Authorization header,
// the chunks and the logprobs; an exported Node snippet taken from the page runs against the simulator.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { callApp, openApp, type RunningApp, startSuite, stopSuite } from "./harness";

const run = promisify(execFile);
let browser: Browser;
let app: RunningApp;
let dataDir: string;

beforeAll(async () => ({ browser, app, dataDir } = await startSuite()));
afterAll(() => stopSuite({ browser, app, dataDir }));

describe("inspector", () => {
  it("shows the request id, the masked Authorization header, the chunks and the logprobs of the last run", async () => {
    const page = await openApp(browser, app);
    // Log probabilities are a Chat Completions feature here (Responses needs include, not sent).
    await page.getByTestId("api-select").selectOption("chat");
    await page.getByTestId("param-logprobs").check();
    await page.getByTestId("param-top-logprobs").fill("2");
    await page.getByTestId("run-button").click();
    await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
    const requestId = (await page.getByTestId("metric-request-id").innerText()).trim();
    expect(requestId).toMatch(/^req_/);
    expect(await page.getByTestId("run-cost").innerText()).toMatch(/simulator is free/);

    await page.getByTestId("inspect-run").click();
    const record = page.getByTestId("inspector-record");
    await record.waitFor({ timeout: 10_000 });
    expect((await page.getByTestId("inspector-request-id").innerText()).trim()).toBe(requestId);
    // The key is a hint only: "Bearer " then a masked value, never a whole key.
    const auth = (await page.getByTestId("inspector-request-headers").locator('tr[data-header="authorization"] td').innerText()).trim();
    expect(auth).toMatch(/^Bearer \S*\.\.\.\S*$/);
    expect(await page.getByTestId("inspector-response-headers").locator('tr[data-header="x-request-id"] td').innerText()).toBe(requestId);
    expect(await page.getByTestId("inspector-response-headers").locator('tr[data-header^="x-ratelimit-"]').count()).toBeGreaterThan(0);
    // Every chunk, in order, with its time; the first and the last have the stream's shape.
    const chunks = page.getByTestId("inspector-chunk");
    const count = Number(await page.getByTestId("inspector-chunks").getAttribute("data-count"));
    expect(count).toBeGreaterThan(3);
    expect(await chunks.first().innerText()).toMatch(/\+\d+(\.\d)? ms[\s\S]*chat\.completion\.chunk/);
    const times = (await page.locator(".chunk-time").allInnerTexts()).map((t) => Number(t.replace(/[^\d.]/g, "")));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Fields are explained on hover.
    expect(await record.locator('[data-field="finish_reason"]').first().getAttribute("title")).toMatch(/length/);
    // The simulator returned logprobs: one coloured token per answer token, alternatives on hover.
    const tokens = page.getByTestId("logprob-view").first().locator(".logprob-token");
    expect(await tokens.count()).toBeGreaterThan(3);
    expect(await tokens.first().getAttribute("title")).toMatch(/%[\s\S]*Alternatives/);
    // The assembled body holds the answer the playground showed.
    expect(await page.getByTestId("inspector-response-body").innerText()).toContain('"finish_reason": "stop"');
    // The simulator says how it made the answer, from its x-dojo-simulated-note header.
    const note = (await page.getByTestId("inspector-simulated-note").innerText()).trim();
    expect(note).toMatch(/^Simulated: /);
    expect(await page.getByTestId("inspector-response-headers").locator('tr[data-header="x-dojo-simulated-note"] td').innerText()).toBe(note);
    await page.close();
  });
});

describe("code export", () => {
  it("gives a Node snippet that runs against the simulator and never holds the key", async () => {
    const page = await openApp(browser, app);
    await page.getByTestId("view-code").click();
    await page.getByTestId("code-tab-node").click();
    const code = await page.getByTestId("code-text").inputValue();
    expect(code).toContain("process.env.OPENAI_API_KEY");
    const info = await callApp<{ simulatorURL: string }>(app, "app.info");
    expect(code).toContain(info.simulatorURL);

    const dir = join(process.cwd(), ".tmp", `e2e-export-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      const file = join(dir, "chat.mjs");
      writeFileSync(file, code);
      const { stdout } = await run(process.execPath, [file], { env: { ...process.env, OPENAI_API_KEY: "sk-e2e-placeholder-0000" }, timeout: 30_000 });
      expect(stdout).toMatch(/simulat(ed|or) (answer|reply|response)/i);

      // The production variant (timeout, retries, streaming handler) runs too.
      await page.getByTestId("code-production").check();
      await page.getByTestId("code-stream").check();
      const production = await page.getByTestId("code-text").inputValue();
      expect(production).toMatch(/maxRetries/);
      writeFileSync(file, production);
      const second = await run(process.execPath, [file], { env: { ...process.env, OPENAI_API_KEY: "sk-e2e-placeholder-0000" }, timeout: 30_000 });
      expect(second.stdout).toMatch(/simulat(ed|or) (answer|reply|response)/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.close();
  });
});
