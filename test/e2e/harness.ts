// End-to-end tests: starts the real app in web mode (dist/electron/web.mjs, as `npm run web` does)
// and drives Debian's Chromium through playwright-core. Never downloads a browser.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const CHROMIUM_PATH = process.env.DOJO_CHROMIUM ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"];

/** A running web-mode app: its page URL (with the token), its token and origin. */
export interface RunningApp {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Everything the web host wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** A fresh data folder for one test file; removed by `removeDataDir`. */
export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), "dojo-e2e-"));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** How a test wants the app. */
export interface StartOptions {
  /**
   * Keep the first-run welcome page. Off by default: most tests start on the playground, so the
   * harness records the welcome page as seen (through the app's own channel) before any page opens.
   */
  welcome?: boolean;
}

/**
 * Starts `node dist/electron/web.mjs` on a free port with the given data folder. The simulator's
 * unseeded randomness starts from seed 1, so a test that relies on answers varying sees the same
 * answers every run.
 */
export async function startApp(dataDir: string, env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, ["dist/electron/web.mjs"], {
    env: { ...process.env, DOJO_PORT: "0", DOJO_NO_OPEN: "1", DOJO_DATA_DIR: dataDir, DOJO_SIM_TOKEN_DELAY_MS: "10", DOJO_SIM_RANDOM_SEED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Prompt Dojo \(web mode\): (http\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with code ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get("token") ?? "";
  const app: RunningApp = {
    url,
    origin: parsed.origin,
    token,
    dataDir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
  if (!options.welcome) {
    const prefs = await callApp<{ dismissed: string[] }>(app, "ui.prefs.get");
    await callApp(app, "ui.prefs.save", { ...prefs, welcomeSeen: true });
  }
  return app;
}

/** Calls one channel of the running app directly, as the page's bridge would. */
export async function callApp<T = unknown>(app: RunningApp, channel: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${app.origin}/api/${channel}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-dojo-token": app.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
  return result.value as T;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Opens the app and waits until the playground is ready. */
export async function openApp(browser: Browser, app: RunningApp): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto(app.url);
  await page.getByTestId("run-button").waitFor({ state: "visible", timeout: 20_000 });
  return page;
}

/** A browser and the app on a fresh data folder, shared by the tests of one file. */
export interface Suite {
  browser: Browser;
  app: RunningApp;
  dataDir: string;
}

/** Starts a suite: `beforeAll(async () => ({ browser, app, dataDir } = await startSuite()))`. */
export async function startSuite(env: Record<string, string> = {}): Promise<Suite> {
  const dataDir = makeDataDir();
  const [browser, app] = await Promise.all([launchBrowser(), startApp(dataDir, env)]);
  return { browser, app, dataDir };
}

/** Stops what a (possibly half-started) suite holds and removes its data folder. */
export async function stopSuite(suite: Partial<Suite>): Promise<void> {
  await suite.browser?.close();
  await suite.app?.stop();
  if (suite.dataDir) removeDataDir(suite.dataDir);
}

/** A suite with the app already open in a page, for files whose tests share one page. */
export interface PageSuite extends Suite {
  page: Page;
}

/** Starts a suite and opens the app in a page, stopping the suite again if the page does not open. */
export async function startPageSuite(env: Record<string, string> = {}): Promise<PageSuite> {
  const suite = await startSuite(env);
  try {
    return { ...suite, page: await openApp(suite.browser, suite.app) };
  } catch (err) {
    // The caller never receives this suite, so its afterAll cannot stop it: stop it here.
    await stopSuite(suite);
    throw err;
  }
}

/** Registers a file's hooks: beforeAll starts a page suite and runs the file's `prepare` on it, afterAll stops it. */
export function pageSuite(prepare: (suite: PageSuite) => Promise<void>): void {
  let suite: PageSuite | undefined;
  beforeAll(async () => {
    suite = await startPageSuite();
    await prepare(suite);
  });
  // The suite is kept before `prepare` runs, so a failing step still leaves it for afterAll to stop.
  afterAll(() => stopSuite(suite ?? {}));
}
