// Tests (Node): the tokenizer (gpt-tokenizer, about 1 MB gzip) is bundled only into the token-count
// worker. Any view that imports it, even through a helper, would ship a second copy in its chunk.
import { build, type Plugin } from "esbuild";
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Resolves relative imports with exact letter case, as Vite does: esbuild matches file names
 * case-insensitively, and markdown.ts sits beside Markdown.tsx.
 */
const exactCase: Plugin = {
  name: "exact-case",
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const base = resolve(args.resolveDir, args.path);
      for (const candidate of ["", ".ts", ".tsx", ".js", "/index.ts", "/index.tsx"].map((ext) => base + ext)) {
        if (existsSync(candidate) && statSync(candidate).isFile() && readdirSync(dirname(candidate)).includes(basename(candidate))) return { path: candidate };
      }
      return undefined;
    });
  },
};

/** Every source file the renderer's entry reaches through static and dynamic imports (workers are separate entries). */
async function reachedFrom(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    splitting: true,
    format: "esm",
    outdir: "/virtual-out",
    platform: "browser",
    logLevel: "silent",
    loader: { ".css": "empty", ".ttf": "empty" },
    plugins: [exactCase],
    // Monaco is large and known not to hold a tokenizer; skipping it keeps the test quick.
    external: ["monaco-editor", "monaco-editor/*", "@monaco-editor/*"],
  });
  return Object.keys(result.metafile.inputs);
}

describe("where the tokenizer is bundled", () => {
  it("the app (every view, lazily loaded or not) reaches no gpt-tokenizer module", async () => {
    const inputs = await reachedFrom("renderer/main.tsx");
    expect(inputs.some((p) => p.includes("renderer/features/Usage/Usage.tsx"))).toBe(true);
    expect(inputs.filter((p) => p.includes("gpt-tokenizer") || p.endsWith("shared/tokens.ts"))).toEqual([]);
  });

  it("the token-count worker does (so the check above looks at the right thing)", async () => {
    const inputs = await reachedFrom("renderer/features/Tokens/tokenWorker.ts");
    expect(inputs.some((p) => p.includes("gpt-tokenizer"))).toBe(true);
  });
});
