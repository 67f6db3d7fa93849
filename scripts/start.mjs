// Launcher for `npm start`: opens the desktop app, or says why it cannot and serves web mode
// instead, so the first command always ends in a working app.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/**
 * True when the electron package already has its binary (the check its own index.js makes). Install
 * scripts are off (see .npmrc) and electron 45 has none anyway: the binary comes on first use.
 */
function hasBinary(packageDir) {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  const pathFile = join(packageDir, "path.txt");
  return existsSync(pathFile) && existsSync(join(packageDir, "dist", readFileSync(pathFile, "utf8")));
}

/**
 * Returns the Electron binary's path, fetching it once with the package's own installer when it is
 * missing. Throws with the reason when it cannot be fetched.
 */
function requireElectronBinary() {
  const packageDir = dirname(require.resolve("electron/package.json"));
  if (!hasBinary(packageDir)) {
    const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
    // Electron's installer require()s @electron/get, an ES module: Node 20.19+ or 22.12+ can do that.
    if (!process.features.require_module) {
      throw new Error(`fetching Electron ${version} needs require() of ES modules, on by default from Node 20.19 and 22.12 (this is Node ${process.versions.node}, where it is off)`);
    }
    console.log(`Prompt Dojo: fetching the Electron ${version} binary (first start)...`);
    const result = spawnSync(process.execPath, [join(packageDir, "install.js")], { encoding: "utf8", timeout: 300_000 });
    if (result.status !== 0) {
      const output = `${result.stderr ?? ""}\n${result.error?.message ?? ""}`;
      const cause = output.split("\n").find((line) => /Error|failed/.test(line))?.trim() ?? "no message";
      throw new Error(`the Electron binary could not be downloaded (${cause})`);
    }
  }
  // Only reached with the binary in place, so electron's index.js never starts a download itself.
  return require("electron");
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
