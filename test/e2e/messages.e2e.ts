// End-to-end (Chromium, web mode): an assistant turn's tool calls are edited as JSON in the message
// form (they showed as an empty text box), sent with the conversation, and answered from the tool
// result that follows them.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pageSuite } from "./harness";

let page: Page;

pageSuite(async (suite) => {
  page = suite.page;
});

const rows = () => page.getByTestId("message-row");

describe("an assistant turn with tool calls", () => {
  it("takes the calls as JSON, refuses a broken edit without losing it, and the run answers from the tool result", async () => {
    await rows().last().getByTestId("message-content").fill("What is the weather in Oslo?");
    await page.getByTestId("add-message").click();
    const assistantRow = rows().last();
    await assistantRow.getByTestId("message-role").selectOption("assistant");
    await assistantRow.getByTestId("tool-calls-add").click();
    const json = assistantRow.getByTestId("tool-calls-json");
    await json.fill('[{"id": "call_oslo", "type": "function", "function": {"name": "get_weather", "arguments": {"city": "Oslo"');
    expect(await assistantRow.getByTestId("tool-calls-error").innerText()).toContain("Not JSON");
    await json.fill('[{"id": "call_oslo", "type": "function", "function": {"name": "get_weather", "arguments": {"city": "Oslo"}}}]');
    await assistantRow.getByTestId("tool-calls-error").waitFor({ state: "detached" });
    expect(await assistantRow.getByTestId("message-content").getAttribute("placeholder")).toBe("No text: this turn only calls tools.");

    await page.getByTestId("add-message").click();
    const toolRow = rows().last();
    await toolRow.getByTestId("message-role").selectOption("tool");
    await toolRow.getByLabel(/tool_call_id of message/).fill("call_oslo");
    await toolRow.getByTestId("message-content").fill('{"city": "Oslo", "temperature_c": 4, "sky": "cloudy"}');

    await page.getByTestId("run-button").click();
    await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
    const answer = await page.getByTestId("answer").innerText();
    expect(answer).toContain("based on the tool results");
    expect(answer).toContain("cloudy");

    // The reload reads the saved draft: the calls come back in the form, arguments as the wire's string.
    await page.reload();
    await page.getByTestId("run-button").waitFor({ timeout: 20_000 });
    const saved = JSON.parse(await page.getByTestId("tool-calls-json").inputValue());
    expect(saved).toEqual([{ id: "call_oslo", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } }]);
  });
});
