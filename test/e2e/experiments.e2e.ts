// End-to-end: save the playground as an experiment, change it and save a version, diff the two,
// restore the first, see a run carry its version into history, import malformed files, ask before
// an import writes over one already there, and search as you type.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, makeDataDir, openApp, removeDataDir, startApp, type RunningApp } from "./harness";

let browser: Browser;
let app: RunningApp;
let dataDir: string;
let page: Page;

beforeAll(async () => {
  dataDir = makeDataDir();
  [browser, app] = await Promise.all([launchBrowser(), startApp(dataDir)]);
  page = await openApp(browser, app);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  removeDataDir(dataDir);
});

async function setUserMessage(text: string) {
  await page.getByTestId("nav-playground").click();
  await page.getByTestId("message-content").nth(1).fill(text);
}

describe("experiments", () => {
  it("saves, changes, diffs and restores versions", async () => {
    await setUserMessage("Explain temperature in one sentence.");
    await page.getByTestId("nav-experiments").click();
    await page.getByTestId("experiment-name").fill("Temperature explainer");
    await page.getByTestId("experiment-tags").fill("basics");
    await page.getByTestId("experiment-message").fill("first try");
    await page.getByTestId("experiment-create").click();
    await expect.poll(() => page.getByTestId("experiments-message").innerText(), { timeout: 10_000 }).toContain("as version 1");
    // Nothing changed since version 1: no identical version 2 can be saved, and the form says why.
    expect(await page.getByTestId("version-save").isDisabled()).toBe(true);
    expect(await page.getByTestId("version-unchanged").innerText()).toContain("same as version 1");

    await setUserMessage("Explain top_p in one sentence.");
    await page.getByTestId("nav-experiments").click();
    await page.getByTestId("version-message").fill("top_p instead");
    await page.getByTestId("version-save").click();
    await expect.poll(() => page.getByTestId("experiments-message").innerText(), { timeout: 10_000 }).toContain("Saved version 2");
    expect(await page.getByTestId("version-save").isDisabled()).toBe(true);

    const diff = await page.getByTestId("version-diff").innerText();
    expect(diff).toContain("message 2 › content: Explain temperature in one sentence. → Explain top_p in one sentence.");

    await page.getByTestId("version-restore-1").click();
    await expect.poll(() => page.getByTestId("experiments-message").innerText(), { timeout: 10_000 }).toContain("Version 1 restored as version 3");
    await page.getByTestId("nav-playground").click();
    expect(await page.getByTestId("message-content").nth(1).inputValue()).toBe("Explain temperature in one sentence.");

    // A run now carries the experiment version it came from into history.
    await page.getByTestId("run-button").click();
    await page.getByTestId("metric-finish").waitFor({ timeout: 20_000 });
    await page.getByTestId("nav-history").click();
    await expect.poll(() => page.getByTestId("history-row").first().innerText(), { timeout: 10_000 }).toContain("Temperature explainer v3");

    // The file is plain, pretty-printed JSON with all three versions.
    const folder = join(dataDir, "experiments");
    const [name] = readdirSync(folder).filter((n) => n.endsWith(".experiment.json"));
    const file = JSON.parse(readFileSync(join(folder, name ?? ""), "utf8"));
    expect(file.versions.map((v: { message: string }) => v.message)).toEqual(["first try", "top_p instead", "Restored version 1"]);
  });

  it("refuses a malformed import naming the field, and a newer file saying so", async () => {
    await page.getByTestId("nav-experiments").click();
    const bad = {
      format: "prompt-dojo.experiment",
      formatVersion: 1,
      id: "broken-one",
      name: "Broken",
      createdAt: 1,
      versions: [{ version: 1, savedAt: 1, message: "", state: { profileId: "simulator", request: { model: "sim-chat-1", temperature: 9, messages: [{ role: "user", content: "x" }] } } }],
    };
    await page.getByTestId("experiments-import").setInputFiles({ name: "broken.experiment.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    await expect.poll(() => page.getByTestId("experiments-error").innerText(), { timeout: 10_000 }).toContain("versions.0.state.request.temperature");

    const newer = { ...bad, formatVersion: 2 };
    await page.getByTestId("experiments-import").setInputFiles({ name: "newer.experiment.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(newer)) });
    await expect.poll(() => page.getByTestId("experiments-error").innerText(), { timeout: 10_000 }).toContain("written by a newer version of Prompt Dojo");
    expect(await page.getByTestId("experiment-item").count()).toBe(1);
  });

  it("asks before re-importing an experiment that is already here, and does what the answer says", async () => {
    await page.getByTestId("nav-experiments").click();
    const folder = join(dataDir, "experiments");
    const [name] = readdirSync(folder).filter((n) => n.endsWith(".experiment.json"));
    const text = readFileSync(join(folder, name ?? ""), "utf8");
    const importIt = () => page.getByTestId("experiments-import").setInputFiles({ name: "again.experiment.json", mimeType: "application/json", buffer: Buffer.from(text) });
    const items = page.getByTestId("experiment-item");
    expect(await items.count()).toBe(1);

    await importIt();
    await page.getByTestId("import-conflict").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("import-conflict").innerText()).toContain('"Temperature explainer" would replace "Temperature explainer"');
    await page.getByTestId("import-skip").click();
    await expect.poll(() => page.getByTestId("experiments-message").innerText(), { timeout: 10_000 }).toContain("yours kept");
    expect(await items.count()).toBe(1);

    await importIt();
    await page.getByTestId("import-keep-both").click();
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(2);

    await importIt();
    await page.getByTestId("import-replace").click();
    await expect.poll(() => page.getByTestId("experiments-message").innerText(), { timeout: 10_000 }).toContain('Imported "Temperature explainer"');
    expect(await items.count()).toBe(2);
    expect(await page.getByTestId("import-conflict").count()).toBe(0);
  });

  it("filters the list as you type, with no Enter", async () => {
    await page.getByTestId("nav-experiments").click();
    await page.getByTestId("experiment-name").fill("Refund policy bot");
    await page.getByTestId("experiment-create").click();
    const items = page.getByTestId("experiment-item");
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(3);
    await page.getByTestId("experiments-search").pressSequentially("refund");
    await expect.poll(() => items.allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringContaining("Refund policy bot")]);
    await page.getByTestId("experiments-search").fill("");
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(3);
  });
});
