// End-to-end: the reliability lab in the real app (web mode, Chromium): a 429 set from the failure
// panel shows, under the answer and in the inspector, a timeline with the retry-after wait; a budget
// refusal says so and sends nothing; a replayed refund makes no second refund.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { callApp, openApp, type RunningApp, startSuite, stopSuite } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;

beforeAll(async () => ({ browser, app, dataDir } = await startSuite()));
afterAll(() => stopSuite({ browser, app, dataDir }));

describe("reliability lab", () => {
  it("a 429 with retry-after set in the failure panel shows its timeline with the wait", async () => {
    const page = await openApp(browser, app);
    await page.getByTestId("nav-reliability").click();
    await page.getByTestId("behaviour-failure").selectOption("rate_limit");
    await page.getByTestId("behaviour-remaining").fill("1");
    await page.getByTestId("behaviour-apply").click();
    await expect.poll(() => page.getByTestId("behaviour-status").innerText()).toContain("429 rate limit, with retry-after for the next 1 request");

    await page.getByTestId("nav-playground").click();
    await page.getByTestId("run-button").click();
    await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
    const timeline = page.getByTestId("answer-timeline");
    await timeline.waitFor({ timeout: 10_000 });
    expect(await timeline.getAttribute("data-attempts")).toBe("2");
    const rows = await timeline.locator("li").allInnerTexts();
    expect(rows[0]).toMatch(/^\+\d+ ms\s+Attempt 1: 429/);
    expect(rows[1]).toMatch(/Wait 1 s\s+retry-after\s+Waiting 1 s, as the server's retry-after asked\./);
    expect(rows[2]).toMatch(/^\+1(\.\d)? s\s+Attempt 2: 200/);
    expect(rows.join("\n")).toMatch(/Answered\.[\s\S]*Deadline: 120 s after the start/);

    // The same timeline is in the inspector.
    await page.getByTestId("nav-inspector").click();
    const inspected = page.getByTestId("inspector-timeline");
    await inspected.waitFor({ timeout: 10_000 });
    expect(await inspected.locator("li[data-kind=wait]").innerText()).toContain("retry-after");
    // The failure was used up: the simulator answers normally again.
    expect(await callApp<{ failure: string; failed: number }>(app, "simulator.behaviour")).toMatchObject({ failure: "none", failed: 1 });
    await page.close();
  });

  it("a 503 then a success shows each attempt and the back-off wait while the run is still running", async () => {
    const policy = await callApp<Record<string, unknown>>(app, "policy.get");
    // A long, unjittered back-off (the 503's retry-after of 1 s not honoured), so the wait can be
    // watched as it counts down. A 503 is refused before the stream starts, so it is retried; a
    // Responses stream's server_error arrives as response.failed after a 200, which is not.
    await callApp(app, "policy.save", { ...policy, baseDelayMs: 3_000, maxDelayMs: 3_000, jitter: 0, honourRetryAfter: false });
    await callApp(app, "simulator.setBehaviour", { failure: "unavailable", remaining: 1, requestsPerMinute: null, tokensPerMinute: null, firstByteDelayMs: null });
    const page = await openApp(browser, app);
    try {
      await page.getByTestId("run-button").click();
      const timeline = page.getByTestId("answer-timeline");
      // The timeline shows as soon as attempt 1 is out; wait until its 503 and the wait are on it.
      await expect.poll(() => timeline.locator("li").allInnerTexts(), { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/Waiting to retry/)]));
      // Still running: the first attempt failed and the wait is on, before any answer exists.
      expect(await page.getByTestId("answer").getAttribute("data-status")).toBe("streaming");
      expect(await timeline.getAttribute("data-live")).toBe("true");
      const rows = await timeline.locator("li").allInnerTexts();
      expect(rows[0]).toMatch(/Attempt 1: 503/);
      expect(rows[1]).toMatch(/Wait 3 s\s+back-off/);
      expect(rows.at(-1)).toMatch(/Waiting to retry: attempt 2 in \d(\.\d)? s/);
      const waiting = page.getByTestId("answer-waiting");
      expect(await waiting.getAttribute("data-phase")).toBe("waiting");
      const first = await waiting.innerText();
      expect(first).toMatch(/^Waiting to retry: attempt 2 in /);
      expect(first).not.toContain("first token");
      // The countdown moves.
      await expect.poll(() => waiting.innerText(), { timeout: 3_000 }).not.toBe(first);
      // Then attempt 2 answers, and the ended run's timeline (from its record) keeps both attempts.
      await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
      await expect.poll(() => timeline.getAttribute("data-live")).toBe("false");
      const done = await timeline.locator("li").allInnerTexts();
      expect(done[0]).toMatch(/Attempt 1: 503/);
      expect(done[2]).toMatch(/Attempt 2: 200/);
      expect(done.join("\n")).toContain("Answered.");
    } finally {
      await callApp(app, "policy.save", policy);
      await page.close();
    }
  });

  it("the playground and the lab show one answer to what the next run gets, and each can clear the other's", async () => {
    const page = await openApp(browser, app);
    try {
      await page.getByTestId("nav-reliability").click();
      await page.getByTestId("behaviour-failure").selectOption("unavailable");
      await page.getByTestId("behaviour-remaining").fill("5");
      await page.getByTestId("behaviour-apply").click();
      await expect.poll(() => page.getByTestId("behaviour-playground").innerText()).toBe("The playground's next run: 503 service unavailable, from this panel.");

      // The playground shows the lab's failure and what is left of it, counting down as it is used.
      await page.getByTestId("nav-playground").click();
      const line = page.getByTestId("failure-in-force");
      await expect.poll(() => line.getAttribute("data-source")).toBe("lab");
      expect(await line.innerText()).toContain("503 service unavailable, set in the Reliability lab for the next 5 requests");
      expect(await page.getByTestId("failure-select").inputValue()).toBe("none");
      // A run uses three of them (the policy's three attempts, each a 503): two are left.
      await page.getByTestId("run-button").click();
      await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("failed");
      await expect.poll(() => line.innerText()).toContain("for the next 2 requests");
      await page.getByTestId("failure-clear-lab").click();
      await expect.poll(() => line.getAttribute("data-source")).toBe("none");
      expect(await callApp(app, "simulator.behaviour")).toMatchObject({ failure: "none" });

      // The draft's own choice wins for the playground; the lab says so and can clear it.
      await page.getByTestId("failure-select").selectOption("server_error");
      expect(await line.getAttribute("data-source")).toBe("playground");
      await page.getByTestId("nav-reliability").click();
      const note = page.getByTestId("behaviour-playground");
      expect(await note.innerText()).toContain("The playground's draft asks for 500 server error on each of its runs");
      // The lab's form shows what is in force (normal), not a stale choice.
      expect(await page.getByTestId("behaviour-failure").inputValue()).toBe("none");
      await page.getByTestId("behaviour-clear-playground").click();
      await expect.poll(() => note.getAttribute("data-source")).toBe("none");
      await page.getByTestId("nav-playground").click();
      expect(await page.getByTestId("failure-select").inputValue()).toBe("none");
    } finally {
      await callApp(app, "simulator.clearBehaviour");
      await page.close();
    }
  });

  it("a run over the profile's budget is refused, says so, and reaches nobody", async () => {
    const page = await openApp(browser, app);
    // One run first, so there is spend today to warn about.
    await page.getByTestId("run-button").click();
    await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
    await page.getByTestId("nav-usage").click();
    const row = page.locator('[data-testid=budget-row][data-profile="simulator"]');
    await row.waitFor({ timeout: 10_000 });
    await row.getByTestId("budget-dailyTokens").fill("5");
    await row.getByTestId("budget-save").click();
    await expect.poll(() => row.innerText()).toMatch(/used \d+% of its daily token cap/);

    await callApp(app, "simulator.clearBehaviour");
    await page.getByTestId("nav-playground").click();
    await page.getByTestId("run-button").click();
    await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("failed");
    const error = await page.getByTestId("run-error").innerText();
    expect(error).toContain("Over your budget in Prompt Dojo");
    expect(error).not.toMatch(/billing/i);
    expect(error).toContain("Refused before sending");
    expect(error).toContain("Nothing was sent and nothing was spent");
    expect((await callApp<{ served: number }>(app, "simulator.behaviour")).served).toBe(0);
    // The 80% warning shows as a banner.
    await expect.poll(() => page.getByTestId("notice").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/Budget warning: .*daily token cap/)]));
    // Removing the cap takes the warning down at once.
    await page.getByTestId("nav-usage").click();
    await row.getByTestId("budget-dailyTokens").fill("");
    await row.getByTestId("budget-save").click();
    await expect.poll(() => page.getByTestId("notice").allInnerTexts()).not.toEqual(expect.arrayContaining([expect.stringMatching(/Budget warning/)]));
    await callApp(app, "budgets.save", { profileId: "simulator", budget: { dailyUsd: null, monthlyUsd: null, dailyTokens: null, monthlyTokens: null } });
    await page.close();
  });

  it("a retried refund with the same idempotency key makes no second refund", async () => {
    const page = await openApp(browser, app);
    await page.getByTestId("nav-reliability").click();
    await page.getByTestId("refund-send").click();
    await expect.poll(() => page.getByTestId("refund-outcome").getAttribute("data-outcome")).toBe("lost");
    await page.getByTestId("refund-retry").click();
    await expect.poll(() => page.getByTestId("refund-outcome").getAttribute("data-outcome")).toBe("replayed");
    expect(await page.getByTestId("refund-outcome").innerText()).toContain("no second refund");
    expect(await page.getByTestId("refund-ledger").getAttribute("data-count")).toBe("1");
    await page.close();
  });
});
