// Benchmarks (Node): promptfoo needs better-sqlite3's native binding, which `npm ci` does not build
// here (.npmrc sets ignore-scripts). This builds it on demand with node-gyp, against the running
// Node's own headers when they are installed (no download), saying what it does.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PACKAGE_DIR = join(ROOT, "node_modules", "better-sqlite3");
const NODE_GYP = join(ROOT, "node_modules", "node-gyp", "bin", "node-gyp.js");

/** Why the binding does not load, or null when it does (checked in a fresh process, as promptfoo would). */
export function bindingProblem(): string | null {
  if (!existsSync(PACKAGE_DIR)) return "better-sqlite3 is not installed (npm ci)";
  const probe = spawnSync(process.execPath, ["-e", "const D = require('better-sqlite3'); new D(':memory:').close();"], { cwd: ROOT, encoding: "utf8" });
  if (probe.status === 0) return null;
  const line = (probe.stderr || probe.stdout || "").split("\n").find((l) => /Error|Could not|cannot/i.test(l)) ?? `exit code ${probe.status}`;
  return line.trim().slice(0, 200);
}

/** The folder holding include/node/node_api.h for the running Node, when installed (e.g. /usr). */
export function localNodeDir(): string | null {
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, "include", "node", "node_api.h")) ? prefix : null;
}

/** Runs a command, keeping its last lines of output; resolves with its exit code and that tail. */
export function runCommand(command: string, args: string[], cwd: string): Promise<{ code: number; tail: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_ignore_scripts: "false" } });
    let output = "";
    const keep = (d: Buffer) => (output = (output + d.toString()).slice(-4_000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.once("error", (err) => resolve({ code: 1, tail: err.message }));
    child.once("exit", (code) => resolve({ code: code ?? 1, tail: output.trim().split("\n").slice(-3).join(" | ") }));
  });
}

/**
 * Makes sure promptfoo can open its database: when the binding does not load, builds it with
 * node-gyp (a few minutes on 2 cores). Resolves null when it loads, else why it cannot run.
 */
export async function ensureSqliteBinding(print: (text: string) => void): Promise<string | null> {
  const before = bindingProblem();
  if (before === null) return null;
  if (!existsSync(NODE_GYP)) return `its native database binding is missing (${before}) and node-gyp is not installed to build it`;
  const nodeDir = localNodeDir();
  const args = [NODE_GYP, "rebuild", "--release", ...(nodeDir ? [`--nodedir=${nodeDir}`] : [])];
  print(`  promptfoo needs better-sqlite3's native binding, which does not load (${before}).`);
  print(`  Building it, a few minutes: (cd node_modules/better-sqlite3 && node ${["../node-gyp/bin/node-gyp.js", ...args.slice(1)].join(" ")})`);
  if (!nodeDir) print("  (no local Node headers found: node-gyp will try to download them)");
  const started = performance.now();
  const built = await runCommand(process.execPath, args, PACKAGE_DIR);
  if (built.code !== 0) return `building better-sqlite3 failed (node-gyp exit ${built.code}): ${built.tail.slice(0, 300)}`;
  const after = bindingProblem();
  if (after !== null) return `better-sqlite3 was built but still does not load: ${after}`;
  print(`  Built in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  return null;
}
