// End-to-end (Chromium, web mode): a canary key planted in the OS keychain (the throwaway Secret
// Service of scripts/with-keyring.sh) for two compatible profiles never reaches the page, a response,
// the event stream, a file under the data folder or the web host's output, while every feature that
// talks to a server is driven with it. The simulator it talks to requires the canary, so a successful
// run proves the key was really used.
//
// Features driven: playground run, a failing run (401 echoing the key, masked), the inspector, code
// export (curl, Node, Python), compare, embeddings, the RAG lab, evaluations, experiments (create
// and export), run history, the usage monitor and its CSV export, moderation and the redaction
// preview, the injection lab, Settings (profile list, connection test). Not driven: lessons and
// review (they send no request of their own), the reliability panel (simulator-profile only).
//
// Then a third profile talks to a server that echoes the key back everywhere (a header, the request
// id, the answer streamed in 3-character pieces and whole, an error, the model list, embeddings), with
// the key also pasted into the prompt and redaction off: the page, the event stream, the usage CSV,
// the snippets, the experiment export and every file must still hold no 8 characters of it.
import type { Browser, Page } from "playwright-core";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../electron/simulator/server";
import { findCanary, makeCanary } from "../fixtures/canary";
import { ECHO_ERROR_MODEL, startEchoServer, type EchoServer } from "../fixtures/echoServer";
import { callApp, launchBrowser, makeDataDir, removeDataDir, startApp, type RunningApp } from "./harness";

const CANARY = makeCanary();
let simOk: RunningSimulator;
let simWrong: RunningSimulator;
let echo: EchoServer;
let app: RunningApp;
let browser: Browser;
let page: Page;
let dataDir: string;
/** What the page and the test received: response bodies, SSE text, page HTML, downloads, field values. */
const received: { where: string; text: string }[] = [];

// Tees every /api/events stream the page reads into window.__dojoSse, so the event stream is scanned too.
const TEE_EVENTS = `
  window.__dojoSse = [];
  const original = window.fetch.bind(window);
  window.fetch = async (...args) => {
    const res = await original(...args);
    const url = String(args[0] instanceof Request ? args[0].url : args[0]);
    if (!url.includes("/api/events") || !res.body) return res;
    const [mine, copy] = res.body.tee();
    (async () => {
      const reader = copy.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        window.__dojoSse.push(decoder.decode(value, { stream: true }));
      }
    })();
    return new Response(mine, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
`;

async function snapshot(label: string): Promise<void> {
  received.push({ where: `page HTML (${label})`, text: await page.content() });
}

async function runInPlayground(): Promise<void> {
  await page.getByTestId("nav-playground").click();
  await page.getByTestId("run-button").click();
  await page.locator('[data-testid="answer"]:not([data-status="streaming"]):not([data-status="idle"])').waitFor({ timeout: 30_000 });
}

beforeAll(async () => {
  simOk = await startSimulator({ requireKey: CANARY, tokenDelayMs: 2 });
  simWrong = await startSimulator({ requireKey: "sk-proj-SomeOtherKey0000000000000000", tokenDelayMs: 2 });
  echo = await startEchoServer();
  dataDir = makeDataDir();
  app = await startApp(dataDir, { DOJO_SIM_BATCH_DELAY_MS: "0", DOJO_BATCH_POLL_MS: "100" });
  const save = (id: string, url: string) => callApp(app, "profiles.save", { id, name: `Canary ${id}`, kind: "compatible", baseURL: url, defaultModel: "sim-chat-1" });
  await save("canary", simOk.url);
  await save("canary-wrong", simWrong.url);
  await save("canary-echo", echo.url);
  // Planted straight into the keychain through the one channel that takes a key.
  await callApp(app, "secrets.set", { profileId: "canary", key: CANARY });
  await callApp(app, "secrets.set", { profileId: "canary-wrong", key: CANARY });
  await callApp(app, "secrets.set", { profileId: "canary-echo", key: CANARY });
  await callApp(app, "profiles.setActive", { profileId: "canary" });
  browser = await launchBrowser();
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(TEE_EVENTS);
  page = await context.newPage();
  page.on("response", async (response) => {
    if (response.url().includes("/api/events")) return; // never ends; read through the tee instead
    try {
      received.push({ where: `response ${response.url()}`, text: await response.text() });
    } catch {
      /* a redirect or an aborted response has no body */
    }
  });
  page.on("download", async (download) => {
    const path = await download.path();
    if (path) received.push({ where: `download ${download.suggestedFilename()}`, text: readFileSync(path, "utf8") });
  });
  await page.goto(app.url);
  await page.getByTestId("run-button").waitFor({ state: "visible", timeout: 20_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await simOk?.close();
  await simWrong?.close();
  await echo?.close();
  removeDataDir(dataDir);
});

function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, text: readFileSync(path, "latin1") }];
  });
}

