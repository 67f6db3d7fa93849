// End-to-end: open a lesson, load its preset into the playground, pass its exercise with a real
// run, answer its quiz, review a card, and find the progress still there after a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { callApp, openApp, startApp, type RunningApp, startSuite, stopSuite } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;

beforeAll(async () => ({ browser, app, dataDir } = await startSuite()));
afterAll(() => stopSuite({ browser, app, dataDir }));

async function openLesson(page: Page, id: string): Promise<void> {
  await page.getByTestId("nav-lessons").click();
  await page.getByTestId(`lesson-${id}`).click();
  await expect.poll(() => page.getByTestId("lesson-view").getAttribute("data-lesson-id"), { timeout: 10_000 }).toBe(id);
}

describe("a lesson from start to finish", () => {
  it("loads the preset, passes the exercise, answers the quiz, reviews a card, and keeps progress across a restart", async () => {
    const page = await openApp(browser, app);
    await openLesson(page, "max-output-tokens");

    // Try it: the preset's parameters arrive in the playground.
    await page.getByTestId("try-preset").click();
    await page.getByTestId("run-button").waitFor({ state: "visible" });
    expect(await page.getByTestId("param-max-tokens").inputValue()).toBe("300");

    // A run that does not meet the goal fails the check, with the reason.
    await page.getByTestId("run-button").click();
    await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
    await page.getByTestId("nav-lessons").click();
    await page.getByTestId("check-exercise").click();
    await expect.poll(() => page.getByTestId("exercise-grade").getAttribute("data-pass"), { timeout: 10_000 }).toBe("false");
    expect(await page.getByTestId("exercise-grade").innerText()).toContain('finish_reason is "stop", expected "length"');

    // Meet the goal in the playground: a tiny output cap. The lesson's 10-token goal is below the
    // Responses minimum of 16 (the field says so before anything is sent), so it is done on Chat
    // Completions, where max_completion_tokens takes any positive cap.
    await page.getByTestId("nav-playground").click();
    await page.getByTestId("param-max-tokens").fill("8");
    expect(await page.locator(".field-error").filter({ hasText: "below 16" }).count()).toBe(1);
    await page.getByTestId("api-select").selectOption("chat");
    expect(await page.locator(".field-error").filter({ hasText: "below 16" }).count()).toBe(0);
    await page.getByTestId("run-button").click();
    await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
    await page.getByTestId("nav-lessons").click();
    await page.getByTestId("check-exercise").click();
    await expect.poll(() => page.getByTestId("exercise-grade").getAttribute("data-pass"), { timeout: 10_000 }).toBe("true");

    // The quiz: every answer right, each explained.
    await page.getByTestId("quiz-0").getByRole("radio").nth(0).check();
    await page.getByTestId("quiz-1").getByRole("radio").nth(1).check();
    await page.getByTestId("quiz-2").getByRole("textbox").fill("The reasoning tokens count against the cap");
    await page.getByTestId("quiz-3").getByRole("textbox").fill("cost");
    await page.getByTestId("submit-quiz").click();
    await expect.poll(() => page.getByTestId("quiz-score").innerText(), { timeout: 10_000 }).toBe("4 of 4 right");
    expect(await page.getByTestId("quiz-result-1").innerText()).toContain("replaced max_tokens");
    await page.getByTestId("mark-read").click();

    // Review: answer from memory, reveal, grade; the next due date is shown.
    await page.getByTestId("nav-review").click();
    const firstCard = await page.getByTestId("review-card").getAttribute("data-card-id");
    await page.getByTestId("reveal-card").click();
    await page.getByTestId("grade-good").click();
    await expect.poll(() => page.getByTestId("last-review").innerText(), { timeout: 10_000 }).toMatch(/next review in \d+/);
    // The graded card leaves today's queue (it comes back when due); the next one takes its place.
    await expect.poll(() => page.getByTestId("review-card").getAttribute("data-card-id"), { timeout: 10_000 }).not.toBe(firstCard);
    await page.close();

    // Restart the app on the same data folder: progress is still there.
    await app.stop();
    app = await startApp(dataDir);
    const again = await openApp(browser, app);
    await again.getByTestId("nav-readiness").click();
    const row = again.getByTestId("readiness-topic-max-output-tokens");
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/yes\s+100%/);
    await again.getByTestId("nav-lessons").click();
    expect(await again.getByTestId("lesson-max-output-tokens").locator("xpath=..").innerText()).toMatch(/read.*exercise.*quiz 4\/4/s);
    await again.getByTestId("nav-review").click();
    await again.getByTestId("review-card").waitFor({ timeout: 10_000 });
    expect(await again.getByTestId("review-card").getAttribute("data-card-id")).not.toBe(firstCard);
  });

  it("keeps the learner's settings when a lesson's solution changes them, and restores them from the banner", async () => {
    const page = await openApp(browser, app);
    const redactionOn = async () => (await callApp<{ redaction: { enabled: boolean } }>(app, "safety.get")).redaction.enabled;
    expect(await redactionOn()).toBe(false);
    // The redaction lesson's solution turns redaction on when loaded into the playground.
    await openLesson(page, "redaction");
    await page.getByTestId("show-solution").click();
    await page.getByTestId("load-solution").click();
    await expect.poll(redactionOn, { timeout: 10_000 }).toBe(true);

    // The banner says what the lesson changed, in Lessons and in Settings.
    await page.getByTestId("nav-lessons").click();
    await expect.poll(() => page.getByTestId("settings-backup").innerText(), { timeout: 10_000 }).toMatch(/The lesson "[^"]+" changed the safety switches/);
    await page.getByTestId("nav-settings").click();
    await page.getByTestId("settings-backup").waitFor({ timeout: 10_000 });
    await page.getByTestId("restore-settings").click();
    await page.getByTestId("settings-backup").waitFor({ state: "detached", timeout: 10_000 });
    expect(await redactionOn()).toBe(false);
    expect(await callApp<{ backup: unknown }>(app, "lessons.settingsBackup")).toEqual({ backup: null });
    await page.close();
  });
});
