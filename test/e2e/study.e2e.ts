// End-to-end: the study loop follows the learner. Review holds no card before a lesson is studied;
// reading one brings its cards. The review keyboard (Space, Ctrl+Enter, 1-4, U), the typed answer,
// undo and the statistics; a contradicted short answer is marked wrong with a reason, quiz answers
// stay on a revisit, Next and Previous stand at the lesson's end; the mock interview's own view
// with its countdown and model answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { ReviewCardView } from "../../shared/contracts/lessons";
import { callApp, openApp, type RunningApp, startSuite, stopSuite } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;
let page: Page;

beforeAll(async () => {
  ({ browser, app, dataDir } = await startSuite());
  page = await openApp(browser, app);
});
afterAll(() => stopSuite({ browser, app, dataDir }));

async function openLesson(id: string): Promise<void> {
  await page.getByTestId("nav-lessons").click();
  const view = page.getByTestId("lesson-view");
  if (await view.count()) await page.getByRole("button", { name: "All lessons" }).first().click();
  await page.getByTestId(`lesson-${id}`).click();
  await expect.poll(() => view.getAttribute("data-lesson-id"), { timeout: 10_000 }).toBe(id);
}

const cardId = () => page.getByTestId("review-card").getAttribute("data-card-id");

describe("the study loop", () => {
  it("holds no review card before a lesson is studied, and the lesson's cards once it is read", async () => {
    await page.getByTestId("nav-review").click();
    await expect.poll(() => page.getByTestId("review-done").innerText(), { timeout: 10_000 }).toContain("No cards yet");
    expect(await page.getByTestId("stat-due-today").innerText()).toBe("0 due today");
    expect((await callApp<{ cards: ReviewCardView[] }>(app, "review.queue")).cards).toEqual([]);

    await openLesson("streaming");
    await page.getByTestId("mark-read").click();
    await page.getByTestId("nav-review").click();
    await page.getByTestId("review-card").waitFor({ timeout: 10_000 });
    const { cards } = await callApp<{ cards: ReviewCardView[] }>(app, "review.queue");
    expect(cards.length).toBeGreaterThan(0);
    expect(new Set(cards.map((c) => c.lessonId))).toEqual(new Set(["streaming"]));
    expect(await page.getByTestId("stat-due-today").innerText()).toBe(`${cards.length} due today`);
  });

  it("reviews by keyboard: a typed answer, Ctrl+Enter and Space reveal, 1-4 grade, U takes the grade back", async () => {
    await page.getByTestId("nav-review").click();
    await page.getByTestId("review-card").waitFor({ timeout: 10_000 });
    const first = await cardId();

    // Before the reveal, number keys typed into the answer stay in the answer.
    await page.getByTestId("review-answer").fill("Each event is a data: line, ending with ");
    await page.getByTestId("review-answer").press("3");
    expect(await page.getByTestId("review-card").getAttribute("data-revealed")).toBe("false");
    await page.getByTestId("review-answer").press("Control+Enter");
    await expect.poll(() => page.getByTestId("review-card").getAttribute("data-revealed")).toBe("true");
    expect(await page.getByTestId("review-your-answer").innerText()).toContain("Each event is a data: line, ending with 3");
    await page.getByTestId("review-key-points").waitFor();

    await page.keyboard.press("3");
    await expect.poll(() => page.getByTestId("last-review").innerText(), { timeout: 10_000 }).toMatch(/Graded "good": next review in/);
    await expect.poll(cardId, { timeout: 10_000 }).not.toBe(first);
    await expect.poll(() => page.getByTestId("stat-reviewed").innerText(), { timeout: 10_000 }).toBe("1 cards reviewed");

    // U takes the grade back: the card is new again and first in the queue.
    await page.keyboard.press("u");
    await expect.poll(cardId, { timeout: 10_000 }).toBe(first);
    expect(await page.getByTestId("last-review").count()).toBe(0);
    await expect.poll(() => page.getByTestId("stat-reviewed").innerText(), { timeout: 10_000 }).toBe("0 cards reviewed");

    // Space reveals from the page; 1 grades Again, so the card is due again today in the forecast.
    await page.keyboard.press(" ");
    await expect.poll(() => page.getByTestId("review-card").getAttribute("data-revealed")).toBe("true");
    await page.keyboard.press("1");
    await expect.poll(() => page.getByTestId("last-review").innerText(), { timeout: 10_000 }).toMatch(/Graded "again"/);
    await expect.poll(() => page.getByTestId("forecast-day-0").getAttribute("data-count"), { timeout: 10_000 }).toBe("1");
    expect(await page.getByTestId("forecast").locator(".forecast-bar").count()).toBe(30);

    // The undo button does what U does.
    await page.getByTestId("undo-review").click();
    await expect.poll(() => page.getByTestId("forecast-day-0").getAttribute("data-count"), { timeout: 10_000 }).toBe("0");
    await expect.poll(cardId, { timeout: 10_000 }).toBe(first);
  });

  it("marks a contradicted short answer wrong with a reason, keeps quiz answers on a revisit, and has Next and Previous at the end", async () => {
    await openLesson("tool-calling");
    await page.getByTestId("quiz-2").getByRole("textbox").fill("It is never a string, never parse it");
    await page.getByTestId("quiz-3").getByRole("textbox").fill("definitely not required; use auto");
    await page.getByTestId("submit-quiz").click();
    await expect.poll(() => page.getByTestId("quiz-score").innerText(), { timeout: 10_000 }).toBe("0 of 4 right");
    expect(await page.getByTestId("quiz-result-2").innerText()).toMatch(/^Not quite\./);
    expect(await page.getByTestId("quiz-feedback-2").innerText()).toContain('"is never a string": that denies a key point');
    expect(await page.getByTestId("quiz-feedback-3").innerText()).toContain("denies a key point");

    await page.getByTestId("quiz-0").getByRole("radio").nth(1).check();
    await page.getByTestId("quiz-2").getByRole("textbox").fill("a JSON string; parse and validate it");
    await page.getByTestId("quiz-3").getByRole("textbox").fill("required");
    await page.getByTestId("submit-quiz").click();
    await expect.poll(() => page.getByTestId("quiz-score").innerText(), { timeout: 10_000 }).toBe("3 of 4 right");
    expect(await page.getByTestId("quiz-result-2").innerText()).toMatch(/^Right\./);

    // A draft answer not yet checked stays too.
    await page.getByTestId("quiz-1").getByRole("radio").nth(0).check();

    // Next at the end of the lesson, then Previous at the end of the next one: the answers are still there.
    await page.getByTestId("lesson-next-end").click();
    await expect.poll(() => page.getByTestId("lesson-view").getAttribute("data-lesson-id"), { timeout: 10_000 }).toBe("function-calling");
    await page.getByTestId("lesson-previous-end").click();
    await expect.poll(() => page.getByTestId("lesson-view").getAttribute("data-lesson-id"), { timeout: 10_000 }).toBe("tool-calling");
    expect(await page.getByTestId("quiz-2").getByRole("textbox").inputValue()).toBe("a JSON string; parse and validate it");
    expect(await page.getByTestId("quiz-3").getByRole("textbox").inputValue()).toBe("required");
    expect(await page.getByTestId("quiz-1").getByRole("radio").nth(0).isChecked()).toBe(true);
    expect(await page.getByTestId("quiz-score").innerText()).toBe("3 of 4 right");
    expect(await page.getByTestId("quiz-previous").count()).toBe(1);
  });

  it("offers the model grader for short answers, and says when the rules graded instead (the simulator is not a model)", async () => {
    await openLesson("tool-calling");
    await page.getByTestId("quiz-3").getByRole("textbox").fill("definitely not required; use auto");
    await page.getByTestId("quiz-model-grader").check();
    await page.getByTestId("submit-quiz").click();
    await expect.poll(() => page.getByTestId("quiz-grader-note").innerText(), { timeout: 10_000 }).toBe(
      "The rules graded the short answers. The simulator is not a model and cannot judge an answer.",
    );
    expect(await page.getByTestId("quiz-result-3").innerText()).toMatch(/^Not quite\./);
  });

  it("runs a mock interview in its own view: a chosen countdown, then the key points as a model answer and a self-grade", async () => {
    await page.getByTestId("nav-review").click();
    await page.getByTestId("open-mock-interview").click();
    await page.getByTestId("mock-interview").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("nav-interview").count()).toBe(1);

    await page.getByTestId("interview-topic").selectOption("tool-calling");
    await page.getByTestId("interview-limit").selectOption("30");
    await page.getByTestId("start-interview").click();
    await page.getByTestId("interview-question").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("interview-timer").innerText()).toMatch(/^0:(30|29)$/);
    await expect.poll(async () => Number(await page.getByTestId("interview-timer").getAttribute("data-seconds-left")), { timeout: 5_000 }).toBeLessThan(29);

    await page.getByTestId("interview-answer").fill("The model returns tool_calls with JSON string arguments; my code validates and runs them and sends a tool message back.");
    await page.getByTestId("submit-interview").click();
    const model = page.getByTestId("interview-model-answer");
    await model.waitFor({ timeout: 10_000 });
    expect(await model.innerText()).toContain("tool_call_id");
    // The countdown stops once the answer is handed in.
    const stopped = await page.getByTestId("interview-timer").getAttribute("data-seconds-left");
    await page.waitForTimeout(1200);
    expect(await page.getByTestId("interview-timer").getAttribute("data-seconds-left")).toBe(stopped);

    // Offline (simulator): grade yourself against the points.
    await page.getByTestId("interview-feedback").getByRole("checkbox").nth(0).check();
    await page.getByTestId("save-self-grade").click();
    await expect.poll(async () => (await callApp<{ mocks: { lessonId: string; mode: string }[] }>(app, "lessons.progress")).mocks, { timeout: 10_000 }).toEqual([
      expect.objectContaining({ lessonId: "tool-calling", mode: "self" }),
    ]);

    // A random topic starts a question too.
    await page.getByTestId("random-interview").click();
    await expect.poll(() => page.getByTestId("interview-answer").inputValue(), { timeout: 10_000 }).toBe("");
    expect(await page.getByTestId("interview-answer").isDisabled()).toBe(false);
  });
});
