// Build step (Node): validates every lesson with the shared schema and copies the valid set into
// the build, so a broken lesson fails the build instead of the app. Bundled and run by build.mjs.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { lessonFileName, TOPICS } from "../shared/lessonTopics";
import { loadLessons } from "../electron/services/lessons";

/**
 * Checks `sourceDir`'s lessons; on success replaces `outDir` with a copy of them. Returns the
 * problems (empty when every lesson is valid) and the topics not taught yet.
 */
export function checkLessons(sourceDir: string, outDir: string): { problems: string[]; missing: number[]; count: number } {
  const { lessons, problems } = loadLessons(sourceDir);
  const taught = new Set(lessons.map((l) => l.frontMatter.number));
  const missing = TOPICS.filter((t) => !taught.has(t.number)).map((t) => t.number);
  if (problems.length === 0) {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    for (const lesson of lessons) {
      const name = lessonFileName(lesson.frontMatter);
      copyFileSync(join(sourceDir, name), join(outDir, name));
    }
  }
  return { problems, missing, count: lessons.length };
}
