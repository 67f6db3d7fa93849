// Benchmarks (Node): usearch's native addon, built on demand from its npm sources with node-gyp
// against the running Node's own headers, into a private folder (.tmp/bench-native), never into
// the shared node_modules. Loaded directly, so its exact (brute-force) search can be timed.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { localNodeDir, runCommand } from "./sqliteBinding";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PACKAGE_DIR = join(ROOT, "node_modules", "usearch");
const NODE_GYP = join(ROOT, "node_modules", "node-gyp", "bin", "node-gyp.js");
/** What the addon's build needs from the package (its prebuilt binaries are left out on purpose). */
const SOURCES = ["binding.gyp", "package.json", "c", "cpp", "include", "numkong", "javascript/lib.cpp"];

/** The addon's exact search: keys and distances ("ip" distance = 1 - dot product), best first. */
export interface UsearchAddon {
  version: string;
  exactSearch(dataset: Float32Array, queries: Float32Array, dims: number, count: number, metric: "ip" | "cos" | "l2sq", threads: number): [BigUint64Array, Float32Array, ...unknown[]];
  hardwareAccelerationAvailable?: () => string;
}

/** The private build folder for this usearch version and this Node ABI. */
export function usearchBuildDir(): string {
  const version = (JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as { version: string }).version;
  return join(ROOT, ".tmp", "bench-native", `usearch-${version}-abi${process.versions.modules}`);
}

const addonPath = (dir: string) => join(dir, "build", "Release", "usearch.node");

/**
 * Loads usearch's addon, building it first when the private copy is missing (about 2 minutes on
 * 2 cores). Resolves the addon, or why it cannot be had.
 */
export async function loadUsearch(print: (text: string) => void): Promise<UsearchAddon | string> {
  if (!existsSync(PACKAGE_DIR)) return "usearch is not installed (npm ci)";
  const dir = usearchBuildDir();
  if (!existsSync(addonPath(dir))) {
    if (!existsSync(NODE_GYP)) return "node-gyp is not installed to build usearch's addon";
    const nodeDir = localNodeDir();
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, "javascript"), { recursive: true });
    for (const item of SOURCES) cpSync(join(PACKAGE_DIR, item), join(dir, item), { recursive: true });
    const args = [NODE_GYP, "rebuild", "--release", "-j", "2", ...(nodeDir ? [`--nodedir=${nodeDir}`] : [])];
    print(`  Building usearch's native addon from its npm sources into ${dir.slice(ROOT.length)} (about 2 minutes):`);
    print(`  node ${["node_modules/node-gyp/bin/node-gyp.js", ...args.slice(1)].join(" ")}`);
    if (!nodeDir) print("  (no local Node headers found: node-gyp will try to download them)");
    const started = performance.now();
    // Run inside the copy, which sits in the repository, so binding.gyp's require('node-addon-api') resolves.
    const built = await runCommand(process.execPath, args, dir);
    if (built.code !== 0 || !existsSync(addonPath(dir))) return `building usearch failed (node-gyp exit ${built.code}): ${built.tail.slice(0, 300)}`;
    print(`  Built in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  }
  try {
    return createRequire(import.meta.url)(addonPath(dir)) as UsearchAddon;
  } catch (err) {
    return `usearch's addon does not load: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`;
  }
}
