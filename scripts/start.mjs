// Launcher for `npm start`: opens the desktop app, or says why it cannot and serves web mode
// instead, so the first command always ends in a working app.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * The electron package exports the binary's path, and throws when the binary was never downloaded
 * (install scripts are off, see .npmrc). Then fetch it once with the package's own installer.
 */
function requireElectronBinary() {
  try {
    return require("electron");
  } catch {
    console.log("Prompt Dojo: fetching the Electron binary (first start)...");
    const installer = require.resolve("electron/install.js");
    const result = spawnSync(process.execPath, [installer], { encoding: "utf8", timeout: 300_000 });
    if (result.status !== 0) {
      const cause = `${result.stderr ?? ""}`.split("\n").find((line) => /Error/.test(line))?.trim() ?? "no message";
      throw new Error(`the Electron binary could not be downloaded (${cause})`);
    }
    delete require.cache[require.resolve("electron")];
    return require("electron");
  }
}

/** Returns the Electron binary's path, or the reason it cannot start here. */
function findElectron() {
  let binary;
  try {
    binary = requireElectronBinary();
  } catch (err) {
    return { reason: `the Electron binary is not installed: ${String(err.message ?? err).split("\n")[0]}` };
  }
  if (typeof binary !== "string") return { reason: "the electron package did not give a binary path" };
  if (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: "there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)" };
  }
  return { binary };
}

function serveWeb(reason) {
  console.log(`Prompt Dojo: the desktop window cannot open because ${reason}.`);
  console.log("Serving the same app in web mode instead (Ctrl+C to stop).");
  const web = spawn(process.execPath, ["dist/electron/web.mjs"], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => web.kill(signal));
  web.on("exit", (code) => process.exit(code ?? 0));
}

const found = findElectron();
if (found.reason) {
  serveWeb(found.reason);
} else {
  const child = spawn(found.binary, ["."], { stdio: ["inherit", "inherit", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  const startedAt = Date.now();
  child.on("exit", (code) => {
    // A crash within seconds of launch (missing libraries, no GPU/display access) falls back to web mode.
    if (code !== 0 && Date.now() - startedAt < 10_000) {
      serveWeb(`Electron exited with code ${code} at start-up (${stderr.trim().split("\n").pop() ?? "no message"})`);
    } else {
      process.exit(code ?? 0);
    }
  });
}