/** Everything received so far, the event stream, the host's output and every file, scanned for the canary. */
async function leaksEverywhere(): Promise<{ where: string; found: string | null }[]> {
  const sse = (await page.evaluate(() => (window as unknown as { __dojoSse: string[] }).__dojoSse.join(""))) as string;
  return [
    ...received,
    { where: "event stream", text: sse },
    { where: "web host stdout/stderr", text: app.output() },
    ...filesUnder(dataDir).map((f) => ({ where: f.path, text: f.text })),
  ]
    .map(({ where, text }) => ({ where, found: findCanary(text, CANARY) }))
    .filter((l) => l.found);
}

describe("the canary key", () => {
  it("is used by every feature and found nowhere the renderer or a file can see", async () => {
    // Playground: succeeds only because the canary was sent.
    await page.getByTestId("message-content").nth(1).fill("How should an app store an API key?");
    await runInPlayground();
    expect(await page.getByTestId("answer").getAttribute("data-status")).toBe("done");
    await snapshot("playground");

    // Inspector.
    await page.getByTestId("inspect-run").click();
    await page.getByTestId("inspector-record").waitFor({ timeout: 10_000 });
    await snapshot("inspector");

    // Code export in all three languages.
    await page.getByTestId("nav-playground").click();
    await page.getByTestId("view-code").click();
    for (const language of ["curl", "node", "python"]) {
      await page.getByTestId(`code-tab-${language}`).click();
      received.push({ where: `code export (${language})`, text: await page.getByTestId("code-text").inputValue() });
    }

    // Safety: moderation check and the redaction preview.
    await page.getByTestId("safety-panel").locator("summary").click();
    // A compatible profile defaults to OpenAI's moderation model; this server serves the simulator's.
    await page.getByTestId("moderation-model").fill("sim-moderation-1");
    await page.getByTestId("moderation-model").press("Tab");
    await expect.poll(() => callApp<{ moderation: { model: string } }>(app, "safety.get").then((s) => s.moderation.model)).toBe("sim-moderation-1");
    await page.getByTestId("moderation-check-button").click();
    await page.getByTestId("moderation-check").waitFor({ timeout: 10_000 });
    await page.getByTestId("redaction-preview-button").click();
    await page.getByTestId("redaction-preview").waitFor();
    await snapshot("safety");

    // Compare.
    await page.getByTestId("nav-compare").click();
    await page.getByTestId("compare-run").click();
    await page.getByTestId("variant-text").first().waitFor({ timeout: 30_000 });
    await snapshot("compare");

    // Embeddings.
    await page.getByTestId("nav-embeddings").click();
    await page.getByTestId("embed-model").fill("sim-embedding-1");
    await page.getByTestId("embed-texts").fill("The cat sat on the mat.\nStock markets fell today.\nA kitten sleeps.");
    await page.getByTestId("embed-button").click();
    await page.getByTestId("embed-summary").waitFor({ timeout: 20_000 });
    await snapshot("embeddings");

    // RAG.
    await page.getByTestId("nav-rag").click();
    await page.getByTestId("rag-paste").fill("Bread dough must rise for two hours in a warm place.\n\nThe office opens at nine.");
    await page.getByTestId("rag-embed").click();
    // The lab embeds with the profile kind's default model: OpenAI's for a compatible profile, which
    // this simulator refuses (404), so RAG is covered on its error path here; the message is scanned.
    await page.locator('[data-testid="rag-index-status"], [role="alert"]').first().waitFor({ timeout: 20_000 });
    if (await page.getByTestId("rag-index-status").count()) {
      await page.getByTestId("rag-question").fill("How long must bread dough rise?");
      await page.getByTestId("rag-ask").click();
      await page.locator('[data-testid="rag-results"][data-status="done"]').waitFor({ timeout: 30_000 });
    }
    await snapshot("rag");

    // Evaluations.
    await page.getByTestId("nav-playground").click();
    await page.getByTestId("message-content").nth(1).fill("Tell me about {{city}}.");
    await page.getByTestId("nav-evals").click();
    await page.getByTestId("dataset-name").fill("Cities");
    await page.getByTestId("dataset-import").setInputFiles({ name: "cities.csv", mimeType: "text/csv", buffer: Buffer.from("city\nParis\nRome\n") });
    await page.getByTestId("dataset-editor").waitFor({ timeout: 10_000 });
    await page.getByTestId("dataset-save").click();
    await page.getByTestId("eval-start").click();
    await expect.poll(() => page.getByTestId("eval-progress").getAttribute("data-status"), { timeout: 30_000 }).toBe("done");
    await snapshot("evals");

    // Experiments: save one, then export them all.
    await page.getByTestId("nav-experiments").click();
    await page.getByTestId("experiment-name").fill("Canary experiment");
    await page.getByTestId("experiment-message").fill("first");
    await page.getByTestId("experiment-create").click();
    await expect.poll(() => page.getByTestId("experiments-message").innerText(), { timeout: 10_000 }).toContain("as version 1");
    const exported = await callApp<{ text: string }>(app, "experiments.export", {});
    received.push({ where: "experiments export", text: JSON.stringify(exported) });
    await snapshot("experiments");

    // A failing run: the other server refuses the canary and echoes it, masked, in its 401.
    await page.getByTestId("nav-settings").click();
    await page.getByTestId("profile-row").filter({ hasText: "Canary canary-wrong" }).click();
    await page.getByTestId("profile-activate").click();
    await page.getByTestId("profile-test").click();
    await page.locator('[data-testid="profile-test-result"]:not([data-status="running"]):not([data-status="idle"])').waitFor({ timeout: 20_000 });
    await snapshot("connection test");
    await page.getByTestId("nav-playground").click();
    await page.getByTestId("message-content").nth(1).fill("Hello");
    await runInPlayground();
    expect(await page.getByTestId("run-error").getAttribute("data-kind")).toBe("invalid_key");
    await snapshot("failed run");

    // Injection lab (through the failing profile too: every attack fails with the 401).
    await page.getByTestId("nav-injection").click();
    await page.getByTestId("injection-run").click();
    await page.locator('[data-testid="score-row"]').first().waitFor({ timeout: 60_000 });
    await snapshot("injection lab");

    // History, usage (and its CSV), Settings with a connection test of both profiles.
    await page.getByTestId("nav-history").click();
    await snapshot("history");
    await page.getByTestId("nav-usage").click();
    await page.getByTestId("usage-export").click();
    await snapshot("usage");
    await page.getByTestId("nav-settings").click();
    for (const profileId of ["canary", "canary-wrong"]) {
      received.push({ where: `profiles.test ${profileId}`, text: await callApp(app, "profiles.test", { profileId }).then(JSON.stringify, (e: Error) => e.message) });
    }
    await snapshot("settings");
    await page.waitForTimeout(300);

    const sse = (await page.evaluate(() => (window as unknown as { __dojoSse: string[] }).__dojoSse.join(""))) as string;
    expect(sse).toContain("chat.finished");
    const everything = [
      ...received,
      { where: "event stream", text: sse },
      { where: "web host stdout/stderr", text: app.output() },
      ...filesUnder(dataDir).map((f) => ({ where: f.path, text: f.text })),
    ];
    const leaks = everything.map(({ where, text }) => ({ where, found: findCanary(text, CANARY) })).filter((l) => l.found);
    expect(leaks).toEqual([]);
    // The scan saw real material: responses of every kind, a CSV download, files on disk.
    expect(received.filter((r) => r.where.startsWith("response")).length).toBeGreaterThan(30);
    expect(received.some((r) => r.where.startsWith("download"))).toBe(true);
    expect(filesUnder(dataDir).length).toBeGreaterThan(2);
  });
  it("is echoed back by a hostile server everywhere it can, and still reaches nothing the page, a file or an export holds", async () => {
    await callApp(app, "safety.save", { moderation: { input: false, output: false, model: "sim-moderation-1" }, redaction: { enabled: false, groups: { email: true, phone: true, card: true, iban: true, secrets: true }, custom: [] } });
    await callApp(app, "usage.setTextLogging", { enabled: true });
    const before = echo.keyed();

    // Settings: the echoing profile becomes the active one, and its connection test lists its models.
    await page.getByTestId("nav-settings").click();
    await page.getByTestId("profile-row").filter({ hasText: "Canary canary-echo" }).click();
    await page.getByTestId("profile-activate").click();
    await page.getByTestId("profile-test").click();
    await page.locator('[data-testid="profile-test-result"]:not([data-status="running"]):not([data-status="idle"])').waitFor({ timeout: 20_000 });
    await snapshot("echo connection test");

    // Playground: the key pasted into the prompt, the answer streamed back with the key in pieces.
    await page.getByTestId("nav-playground").click();
    await page.getByTestId("message-content").nth(1).fill(`Remember my key ${CANARY} please.`);
    await runInPlayground();
    expect(await page.getByTestId("answer").getAttribute("data-status")).toBe("done");
    expect(await page.getByTestId("answer").innerText()).toContain("Your key is [redacted]");
    // The draft the page autosaves from it keeps the message, scrubbed.
    await expect.poll(() => callApp(app, "draft.load").then(JSON.stringify), { timeout: 10_000 }).toContain("Remember my key [redacted] please.");
    const settingsFile = filesUnder(dataDir).find((f) => f.path.endsWith("settings.json"));
    expect(settingsFile?.text).toContain("Remember my key [redacted] please.");
    received.push({ where: "settings.json holding the draft", text: settingsFile?.text ?? "" });
    // The textarea holds what the user typed, which never came from the main side: clear it before
    // the page is scanned. The draft saved from it is scanned on disk (settings.json) below.
    await page.getByTestId("message-content").nth(1).fill("Hello");
    await snapshot("echo playground");
    await page.getByTestId("inspect-run").click();
    await page.getByTestId("inspector-record").waitFor({ timeout: 10_000 });
    await snapshot("echo inspector");
    await page.getByTestId("nav-playground").click();
    await page.getByTestId("view-code").click();
    for (const language of ["curl", "node", "python"]) {
      await page.getByTestId(`code-tab-${language}`).click();
      received.push({ where: `echo code export (${language})`, text: await page.getByTestId("code-text").inputValue() });
    }

    // Embeddings, an error echoing the key, and everything that reads the runs back.
    received.push({ where: "echo embeddings", text: JSON.stringify(await callApp(app, "embeddings.embed", { jobId: crypto.randomUUID(), profileId: "canary-echo", model: "echo-embed", texts: ["a cat", "a dog"] })) });
    received.push({ where: "echo models", text: JSON.stringify(await callApp(app, "models.list", { profileId: "canary-echo" })) });
    const failing = crypto.randomUUID();
    await callApp(app, "chat.start", { runId: failing, profileId: "canary-echo", request: { model: ECHO_ERROR_MODEL, messages: [{ role: "user", content: "Fail, please." }] } });
    await expect.poll(async () => (await callApp<{ error: unknown } | null>(app, "runs.get", { runId: failing }))?.error ?? null, { timeout: 20_000 }).not.toBeNull();
    received.push({ where: "echo failed run", text: JSON.stringify(await callApp(app, "runs.get", { runId: failing })) });
    await page.getByTestId("nav-history").click();
    await snapshot("echo history");
    await page.getByTestId("nav-usage").click();
    await page.getByTestId("usage-export").click();
    await snapshot("echo usage");
    received.push({ where: "echo usage CSV", text: JSON.stringify(await callApp(app, "usage.exportCsv", {})) });
    await callApp(app, "experiments.create", { name: "Echo", state: { profileId: "canary-echo", request: { model: "echo-1", messages: [{ role: "user", content: `key ${CANARY}` }] } }, message: "pasted" });
    received.push({ where: "echo experiments export", text: JSON.stringify(await callApp(app, "experiments.export", {})) });
    await page.waitForTimeout(300);

    // The key really went out (so it really came back), and the scan found nothing anywhere.
    expect(echo.keyed() - before).toBeGreaterThanOrEqual(5);
    expect(await leaksEverywhere()).toEqual([]);
    expect(received.filter((r) => r.where.startsWith("download")).length).toBeGreaterThanOrEqual(2);
  });
});
