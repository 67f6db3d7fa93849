// End-to-end (Chromium, web mode): the playground's safety panel (the preview of exactly what is
// sent, redaction applied to the real run, a flagged input not sent, a flagged output withheld
// until "show anyway") and the injection lab's score table.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { callApp, pageSuite, type RunningApp } from "./harness";

let app: RunningApp;
let page: Page;

pageSuite(async (suite) => {
  ({ app, page } = suite);
  await page.getByTestId("safety-panel").locator("summary").click();
});

const userBox = () => page.getByTestId("answer").page().locator(".message-row.role-user textarea").first();

describe("safety in the playground", () => {
  it("previews the redacted body, sends exactly that, and restores the placeholders locally", async () => {
    await page.getByTestId("redact-enabled").check();
    await page.locator(".message-row.role-system textarea").first().fill("Refunds go to card 4111 1111 1111 1111. Contact ann@example.com about refunds.");
    await userBox().fill("Where do refunds go?");
    await page.getByTestId("redaction-preview-button").click();
    const body = page.getByTestId("redaction-body");
    await body.waitFor();
    expect(await body.locator("ins").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("[CARD_1]"), expect.stringContaining("[EMAIL_1]")]));
    expect(await page.getByTestId("redaction-preview").textContent()).toContain("1 CARD");
    // The draft goes out on the Responses API (the default): the preview is that body, not a chat one.
    expect(await page.getByTestId("api-select").inputValue()).toBe("responses");
    expect(await body.textContent()).toContain('"input"');
    expect(await body.textContent()).not.toContain('"messages"');
    // Switched to Chat Completions, the preview is stale until asked again, then shows the chat body.
    await page.getByTestId("api-select").selectOption("chat");
    await page.getByTestId("redaction-preview-stale").waitFor();
    await page.getByTestId("redaction-preview-again").click();
    await expect.poll(() => body.textContent()).toContain('"messages"');
    expect(await body.locator("ins").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("[CARD_1]")]));
    await page.getByTestId("api-select").selectOption("responses");
    await page.getByTestId("redaction-preview-again").click();
    await expect.poll(() => body.textContent()).toContain('"input"');
    // An edit after the preview: the old preview would show text the send no longer holds.
    await userBox().fill("Where do refunds go? Reply briefly.");
    await page.getByTestId("redaction-preview-stale").waitFor();
    expect(await page.getByTestId("redaction-body").count()).toBe(0);
    await page.getByTestId("redaction-preview-again").click();
    await body.waitFor();
    expect(await body.textContent()).toContain("Reply briefly.");
    await page.getByTestId("run-button").click();
    await page.locator('[data-testid="answer"][data-status="done"]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("answer-choice").textContent()).toContain("[CARD_1]");
    expect(await page.getByTestId("restored-answer").textContent()).toContain("4111 1111 1111 1111");
    // The run's record holds the redacted request and the counts, never a value.
    const { runs } = await callApp<{ runs: { runId: string }[] }>(app, "runs.recent");
    const record = await callApp<Record<string, unknown>>(app, "runs.get", { runId: runs[0]!.runId });
    expect(record.redaction).toEqual({ applied: true, counts: { CARD: 1, EMAIL: 1 } });
    expect(JSON.stringify(record)).not.toContain("4111 1111");
    await page.getByTestId("redact-enabled").uncheck();
  });

  it("does not send a flagged input and names its categories", async () => {
    await page.getByTestId("moderate-input").check();
    await userBox().fill("You stupid idiot, I will find you.");
    await page.getByTestId("run-button").click();
    const error = page.getByTestId("run-error");
    await error.waitFor({ timeout: 20_000 });
    expect(await error.textContent()).toMatch(/Moderation flagged the input \(harassment \d\.\d\d/);
    expect(await page.getByTestId("moderation-input").getAttribute("data-flagged")).toBe("true");
    // The last table is the user message's; its harassment score is flagged.
    expect(await page.locator('[data-testid="moderation-input"] [data-category="harassment"]').last().getAttribute("data-flagged")).toBe("true");
    await page.getByTestId("moderate-input").uncheck();
  });

  it("withholds a flagged answer behind show anyway, with its scores", async () => {
    await page.getByTestId("moderate-output").check();
    await page.locator(".message-row.role-system textarea").first().fill("Answer briefly.");
    await userBox().fill("Say this back: you stupid loser.");
    await page.getByTestId("run-button").click();
    await page.getByTestId("output-withheld").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("answer-choice").count()).toBe(0);
    expect(await page.getByTestId("moderation-output").getAttribute("data-flagged")).toBe("true");
    await page.getByTestId("show-anyway").click();
    expect(await page.getByTestId("answer-choice").textContent()).toContain("loser");
    await page.getByTestId("moderate-output").uncheck();
  });
});

describe("injection lab", () => {
  it("scores every attack under no defence, each alone and all, against the simulator's documented rules", async () => {
    await page.getByTestId("nav-injection").click();
    expect(await page.getByTestId("injection-simulated").textContent()).toContain("not a measurement");
    // The defence checkboxes are a normal size (the text-field padding once squeezed them to 5 px).
    for (const box of await page.locator('input[type="checkbox"][data-testid^="defence-"]').all()) {
      const size = await box.boundingBox();
      expect(size?.width ?? 0).toBeGreaterThanOrEqual(12);
      expect(size?.height ?? 0).toBeGreaterThanOrEqual(12);
    }
    await page.getByTestId("injection-matrix").click();
    await page.locator('[data-testid="score-row"][data-label="all"]').waitFor({ timeout: 150_000 });
    const through = async (label: string) => Number(await page.locator(`[data-testid="score-row"][data-label="${label}"]`).getAttribute("data-through"));
    expect(await through("none")).toBe(8);
    expect(await through("all")).toBe(0);
    expect(await through("output filter")).toBe(2);
    const cell = page.locator('[data-testid="score-row"][data-label="output filter"] [data-attack="encoding"]');
    expect(await cell.getAttribute("data-outcome")).toBe("leaked");
  });
});
