// Integration (Node): the repository is self-contained. No tracked file names a path that leads
// outside the checkout (a clone elsewhere, without the team folder beside it, must pass its tests),
// and the vendored OpenAPI spec is the one its README names.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const CODE = /\.(ts|tsx|mts|mjs|js|cjs|json|ya?ml|sh|html)$|^\.ci\/run$|^\.npmrc$/;
/** A quoted string that starts with ../ (an import, a URL relative to import.meta.url, a path.join part). */
const RELATIVE_LITERAL = /["'`]((?:\.\.\/)+[^"'`\s$]*)["'`]/g;
/** An absolute path into this workspace (the checkout's parent): never there on another machine. */
const ABSOLUTE_LITERAL = /["'`](\/work\/[^"'`\s]*)["'`]/g;

function trackedCodeFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" });
  // This file is left out: its own examples of escaping paths are what the check must catch.
  const self = relative(ROOT, import.meta.filename);
  return out.split("\0").filter((f) => f && CODE.test(f) && f !== "package-lock.json" && f !== self && !f.startsWith("test/conformance/openai-openapi/"));
}

/** Every place in `text` (a file at `file`) that names a path outside the repository root. */
export function escapes(file: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(RELATIVE_LITERAL)) {
    const target = resolve(ROOT, dirname(file), m[1] as string);
    const rel = relative(ROOT, target);
    if (rel.startsWith("..") || isAbsolute(rel)) found.push(`${file}: ${m[1]}`);
  }
  for (const m of text.matchAll(ABSOLUTE_LITERAL)) found.push(`${file}: ${m[1]}`);
  return found;
}

describe("the repository reads nothing outside itself", () => {
  it("finds an escaping path when there is one (the check can fail)", () => {
    // Built from parts, so this file does not itself hold the literal the team-folder check looks for.
    const teamSpec = ["..", "..", "..", "shared", "openai-openapi", "openapi.yaml"].join("/");
    expect(escapes("test/conformance/openapiSpec.ts", `new URL("${teamSpec}", import.meta.url)`)).toHaveLength(1);
    expect(escapes("scripts/x.mjs", 'readFileSync("/work/shared/topics.md")')).toHaveLength(1);
    expect(escapes("electron/services/evals/x.ts", 'import { a } from "../../../shared/evals";')).toEqual([]);
  });

  it("no tracked source, script or config names a path outside the checkout", () => {
    const files = trackedCodeFiles();
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => escapes(f, readFileSync(resolve(ROOT, f), "utf8")));
    expect(found).toEqual([]);
  });

  it("carries the OpenAPI spec its README names, byte for byte", () => {
    const dir = resolve(ROOT, "test/conformance/openai-openapi");
    const readme = readFileSync(resolve(dir, "README.md"), "utf8");
    const named = /sha256 \| ([0-9a-f]{64})/.exec(readme)?.[1];
    const actual = createHash("sha256").update(readFileSync(resolve(dir, "openapi.yaml"))).digest("hex");
    expect(actual).toBe(named);
  });
});
