// End-to-end: the real app in web mode, driven in Chromium — first launch on the simulator, a
// streamed run, Stop, a simulated failure, the draft surviving a reload and a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openApp, startApp, type RunningApp, startSuite, stopSuite } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;

beforeAll(async () => ({ browser, app, dataDir } = await startSuite()));
afterAll(() => stopSuite({ browser, app, dataDir }));

async function setLastUserMessage(page: Page, text: string): Promise<void> {
  const rows = page.getByTestId("message-row");
  const count = await rows.count();
  for (let i = count - 1; i >= 0; i--) {
    if ((await rows.nth(i).getByTestId("message-role").inputValue()) === "user") {
      await rows.nth(i).getByTestId("message-content").fill(text);
      return;
    }
  }
  throw new Error("no user message in the draft");
}

describe("playground on first launch (simulator, no key)", () => {
  it("says the simulator is active and that its answers are simulated", async () => {
    const page = await openApp(browser, app);
    await expect.poll(() => page.getByTestId("provider-badge").innerText()).toMatch(/simulat/i);
    await page.close();
  });

  it("streams an answer, then shows its figures and who answered", async () => {
    const page = await openApp(browser, app);
    await page.getByTestId("failure-select").selectOption("none");
    await setLastUserMessage(page, "Summarise why streaming helps users. Streaming shows text sooner. Users wait less.");
    await page.getByTestId("param-max-tokens").fill("200");
    // Record, in the page, every length the answer text passes through and every status shown.
    await page.evaluate(() => {
      const seen = { lengths: [] as number[], statuses: [] as string[] };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        const status = document.querySelector('[data-testid="answer"]')?.getAttribute("data-status") ?? "";
        if (seen.statuses.at(-1) !== status) seen.statuses.push(status);
        const length = document.querySelector('[data-testid="answer-choice"]')?.textContent?.length ?? 0;
        if (status === "streaming" && seen.lengths.at(-1) !== length) seen.lengths.push(length);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.getByTestId("message-content").last().press("Control+Enter");
    const answer = page.getByTestId("answer");
    await expect.poll(() => answer.getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
    // It streamed: the text grew in several steps while the status said "streaming".
    const seen = await page.evaluate(() => (window as unknown as { __seen: { lengths: number[]; statuses: string[] } }).__seen);
    expect(seen.statuses).toContain("streaming");
    expect(new Set(seen.lengths.filter((n) => n > 0)).size).toBeGreaterThanOrEqual(3);
    const text = await page.getByTestId("answer-choice").first().innerText();
    expect(text.length).toBeGreaterThan(20);
    expect(await page.getByTestId("metric-finish").innerText()).toMatch(/stop|length/);
    expect(await page.getByTestId("metric-usage").innerText()).toMatch(/\d+/);
    expect(await page.getByTestId("metric-ttft").innerText()).toMatch(/\d/);
    expect(await page.getByTestId("metric-request-id").innerText()).toMatch(/\w{6,}/);
    expect(await page.getByTestId("metric-provider").innerText()).toMatch(/simulat/i);
    await page.close();
  });

  it("keeps the partial text, marked stopped, when Stop is pressed", async () => {
    const page = await openApp(browser, app);
    // "stall" sends a few chunks and then nothing: the run can only end by Stop. On Chat Completions
    // those chunks hold text; the simulator's Responses stream stalls after its first three events,
    // before any text (responses.e2e.ts stops a Responses stream mid-text instead).
    await page.getByTestId("api-select").selectOption("chat");
    await page.getByTestId("failure-select").selectOption("stall");
    await page.getByTestId("run-button").click();
    const choice = page.getByTestId("answer-choice").first();
    await expect.poll(async () => (await choice.innerText()).trim().length, { timeout: 15_000 }).toBeGreaterThan(0);
    const partial = (await choice.innerText()).trim();
    await page.getByTestId("stop-button").click();
    await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 10_000 }).toBe("stopped");
    expect((await choice.innerText()).trim()).toContain(partial.slice(0, 10));
    await page.getByTestId("failure-select").selectOption("none");
    await page.getByTestId("api-select").selectOption("responses");
    await page.close();
  });

  it("shows a precise error when the simulator is asked to fail, and keeps the draft", async () => {
    const page = await openApp(browser, app);
    await setLastUserMessage(page, "This draft must survive an error.");
    await page.getByTestId("failure-select").selectOption("insufficient_quota");
    await page.getByTestId("run-button").click();
    const error = page.getByTestId("run-error");
    await error.waitFor({ state: "visible", timeout: 20_000 });
    expect(await error.getAttribute("data-kind")).toBe("quota");
    expect(await error.innerText()).toMatch(/quota|billing/i);
    expect(await page.getByTestId("answer").getAttribute("data-status")).toBe("failed");
    expect(await page.getByTestId("message-content").last().inputValue()).toBe("This draft must survive an error.");

    await page.getByTestId("failure-select").selectOption("bad_request");
    await page.getByTestId("run-button").click();
    await expect.poll(() => error.getAttribute("data-kind"), { timeout: 20_000 }).toBe("bad_request");
    await page.getByTestId("failure-select").selectOption("none");
    await page.close();
  });

  it("finds the draft again after a reload and after a restart", async () => {
    const page = await openApp(browser, app);
    const marker = `Draft marker ${Date.now()}`;
    await setLastUserMessage(page, marker);
    // The seed is a Chat Completions field (Responses has none): the draft's API is kept too.
    await page.getByTestId("api-select").selectOption("chat");
    await page.getByTestId("param-seed").fill("42");
    await page.reload();
    await page.getByTestId("run-button").waitFor();
    await expect.poll(() => page.getByTestId("message-content").last().inputValue()).toBe(marker);
    expect(await page.getByTestId("param-seed").inputValue()).toBe("42");
    expect(await page.getByTestId("api-select").inputValue()).toBe("chat");
    await page.close();

    await app.stop();
    app = await startApp(dataDir);
    const again = await openApp(browser, app);
    await expect.poll(() => again.getByTestId("message-content").last().inputValue()).toBe(marker);
    // The raw view is a Monaco editor: read its rendered lines (Monaco draws spaces as no-break spaces).
    const rawLines = again.getByTestId("raw-json").locator(".view-lines");
    await expect.poll(async () => (await rawLines.innerText()).replace(/\u00a0/g, " "), { timeout: 20_000 }).toContain(marker);
    await again.close();
  });
});
