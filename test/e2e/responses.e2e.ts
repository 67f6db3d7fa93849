// End-to-end: the playground on the Responses API in Chromium, against the simulator: a run streams
// and stops; two turns over previous_response_id (the second knows the first); a reasoning model
// with temperature disabled and explained, its summary beside the answer; a strict schema answer
// validated; a function-call round trip; switching to Chat Completions says what stays behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { callApp, openApp, type RunningApp, startSuite, stopSuite } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;

// Slow tokens, so Stop lands while the answer is still streaming.
beforeAll(async () => ({ browser, app, dataDir } = await startSuite({ DOJO_SIM_TOKEN_DELAY_MS: "25" })));
afterAll(() => stopSuite({ browser, app, dataDir }));

interface WireRecord {
  wire: { url: string; body: Record<string, unknown> };
  result: { responseId?: string | null; api?: string } | null;
}

/** The record of the newest run, as the inspector reads it. */
async function lastRecord(): Promise<WireRecord> {
  const { runs } = await callApp<{ runs: { runId: string }[] }>(app, "runs.recent");
  const newest = runs[0];
  if (!newest) throw new Error("no run recorded");
  return callApp<WireRecord>(app, "runs.get", { runId: newest.runId });
}

async function setLastUserMessage(page: Page, text: string): Promise<void> {
  const rows = page.getByTestId("message-row");
  for (let i = (await rows.count()) - 1; i >= 0; i--) {
    if ((await rows.nth(i).getByTestId("message-role").inputValue()) === "user") {
      await rows.nth(i).getByTestId("message-content").fill(text);
      return;
    }
  }
  throw new Error("no user message in the draft");
}

const status = (page: Page) => page.getByTestId("answer").getAttribute("data-status");

async function runToEnd(page: Page, click: () => Promise<void> = () => page.getByTestId("run-button").click()): Promise<void> {
  await click();
  await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^(done|failed)$/);
  if ((await status(page)) === "failed") throw new Error(`the run failed: ${await page.getByTestId("run-error").innerText()}`);
}

