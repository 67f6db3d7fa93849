// End-to-end (Chromium, web mode): a first start opens the welcome page; its three paths lead to
// lesson 1, the playground with an example (undoable), and the interview practice; sample data
// fills the labs; the keychain notice is one sentence with details behind a toggle, and its
// dismissal survives a reload; a later start goes straight to the playground.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApp, launchBrowser, makeDataDir, removeDataDir, startApp, type RunningApp } from "./harness";

// A session bus that does not exist: the keychain probe fails as on a machine without one.
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: "unix:path=/nonexistent/prompt-dojo-test-bus", OPENAI_API_KEY: "" };

let browser: Browser;
let app: RunningApp;
let dataDir: string;
let page: Page;

const shownView = () => page.getByTestId("view").getAttribute("data-view");

beforeAll(async () => {
  dataDir = makeDataDir();
  [browser, app] = await Promise.all([launchBrowser(), startApp(dataDir, NO_KEYCHAIN, { welcome: true })]);
  page = await browser.newPage();
  await page.goto(app.url);
  await page.getByTestId("welcome").waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dataDir) removeDataDir(dataDir);
});

describe("first run", () => {
  it("opens on the welcome page, which says in one line what the simulator is", async () => {
    expect(await shownView()).toBe("welcome");
    expect(await page.evaluate(() => window.location.hash)).toBe("#/welcome");
    expect(await page.getByTestId("welcome-simulator").innerText()).toMatch(/built-in simulator.*not a model/);
  });

  it("says the keychain problem in one plain sentence, details behind a toggle, and a dismissal lasts", async () => {
    const notice = page.getByTestId("keychain-notice");
    await notice.waitFor();
    expect(await notice.innerText()).toContain("No OS keychain answered, so keys cannot be saved here");
    expect(await notice.innerText()).toContain("start the app with OPENAI_API_KEY set");
    expect(await page.getByTestId("keychain-details").count()).toBe(0);
    await page.getByTestId("keychain-details-toggle").click();
    expect((await page.getByTestId("keychain-details").innerText()).length).toBeGreaterThan(10);
    await page.getByTestId("keychain-dismiss").click();
    await notice.waitFor({ state: "detached" });
    expect(await callApp(app, "ui.prefs.get")).toMatchObject({ dismissed: ["keychain"] });
    await page.reload();
    await page.getByTestId("welcome").waitFor();
    // Preferences are read at start-up; give the notice the moment it would need to appear.
    await page.waitForFunction(() => document.querySelector('[data-testid="view"]') !== null);
    await expect.poll(() => callApp(app, "ui.prefs.get")).toMatchObject({ welcomeSeen: true });
    expect(await page.getByTestId("keychain-notice").count()).toBe(0);
  });

  it("prototype: opens the playground with an example, and Undo brings the old draft back", async () => {
    await page.getByTestId("home-link").click();
    await page.getByTestId("welcome-prototype").click();
    await expect.poll(shownView).toBe("playground");
    const banner = page.getByTestId("draft-replaced");
    expect(await banner.innerText()).toContain("the welcome page's example");
    const contents = () => page.getByTestId("message-content").evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    await page.getByTestId("draft-undo").click();
    await banner.waitFor({ state: "detached" });
    expect((await contents()).join("\n")).not.toContain("In 3 bullets: what do temperature");
    // Again, and keep it this time.
    await page.getByTestId("home-link").click();
    await page.getByTestId("welcome-prototype").click();
    await banner.waitFor();
    expect((await contents()).join("\n")).toContain("In 3 bullets: what do temperature");
    await page.getByTestId("draft-keep").click();
    await banner.waitFor({ state: "detached" });
    expect((await contents()).join("\n")).toContain("In 3 bullets: what do temperature");
  });

  it("learn: starts lesson 1", async () => {
    await page.getByTestId("home-link").click();
    await page.getByTestId("welcome-learn").click();
    await expect.poll(shownView).toBe("lessons");
    const first = (await callApp<{ lessons: { id: string; number: number }[] }>(app, "lessons.list")).lessons.find((l) => l.number === 1);
    await expect.poll(() => page.getByTestId("lesson-view").getAttribute("data-lesson-id"), { timeout: 10_000 }).toBe(first?.id);
  });

  it("practise an interview: opens the interview practice", async () => {
    await page.getByTestId("home-link").click();
    await page.getByTestId("welcome-interview").click();
    await expect.poll(shownView).toBe("review");
  });

  it("sample data: a triage experiment and dataset for Evaluations, texts for Embeddings, a handbook for RAG", async () => {
    await page.getByTestId("home-link").click();
    await page.getByTestId("welcome-sample-evals").click();
    await expect.poll(() => page.getByTestId("welcome-sample-status").getAttribute("data-state"), { timeout: 10_000 }).toBe("done");
    const experiments = (await callApp<{ experiments: { name: string; versionCount?: number }[] }>(app, "experiments.list", {})).experiments;
    expect(experiments.map((e) => e.name)).toContain("Sample: ticket triage");
    const datasets = (await callApp<{ datasets: { name: string }[] }>(app, "evals.datasets.list", {})).datasets;
    expect(datasets.map((d) => d.name)).toContain("Sample: support tickets");

    await page.getByTestId("welcome-sample-embeddings").click();
    await expect.poll(shownView).toBe("embeddings");
    expect((await page.getByTestId("embed-texts").inputValue()).split("\n")).toHaveLength(8);

    await page.getByTestId("home-link").click();
    await page.getByTestId("welcome-sample-rag").click();
    await expect.poll(shownView).toBe("rag");
    expect(await page.getByTestId("rag-loaded-names").innerText()).toContain("Sample: staff handbook");
    expect(await page.getByTestId("rag-preview-chunk").count()).toBeGreaterThan(1);
  });

  it("a later start opens the playground, and the welcome page then offers to continue", async () => {
    const again = await browser.newPage();
    try {
      await again.goto(app.url);
      await again.getByTestId("run-button").waitFor({ timeout: 20_000 });
      expect(await again.getByTestId("view").getAttribute("data-view")).toBe("playground");
      await again.getByTestId("home-link").click();
      await again.getByTestId("welcome-continue").waitFor();
      await again.getByTestId("welcome-continue-playground").click();
      await expect.poll(() => again.getByTestId("view").getAttribute("data-view")).toBe("playground");
    } finally {
      await again.close();
    }
  });
});

describe("the keychain notice with OPENAI_API_KEY set", () => {
  it("says the variable is used instead, and does not suggest setting it", async () => {
    const dir = makeDataDir();
    const withKey = await startApp(dir, { ...NO_KEYCHAIN, OPENAI_API_KEY: "sk-test-env-key-for-the-notice-0000" });
    const other = await browser.newPage();
    try {
      await other.goto(withKey.url);
      const notice = other.getByTestId("keychain-notice");
      await notice.waitFor({ timeout: 20_000 });
      expect(await notice.innerText()).toContain("your OPENAI_API_KEY is used for OpenAI profiles instead");
      expect(await notice.innerText()).not.toContain("start the app with");
      expect(await other.content()).not.toContain("sk-test-env-key-for-the-notice-0000");
    } finally {
      await other.close();
      await withKey.stop();
      removeDataDir(dir);
    }
  });
});
