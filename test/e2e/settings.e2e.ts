// End-to-end: set up a profile in Settings with a key kept in the OS keychain (a real Secret
// Service in tests), test its connection, run through it, and check the key never reaches the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { callApp, openApp, type RunningApp, startSuite, stopSuite } from "./harness";

const CANARY_KEY = "sk-e2ecanary-4f1d9a7c2b8e6d3f5a0c9b1e7d2fWXYZ";

let browser: Browser;
let app: RunningApp;
let dataDir: string;

beforeAll(async () => ({ browser, app, dataDir } = await startSuite()));
afterAll(() => stopSuite({ browser, app, dataDir }));

describe("a compatible profile set up in Settings", () => {
  it("stores the key in the keychain, shows only its hint, connects and answers", async () => {
    const info = await callApp<{ simulatorURL: string }>(app, "app.info");
    const page = await openApp(browser, app);
    const apiBodies: string[] = [];
    page.on("response", async (response) => {
      if (response.url().includes("/api/") && !response.url().endsWith("/api/events")) {
        apiBodies.push(await response.text().catch(() => ""));
      }
    });

    await page.getByTestId("nav-settings").click();
    await page.getByTestId("profile-new").click();
    await page.getByTestId("profile-name").fill("Local server");
    await page.getByTestId("profile-kind").selectOption("compatible");
    await page.getByTestId("profile-baseurl").fill(info.simulatorURL);
    await page.getByTestId("profile-model").fill("sim-chat-mini-1");
    await page.getByTestId("profile-save").click();

    const row = page.getByTestId("profile-row").filter({ hasText: "Local server" });
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await page.getByTestId("key-input").fill(CANARY_KEY);
    await page.getByTestId("key-save").click();
    await expect.poll(() => page.getByTestId("key-status").innerText(), { timeout: 10_000 }).toContain("sk-...WXYZ");
    expect(await page.getByTestId("key-input").inputValue()).toBe("");

    await page.getByTestId("profile-test").click();
    await expect.poll(() => page.getByTestId("profile-test-result").innerText(), { timeout: 10_000 }).toMatch(/\d+ ms/);

    await page.getByTestId("profile-activate").click();
    await expect.poll(() => page.getByTestId("provider-badge").innerText()).toContain("Local server");

    await page.getByTestId("nav-playground").click();
    await page.getByTestId("model-input").fill("sim-chat-mini-1");
    await page.getByTestId("run-button").click();
    await expect.poll(() => page.getByTestId("answer").getAttribute("data-status"), { timeout: 20_000 }).toBe("done");
    expect(await page.getByTestId("metric-provider").innerText()).toContain("Local server");

    // The key went to the keychain and never came back: not in the page, not in any API answer.
    await page.reload();
    await page.getByTestId("run-button").waitFor();
    expect(await page.content()).not.toContain(CANARY_KEY);
    expect(apiBodies.length).toBeGreaterThan(3);
    for (const body of apiBodies) expect(body).not.toContain(CANARY_KEY.slice(3, 20));
    await page.close();
  });

  it("clears the key, after which the profile reports that no key is set", async () => {
    const page = await openApp(browser, app);
    await page.getByTestId("nav-settings").click();
    await page.getByTestId("profile-row").filter({ hasText: "Local server" }).click();
    await page.getByTestId("key-clear").click();
    await expect.poll(() => page.getByTestId("key-status").innerText(), { timeout: 10_000 }).toMatch(/no key/i);
    await page.close();
  });
});
