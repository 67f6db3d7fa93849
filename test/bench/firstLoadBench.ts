// Benchmarks (Node): the JavaScript the web build loads before the first screen (gzip), following
// index.html's scripts and their static imports, and the lazy chunks kept out of it (Monaco's above all).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { BenchTable } from "./table";

/** Where `npm run bench` finds the renderer build (it builds first). */
export const RENDERER_DIST = "dist/renderer";

/** Relative .js files a module imports statically (`import ... from "./x.js"`, `import "./x.js"`), not `import("./x.js")`. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

/** The module scripts and modulepreload links of an index.html, as paths relative to it. */
export function entryScripts(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) out.push(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) out.push(match[1]!);
  return out.map((p) => p.replace(/^\.\//, ""));
}

/** Every JS file loaded before the first screen: the entries and, transitively, their static imports. */
export function initialJsFiles(dist: string): string[] {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const seen = new Set<string>();
  const queue = entryScripts(html);
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(join(dist, file))) continue;
    seen.add(file);
    const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
    for (const imported of staticImports(readFileSync(join(dist, file), "utf8"))) queue.push(join(dir, imported).replace(/\\/g, "/"));
  }
  return [...seen];
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The first-load table: each initial file, then the largest lazy chunks, Monaco's marked. */
export async function firstLoadBench(): Promise<BenchTable> {
  if (!existsSync(join(RENDERER_DIST, "index.html"))) throw new Error(`${RENDERER_DIST}/index.html is missing: run npm run build first`);
  const initial = initialJsFiles(RENDERER_DIST);
  const sizes = (file: string) => {
    const bytes = readFileSync(join(RENDERER_DIST, file));
    return { raw: bytes.length, gzip: gzipSync(bytes).length };
  };
  const rows: (string | number)[][] = [];
  let total = { raw: 0, gzip: 0 };
  for (const file of initial) {
    const s = sizes(file);
    total = { raw: total.raw + s.raw, gzip: total.gzip + s.gzip };
    rows.push([`initial: ${file}`, kb(s.raw), kb(s.gzip)]);
  }
  rows.push(["FIRST LOAD TOTAL", kb(total.raw), kb(total.gzip)]);
  // Lazy chunks: every other JS file reachable from the first load through dynamic imports or
  // workers, followed transitively (Monaco's chunk names its own workers).
  const assets = readdirSync(join(RENDERER_DIST, "assets")).filter((f) => f.endsWith(".js")).map((f) => `assets/${f}`);
  const reachable = new Set(initial);
  const pending = [...initial];
  while (pending.length) {
    const code = readFileSync(join(RENDERER_DIST, pending.pop()!), "utf8");
    for (const asset of assets) {
      if (!reachable.has(asset) && code.includes(asset.slice("assets/".length))) {
        reachable.add(asset);
        pending.push(asset);
      }
    }
  }
  const referenced = [...reachable].filter((f) => !initial.includes(f));
  const isMonaco = (f: string) => /monaco|editor\.worker|json\.worker|jsonMode/i.test(f) || /monaco-editor|vs\/editor/.test(readFileSync(join(RENDERER_DIST, f), "utf8").slice(0, 4_000));
  const lazy = referenced.map((f) => ({ f, ...sizes(f) })).sort((a, b) => b.gzip - a.gzip);
  for (const { f, raw, gzip } of lazy.slice(0, 12)) rows.push([`lazy${isMonaco(f) ? " (Monaco)" : ""}: ${f}`, kb(raw), kb(gzip)]);
  const monacoInInitial = initial.filter(isMonaco);
  return {
    title: "Web build: first-load JavaScript (KiB)",
    columns: ["file", "raw", "gzip"],
    rows,
    notes: [
      "Initial = index.html's module scripts and modulepreloads plus their static imports (dynamic imports and workers excluded).",
      monacoInInitial.length
        ? `WARNING: Monaco code is in the first load: ${monacoInInitial.join(", ")}`
        : "Monaco is not in the first load: it sits in the lazy chunks marked (Monaco), which renderer/main.tsx starts fetching at start-up, while the draft loads.",
      "gzip: Node zlib default level, as a server would typically send it.",
    ],
  };
}
