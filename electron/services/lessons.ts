// Main process: the lesson library: reads every lessons/NN-slug.md file, validates it with the
// shared lesson schema, and serves the course list, single lessons and search.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseLesson, type Lesson } from "../../shared/lesson";
import { searchLessons, type LessonHit } from "../../shared/lessonSearch";
import type { LessonSummary } from "../../shared/contracts/lessons";
import { DojoError } from "../errors";

/** Lesson files are named "NN-slug.md"; anything else in the folder (README.md) is not a lesson. */
const LESSON_FILE = /^\d{2}-[a-z0-9-]+\.md$/;

/** The valid lessons of a folder in topic order, and the problems of every file that is not valid. */
export interface LoadedLessons {
  lessons: Lesson[];
  problems: string[];
}

/**
 * Reads and validates every lesson file of `dir`. Also refuses a topic taught twice (the second
 * file is reported, not loaded). A missing folder is a problem, not a crash.
 */
export function loadLessons(dir: string): LoadedLessons {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => LESSON_FILE.test(name)).sort();
  } catch (err) {
    return { lessons: [], problems: [`The lessons folder ${dir} could not be read: ${err instanceof Error ? err.message : String(err)}`] };
  }
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  const taught = new Map<number, string>();
  for (const name of names) {
    const parsed = parseLesson(name, readFileSync(join(dir, name), "utf8"));
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const { number } = parsed.lesson.frontMatter;
    const earlier = taught.get(number);
    if (earlier) {
      problems.push(`${name}: topic ${number} is already taught by ${earlier}`);
      continue;
    }
    taught.set(number, name);
    lessons.push(parsed.lesson);
  }
  lessons.sort((a, b) => a.frontMatter.number - b.frontMatter.number);
  return { lessons, problems };
}

/** The course as the handlers use it. */
export interface LessonLibrary {
  list(): { lessons: LessonSummary[]; problems: string[] };
  /** The lesson, or DojoError("invalid_input") for an unknown id. */
  get(id: string): Lesson;
  search(query: string): LessonHit[];
  all(): readonly Lesson[];
}

/** Builds the library over a folder; files are read once, on first use. */
export function createLessonLibrary(dir: string): LessonLibrary {
  let loaded: LoadedLessons | null = null;
  const load = () => (loaded ??= loadLessons(dir));
  return {
    list() {
      const { lessons, problems } = load();
      return {
        lessons: lessons.map(({ frontMatter: fm }) => ({ id: fm.id, number: fm.number, title: fm.title, track: fm.track, summary: fm.summary })),
        problems,
      };
    },
    get(id) {
      const lesson = load().lessons.find((l) => l.frontMatter.id === id);
      if (!lesson) throw new DojoError("invalid_input", `There is no lesson "${id}".`);
      return lesson;
    },
    search: (query) => searchLessons(load().lessons, query),
    all: () => load().lessons,
  };
}
