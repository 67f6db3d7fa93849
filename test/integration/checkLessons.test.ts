// Integration: the build's lesson step copies valid lessons and refuses (without copying) a folder
// with an invalid lesson or a topic taught twice.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkLessons } from "../../scripts/checkLessons";

const LESSONS = join(import.meta.dirname, "../../lessons");
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dojo-check-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("checkLessons", () => {
  it("copies every valid lesson and lists the topics still missing", () => {
    const out = join(dir, "out");
    const result = checkLessons(LESSONS, out);
    expect(result.problems).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(readdirSync(LESSONS).filter((f) => /^\d\d-.*\.md$/.test(f)).sort());
    expect(result.missing).toHaveLength(50 - result.count);
  });

  it("refuses a broken lesson and a topic taught twice, copying nothing", () => {
    const src = join(dir, "src");
    const out = join(dir, "out");
    rmSync(src, { recursive: true, force: true });
    mkdirSync(src);
    copyFileSync(join(LESSONS, "09-max-output-tokens.md"), join(src, "09-max-output-tokens.md"));
    const text = readFileSync(join(LESSONS, "09-max-output-tokens.md"), "utf8");
    writeFileSync(join(src, "09-max-output-tokens-again.md"), text);
    writeFileSync(join(src, "08-temperature.md"), text.replace("id: max-output-tokens", "id: temperature"));
    const result = checkLessons(src, out);
    expect(result.problems.join("\n")).toMatch(/08-temperature\.md: .*should be/);
    expect(result.problems.join("\n")).toMatch(/09-max-output-tokens-again\.md/);
    expect(existsSync(out)).toBe(false);
  });
});
