// Main side (web mode): the entry of `npm run web`. Builds the same core as the desktop app, serves
// it with the web host on 127.0.0.1, prints the URL and opens it in the user's browser.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Conf from "conf";
import { createAppCore } from "./app";
import { scrubConsole } from "./services/consoleScrub";
import { startWebHost } from "./web";
import packageJson from "../package.json";

/** The settings folder name; the same as Electron's userData name, so both modes share settings. */
const APP_DIR_NAME = "prompt-dojo";

/**
 * Where settings live: DOJO_DATA_DIR, else the platform's app-data folder (the folder Electron's
 * `app.getPath("userData")` gives the desktop app).
 */
export function resolveDataDir(env: Record<string, string | undefined>, platform: NodeJS.Platform, home: string): string {
  if (env.DOJO_DATA_DIR) return path.resolve(env.DOJO_DATA_DIR);
  if (platform === "win32") return path.join(env.APPDATA || path.join(home, "AppData", "Roaming"), APP_DIR_NAME);
  if (platform === "darwin") return path.join(home, "Library", "Application Support", APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, ".config"), APP_DIR_NAME);
}

/** The port from DOJO_PORT (0 = any free port); refuses anything that is not 0..65535. */
export function resolvePort(env: Record<string, string | undefined>): number {
  const raw = env.DOJO_PORT?.trim();
  if (!raw) return 0;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`DOJO_PORT must be a port number (0-65535), not "${raw}".`);
  return port;
}

/**
 * The command that opens `url` in the default browser, or null when there is none to open
 * (DOJO_NO_OPEN set, or Linux without a graphical session).
 */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): { command: string; args: string[]; verbatim: boolean } | null {
  if (env.DOJO_NO_OPEN) return null;
  if (platform === "darwin") return { command: "open", args: [url], verbatim: false };
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the empty one.
  // Verbatim, or Node would escape those quotes; the URL holds no cmd metacharacters (& | < > ^).
  if (platform === "win32") return { command: "cmd", args: ["/c", "start", '""', url], verbatim: true };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { command: "xdg-open", args: [url], verbatim: false };
}

/** Launches the browser; any failure (no xdg-open, no browser) is ignored: the URL is printed anyway. */
function openInBrowser(url: string): void {
  const cmd = browserCommand(url, process.platform, process.env);
  if (!cmd) return;
  try {
    const child = spawn(cmd.command, cmd.args, {
      detached: true,
      stdio: "ignore",
      windowsHide: true,
      windowsVerbatimArguments: cmd.verbatim,
    });
    child.on("error", () => {});
    child.unref();
  } catch {
    // Quietly: opening the browser is a convenience.
  }
}

async function main(): Promise<void> {
  const core = await createAppCore({
    mode: "web",
    dataDir: resolveDataDir(process.env, process.platform, os.homedir()),
    version: packageJson.version,
    openStore: (opts) => new Conf({ ...opts, projectName: APP_DIR_NAME }),
  });
  // Built layout: dist/electron/web.mjs serves dist/renderer.
  const host = await startWebHost({
    handlers: core.handlers,
    knownSecrets: () => core.knownSecrets(),
    staticDir: fileURLToPath(new URL("../renderer", import.meta.url)),
    port: resolvePort(process.env),
  });
  console.log(`Prompt Dojo (web mode): ${host.url}`);
  for (const notice of core.notices) console.log(`Notice: ${notice}`);
  openInBrowser(host.url);

  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(1); // A second Ctrl+C does not wait.
    stopping = true;
    Promise.allSettled([host.close(), core.close()]).then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

// Runs only as the entry point, so tests can import the helpers above.
const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  // Whatever the main side logs is scrubbed of every known secret first.
  scrubConsole();
  main().catch((err: unknown) => {
    console.error("Prompt Dojo (web mode) could not start:", err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
