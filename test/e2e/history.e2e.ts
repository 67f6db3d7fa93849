// End-to-end (Chromium, web mode): History's "To playground" puts a past run's request in the
// playground, clears the answer on screen (it belonged to another request), and offers Undo, which
// brings back the draft and the answer it replaced.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pageSuite } from "./harness";

let page: Page;

pageSuite(async (suite) => {
  page = suite.page;
});

const lastUserMessage = () => page.getByTestId("message-content").last();
const answerStatus = () => page.getByTestId("answer").getAttribute("data-status");

async function run(text: string): Promise<void> {
  await lastUserMessage().fill(text);
  await page.getByTestId("run-button").click();
  await expect.poll(answerStatus, { timeout: 20_000 }).toBe("done");
}

describe("history to playground", () => {
  it("replaces the draft with the run's request, clears the old answer, and Undo brings both back", async () => {
    await run("Rivers carry water to the sea. What do rivers carry?");
    await run("Volcanoes erupt molten rock. What do volcanoes erupt?");
    const answerOfSecond = await page.getByTestId("answer").innerText();
    await lastUserMessage().fill("A draft I have not run yet");

    await page.getByTestId("nav-history").click();
    const rows = page.getByTestId("history-row");
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    // Newest first: the second row is the rivers run.
    await rows.nth(1).getByTestId("history-to-playground").click();
    await expect.poll(() => page.getByTestId("view").getAttribute("data-view")).toBe("playground");
    expect(await lastUserMessage().inputValue()).toBe("Rivers carry water to the sea. What do rivers carry?");
    expect(await answerStatus()).toBe("idle");
    expect(await page.getByTestId("draft-replaced").innerText()).toMatch(/replaced by the run of .* from History/);

    await page.getByTestId("draft-undo").click();
    expect(await lastUserMessage().inputValue()).toBe("A draft I have not run yet");
    expect(await answerStatus()).toBe("done");
    expect(await page.getByTestId("answer").innerText()).toBe(answerOfSecond);
    expect(await page.getByTestId("draft-replaced").count()).toBe(0);
  });

  it("drops the undo offer once a new run starts", async () => {
    await page.getByTestId("nav-history").click();
    await page.getByTestId("history-row").first().getByTestId("history-to-playground").click();
    await page.getByTestId("draft-replaced").waitFor();
    await page.getByTestId("run-button").click();
    await page.getByTestId("draft-replaced").waitFor({ state: "detached" });
    await expect.poll(answerStatus, { timeout: 20_000 }).toBe("done");
  });
});
