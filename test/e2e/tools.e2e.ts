// End-to-end: tool calling in Chromium with the order-support preset: a sensitive create_refund
// call waits for approval, its mock result goes back and the model answers in text; a refund over
// the tool's limit is refused before any mock runs, saying why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openApp, type RunningApp, startSuite, stopSuite } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;

beforeAll(async () => ({ browser, app, dataDir } = await startSuite()));
afterAll(() => stopSuite({ browser, app, dataDir }));

async function roles(page: Page): Promise<string[]> {
  const selects = page.getByTestId("message-role");
  const out: string[] = [];
  for (let i = 0; i < (await selects.count()); i++) out.push(await selects.nth(i).inputValue());
  return out;
}

async function runAndWait(page: Page, click: () => Promise<void>): Promise<void> {
  await click();
  await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
}

describe("tool calling", () => {
  it("round trip: a sensitive call waits for approval, the mock result goes back, the model answers in text", async () => {
    const page = await openApp(browser, app);
    await page.getByTestId("preset-menu").selectOption("order-support-tools");
    expect(await page.getByTestId("tool-editor").count()).toBe(2);
    expect(await page.getByTestId("step-limit").inputValue()).toBe("5");

    await runAndWait(page, () => page.getByTestId("run-button").click());
    const call = page.getByTestId("tool-call");
    await expect.poll(() => call.getAttribute("data-phase"), { timeout: 20_000 }).toBe("awaiting-approval");
    expect(await call.getAttribute("data-tool")).toBe("create_refund");
    expect(await page.getByTestId("tool-call-arguments").innerText()).toMatch(/"amount": 40/);
    expect(await page.getByTestId("tool-step").innerText()).toBe("1");
    // Nothing can be sent while the call waits: no result exists yet.
    expect(await page.getByTestId("tool-continue").isDisabled()).toBe(true);
    expect(await page.getByTestId("tool-call-result").count()).toBe(0);

    await page.getByTestId("tool-approve").click();
    // The preset's create_refund is a real side effect on the app's mock ledger, keyed by the call.
    await expect.poll(() => call.getAttribute("data-phase"), { timeout: 20_000 }).toBe("ready");
    const result = JSON.parse(await page.getByTestId("tool-call-result").inputValue()) as Record<string, unknown>;
    expect(result).toMatchObject({ refund_id: expect.stringMatching(/^rf_\d{4}$/), order_id: "A1234", amount: 40, status: "refunded", replayed: false });
    expect(await page.getByTestId("tool-effect-key").innerText()).toMatch(/^toolcall:/);
    // Replaying the same call shows the ledger's answer: the first result, no second refund.
    await page.getByTestId("tool-replay").click();
    await expect.poll(() => page.getByTestId("tool-effect").getAttribute("data-outcome"), { timeout: 20_000 }).toBe("replayed");
    expect(await page.getByTestId("tool-effect-replayed").innerText()).toBe("replayed: first result returned, no second effect");
    expect(JSON.parse(await page.getByTestId("tool-call-result").inputValue())).toMatchObject({ refund_id: result.refund_id, replayed: true });

    await runAndWait(page, () => page.getByTestId("tool-continue").click());
    // The model answered in text: no tool round left, and the conversation holds the exchange.
    await expect.poll(() => page.getByTestId("tool-run").count()).toBe(0);
    expect(await page.getByTestId("answer-choice").first().innerText()).toMatch(/based on the tool results/);
    expect(await roles(page)).toEqual(["system", "user", "assistant", "tool"]);
    expect(await page.getByTestId("message-content").nth(3).inputValue()).toContain(String(result.refund_id));
    await page.close();
  });

  it("refuses a refund above the tool's limit before any approval or mock, and tells the model why", async () => {
    const page = await openApp(browser, app);
    await page.getByTestId("preset-menu").selectOption("order-support-tools");
    await page.getByTestId("message-content").nth(1).fill("Please create a refund for order_id A1234, amount 250, the parcel never arrived.");
    await runAndWait(page, () => page.getByTestId("run-button").click());
    const call = page.getByTestId("tool-call");
    await expect.poll(() => call.getAttribute("data-phase"), { timeout: 20_000 }).toBe("refused");
    expect(await page.getByTestId("tool-call-refusal").innerText()).toMatch(/amount is 250, above the limit of 100 set for this tool/);
    expect(await page.getByTestId("tool-approve").count()).toBe(0);
    const sent = JSON.parse(await page.getByTestId("tool-call-result").inputValue()) as { error: string; reason: string };
    expect(sent.error).toBe("refused");
    expect(sent.reason).toMatch(/above the limit of 100/);
    expect(sent.reason).not.toMatch(/rf_/);

    await runAndWait(page, () => page.getByTestId("tool-continue").click());
    await expect.poll(() => page.getByTestId("tool-run").count()).toBe(0);
    expect(await page.getByTestId("answer-choice").first().innerText()).toMatch(/refused/);
    await page.close();
  });

  it("Add tool gives an editable tool with default settings, survives a reload, and raises no page error", async () => {
    const page = await openApp(browser, app);
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    page.on("console", (msg) => (msg.type() === "error" ? errors.push(msg.text()) : undefined));
    const before = await page.getByTestId("tool-editor").count();
    await page.getByTestId("add-tool").click();
    await expect.poll(() => page.getByTestId("tool-editor").count()).toBe(before + 1);
    const added = page.getByTestId("tool-editor").last();
    // The new tool has no saved settings: the defaults show, and editing them works.
    expect(await added.getByTestId("tool-mock-kind").inputValue()).toBe("manual");
    expect(await added.getByTestId("tool-sensitive").isChecked()).toBe(false);
    await added.getByTestId("tool-sensitive").check();
    await added.getByTestId("tool-mock-kind").selectOption("fixed");
    await expect.poll(() => added.getByTestId("tool-mock-text").count()).toBe(1);
    // The saved draft holds the tool; a reload brings the playground back with it.
    await page.waitForTimeout(1_000);
    await page.reload();
    await page.getByTestId("run-button").waitFor({ state: "visible", timeout: 20_000 });
    await expect.poll(() => page.getByTestId("tool-editor").count()).toBe(before + 1);
    expect(await page.getByTestId("run-button").isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
