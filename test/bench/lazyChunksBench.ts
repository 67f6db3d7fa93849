// Benchmarks (Node): every lazy JavaScript chunk of the web build over 100 kB gzip, with what it
// holds (npm packages and app folders, by their share of the chunk), workers included.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "vite";
import { initialJsFiles } from "./firstLoadBench";
import type { BenchTable } from "./table";

/** Chunks at or over this many gzip bytes are listed. */
const THRESHOLD = 100_000;

/** A chunk's modules: source id -> bytes it renders into the chunk (after tree-shaking, before minifying). */
type ChunkModules = Map<string, Map<string, number>>;

/** A plugin that records, for every chunk it sees written (app and workers), the modules in it. */
function recordModules(into: ChunkModules): Plugin {
  return {
    name: "bench-record-chunk-modules",
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== "chunk") continue;
        const modules = new Map<string, number>();
        for (const [id, info] of Object.entries(item.modules)) modules.set(id, info.renderedLength);
        into.set(item.fileName, modules);
      }
    },
  };
}

/** What a module id belongs to: its npm package, or the app folder it sits in. */
export function ownerOf(id: string): string {
  const clean = id.replace(/\\/g, "/").replace(/^\0/, "").replace(/\?.*$/, "");
  const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
  if (pkg) return pkg[1]!;
  const app = /\/(renderer\/(?:features|components)\/[^/]+|renderer\/store|shared|renderer)\//.exec(clean);
  return app ? app[1]! : "(bundler runtime)";
}

/** Owners of a chunk, largest first, as "name 61%". */
export function describeChunk(modules: Map<string, number>, top = 4): string {
  const byOwner = new Map<string, number>();
  let total = 0;
  for (const [id, bytes] of modules) {
    byOwner.set(ownerOf(id), (byOwner.get(ownerOf(id)) ?? 0) + bytes);
    total += bytes;
  }
  const sorted = [...byOwner].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, top).map(([owner, bytes]) => `${owner} ${Math.round((100 * bytes) / Math.max(1, total))}%`);
  return sorted.length > top ? `${shown.join(", ")}, +${sorted.length - top} more` : shown.join(", ");
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/** Builds the renderer into a temp folder, recording each chunk's modules, and lists the large lazy chunks. */
export async function lazyChunksBench(): Promise<BenchTable> {
  const outDir = mkdtempSync(join(tmpdir(), "dojo-chunks-"));
  const chunks: ChunkModules = new Map();
  try {
    await build({
      configFile: "vite.config.ts",
      logLevel: "warn",
      build: { outDir, emptyOutDir: true, sourcemap: false },
      plugins: [recordModules(chunks)],
      worker: { plugins: () => [recordModules(chunks)] },
    });
    const initial = new Set(initialJsFiles(outDir));
    const files = readdirSync(join(outDir, "assets")).filter((f) => f.endsWith(".js")).map((f) => `assets/${f}`);
    const rows: (string | number)[][] = [];
    const tokenizerIn: string[] = [];
    let lazyCount = 0;
    for (const file of files.sort()) {
      if (initial.has(file)) continue;
      lazyCount++;
      const bytes = readFileSync(join(outDir, file));
      const gzip = gzipSync(bytes).length;
      const modules = chunks.get(file) ?? new Map<string, number>();
      if ([...modules.keys()].some((id) => id.includes("gpt-tokenizer"))) tokenizerIn.push(file);
      if (gzip < THRESHOLD) continue;
      rows.push([file, kb(bytes.length), kb(gzip), modules.size ? describeChunk(modules) : "(modules not recorded)"]);
    }
    rows.sort((a, b) => Number(b[2]) - Number(a[2]));
    return {
      title: `Web build: lazy chunks over ${THRESHOLD / 1000} kB gzip, with what they hold (kB)`,
      columns: ["chunk", "raw", "gzip", "holds (share of the chunk before minifying)"],
      rows,
      notes: [
        `${rows.length} of ${lazyCount} lazy chunks (dynamic imports and workers) are over ${THRESHOLD / 1000} kB gzip; the first load is in the first-load section.`,
        `gpt-tokenizer is in: ${tokenizerIn.length ? tokenizerIn.join(", ") : "no chunk"} (it belongs in the token-count worker only).`,
        "Built afresh into a temp folder with a plugin recording each chunk's modules (app and worker bundles alike).",
      ],
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