describe("the playground on the Responses API", () => {
  it("streams a Responses run and stops it, keeping the partial text", async () => {
    const page = await openApp(browser, app);
    expect(await page.getByTestId("api-select").inputValue()).toBe("responses");
    expect(await page.getByTestId("raw-json-endpoint").innerText()).toContain("/v1/responses");
    await setLastUserMessage(page, "Explain in detail how temperature, top_p and max output tokens shape an answer, with examples of each.");
    await page.getByTestId("param-max-tokens").fill("400");
    await page.getByTestId("run-button").click();
    const choice = page.getByTestId("answer-choice").first();
    await expect.poll(async () => (await choice.innerText()).length, { timeout: 20_000 }).toBeGreaterThan(40);
    expect(await status(page)).toBe("streaming");
    await page.getByTestId("stop-button").click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe("stopped");
    const partial = await choice.innerText();
    const record = await lastRecord();
    expect(record.wire.url).toMatch(/\/v1\/responses$/);
    expect(record.wire.body).toMatchObject({ stream: true, max_output_tokens: 400 });
    expect(record.wire.body).not.toHaveProperty("messages");
    // Nothing more arrives after Stop.
    await page.waitForTimeout(500);
    expect(await choice.innerText()).toBe(partial);
    await page.close();
  });

  it("continues a stored response: the second turn's answer knows what the first said", async () => {
    const page = await openApp(browser, app);
    await setLastUserMessage(page, "My cat is called Tofu and she likes sardines.");
    await runToEnd(page);
    const first = await lastRecord();
    expect(first.result?.responseId).toMatch(/^resp_/);
    await page.getByTestId("continue-response").click();
    expect(await page.getByTestId("param-previous_response_id").inputValue()).toBe(first.result?.responseId);
    await setLastUserMessage(page, "What does my cat like?");
    await runToEnd(page);
    expect(await page.getByTestId("answer-choice").first().innerText()).toContain("sardines");
    const second = await lastRecord();
    expect(second.wire.body.previous_response_id).toBe(first.result?.responseId);
    // Only the new turn went out: the server holds the first.
    expect(JSON.stringify(second.wire.body.input)).not.toContain("Tofu");
    // Without the stored turn the same question has nothing to draw on.
    await page.getByTestId("param-previous_response_id").fill("");
    await runToEnd(page);
    expect(await page.getByTestId("answer-choice").first().innerText()).not.toContain("sardines");
    await page.close();
  });

  it("a reasoning model: temperature disabled and explained before sending, the summary beside the answer", async () => {
    const page = await openApp(browser, app);
    await page.getByTestId("model-input").fill("sim-reasoning-1");
    const temperature = page.getByTestId("param-temperature");
    await expect.poll(() => temperature.isDisabled()).toBe(true);
    expect(await page.getByTestId("blocked-temperature").innerText()).toMatch(/sim-reasoning-1 accepts only the default temperature \(1\).*reasoning models take only the default sampling values/);
    // The reasoning settings are enabled for it.
    expect(await page.getByTestId("param-reasoning_effort").isDisabled()).toBe(false);
    await page.getByTestId("param-reasoning_effort").selectOption("high");
    await page.getByTestId("param-reasoning_summary").selectOption("auto");
    await setLastUserMessage(page, "Plan a weekend trip to Lisbon.");
    await runToEnd(page);
    const summary = page.getByTestId("reasoning-summary");
    expect(await summary.innerText()).toMatch(/Simulated reasoning summary/);
    expect(Number((await page.getByTestId("reasoning-tokens").innerText()).split(" ")[0])).toBeGreaterThan(0);
    expect(await page.getByTestId("metric-usage").innerText()).toMatch(/\(\d+ reasoning\)/);
    expect((await lastRecord()).wire.body).toMatchObject({ reasoning: { effort: "high", summary: "auto" } });
    // A chat model refuses the reasoning settings; the catalog says why.
    await page.getByTestId("model-input").fill("gpt-4.1-mini");
    await expect.poll(() => page.getByTestId("param-reasoning_effort").isDisabled()).toBe(true);
    expect(await page.getByTestId("blocked-reasoning_effort").innerText()).toMatch(/gpt-4\.1-mini does not accept reasoning\.effort/);
    expect(await temperature.isDisabled()).toBe(false);
    // Set for the reasoning model, both would now be refused: each can be taken out of the request.
    await page.getByTestId("clear-reasoning_effort").click();
    await page.getByTestId("clear-reasoning_summary").click();
    await expect.poll(() => page.getByTestId("clear-reasoning_summary").count()).toBe(0);
    await page.getByTestId("model-input").fill("sim-chat-1");
    await page.close();
  });

  it("a strict schema answer on Responses is validated against the schema", async () => {
    const page = await openApp(browser, app);
    await page.getByTestId("preset-menu").selectOption("ticket-triage");
    await page.getByTestId("schema-ok").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("api-select").inputValue()).toBe("responses");
    await runToEnd(page);
    await expect.poll(() => page.getByTestId("output-check").first().getAttribute("data-result"), { timeout: 20_000 }).toBe("pass");
    const body = (await lastRecord()).wire.body;
    // response_format went out as text.format, the json_schema fields flat beside its type.
    expect(body.text).toMatchObject({ format: { type: "json_schema", name: "ticket_triage", strict: true } });
    expect(body).not.toHaveProperty("response_format");
    await page.close();
  });

  it("a function-call round trip: function_call, the tool result sent back as function_call_output, then the answer", async () => {
    const page = await openApp(browser, app);
    await page.getByTestId("preset-menu").selectOption("order-support-tools");
    await runToEnd(page);
    const call = page.getByTestId("tool-call");
    await expect.poll(() => call.getAttribute("data-phase"), { timeout: 20_000 }).toBe("awaiting-approval");
    expect(await call.getAttribute("data-tool")).toBe("create_refund");
    expect((await lastRecord()).wire.body.tools).toEqual(expect.arrayContaining([expect.objectContaining({ type: "function", name: "create_refund" })]));
    await page.getByTestId("tool-approve").click();
    await expect.poll(() => call.getAttribute("data-phase"), { timeout: 20_000 }).toBe("ready");
    await runToEnd(page, () => page.getByTestId("tool-continue").click());
    await expect.poll(() => page.getByTestId("tool-run").count()).toBe(0);
    expect(await page.getByTestId("answer-choice").first().innerText()).toMatch(/based on the tool results/);
    const input = (await lastRecord()).wire.body.input as { type: string; call_id?: string }[];
    const types = input.map((i) => i.type);
    expect(types).toContain("function_call");
    expect(types).toContain("function_call_output");
    const fc = input.find((i) => i.type === "function_call");
    expect(input.find((i) => i.type === "function_call_output")?.call_id).toBe(fc?.call_id);
    await page.close();
  });

  it("sends verbosity, store, service tier, prompt cache key and safety identifier; an unstored response cannot be continued", async () => {
    const page = await openApp(browser, app);
    await setLastUserMessage(page, "Say hello to the team.");
    await page.getByTestId("param-verbosity").selectOption("low");
    await page.getByTestId("param-store").selectOption("false");
    await page.getByTestId("param-service_tier").selectOption("flex");
    await page.getByTestId("param-prompt_cache_key").fill("team-greetings-v1");
    await page.getByTestId("param-safety_identifier").fill("user-7f3a");
    await runToEnd(page);
    expect((await lastRecord()).wire.body).toMatchObject({ text: { verbosity: "low" }, store: false, service_tier: "flex", prompt_cache_key: "team-greetings-v1", safety_identifier: "user-7f3a" });
    expect(await page.getByTestId("continue-response").isDisabled()).toBe(true);
    expect(await page.getByTestId("continue-response-hint").innerText()).toMatch(/store: false/);
    // Back to what the other tests expect.
    await page.getByTestId("param-verbosity").selectOption("");
    await page.getByTestId("param-store").selectOption("");
    await page.getByTestId("param-service_tier").selectOption("");
    await page.getByTestId("param-prompt_cache_key").fill("");
    await page.getByTestId("param-safety_identifier").fill("");
    await page.close();
  });

  it("switching to Chat Completions says what stays behind, shows the chat body, and enables Chat-only controls", async () => {
    const page = await openApp(browser, app);
    // A reasoning summary is for reasoning models only: the catalog disables it for a chat model.
    await page.getByTestId("model-input").fill("sim-reasoning-1");
    await page.getByTestId("param-reasoning_summary").selectOption("auto");
    expect(await page.getByTestId("param-seed").isDisabled()).toBe(true);
    expect(await page.getByTestId("blocked-seed").innerText()).toMatch(/Chat Completions only/);
    await page.getByTestId("api-select").selectOption("chat");
    const items = page.getByTestId("api-not-carried-item");
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getAttribute("data-param")).toBe("reasoning.summary");
    expect(await page.getByTestId("raw-json-endpoint").innerText()).toContain("/v1/chat/completions");
    expect(await page.getByTestId("param-seed").isDisabled()).toBe(false);
    expect(await page.getByTestId("param-reasoning_summary").isDisabled()).toBe(true);
    await page.getByTestId("api-select").selectOption("responses");
    await page.getByTestId("param-reasoning_summary").selectOption("");
    await page.getByTestId("model-input").fill("sim-chat-1");
    await page.close();
  });
});
