// Build: the renderer with Vite, the main-process entries with esbuild (npm packages stay external).
// `--node-only` skips the renderer (for `npm run simulator`).
import { build as esbuild } from "esbuild";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { build as viteBuild } from "vite";

const nodeOnly = process.argv.includes("--node-only");

/** Main-process entries: [source, output, format]. Missing sources are skipped with a note. */
const entries = [
  ["electron/main.ts", "dist/electron/main.mjs", "esm"],
  ["electron/preload.ts", "dist/electron/preload.cjs", "cjs"],
  ["electron/webMain.ts", "dist/electron/web.mjs", "esm"],
  ["electron/simulator/cli.ts", "dist/electron/simulator.mjs", "esm"],
];

const started = Date.now();
for (const [source, outfile, format] of entries) {
  if (!existsSync(source)) {
    console.warn(`build: ${source} does not exist yet, skipped`);
    continue;
  }
  await esbuild({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format,
    // The sandboxed preload may only require "electron"; everything else is bundled into it.
    packages: format === "cjs" ? undefined : "external",
    external: ["electron"],
    sourcemap: true,
    logLevel: "warning",
  });
}
// The simulator's concept lexicon is bundled into the entries above; WordNet's licence asks for its notice on every copy.
mkdirSync("dist/licenses", { recursive: true });
copyFileSync("electron/simulator/data/WORDNET-LICENSE.txt", "dist/licenses/WORDNET-LICENSE.txt");
// Lessons: validated with the shared schema (an invalid lesson fails the build), then copied to dist/lessons.
await esbuild({ entryPoints: ["scripts/checkLessons.ts"], outfile: ".tmp/checkLessons.mjs", bundle: true, platform: "node", target: "node20", format: "esm", packages: "external", logLevel: "warning" });
const lessonCheck = (await import(pathToFileURL(".tmp/checkLessons.mjs").href)).checkLessons("lessons", "dist/lessons");
if (lessonCheck.problems.length) {
  console.error(`build: invalid lessons:\n  ${lessonCheck.problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`build: ${lessonCheck.count} lessons valid${lessonCheck.missing.length ? `; topics without a lesson yet: ${lessonCheck.missing.join(", ")}` : ""}`);
if (!nodeOnly) await viteBuild({ configFile: "vite.config.ts", logLevel: "warn" });
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
