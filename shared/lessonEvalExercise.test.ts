// Tests of the lesson format's eval exercises (graded on an evaluation run): a real one parses, and
// the cross-checks refuse a missing eval preset, unknown columns and variables, and clashing names.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dump, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { parseLesson, splitFrontMatter } from "./lesson";

const NAME = "26-evaluation-datasets.md";
const text = readFileSync(join(import.meta.dirname, "../lessons", NAME), "utf8");
const split = splitFrontMatter(text);
if (!split) throw new Error(`${NAME} has no front matter`);
const body = split.body;

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- edited freely by each test

/** The lesson with its front matter changed by `edit` (YAML aliases are expanded into copies first). */
function withFrontMatter(edit: (fm: Mutable) => void): string {
  const fm = structuredClone(load(split!.yaml)) as Mutable;
  edit(fm);
  return `---\n${dump(fm, { noRefs: true })}---\n${body}`;
}
const problemsOf = (lessonText: string) => {
  const parsed = parseLesson(NAME, lessonText);
  return parsed.ok ? [] : parsed.problems.join("\n");
};

describe("eval exercises in lesson files", () => {
  it("accept a real lesson graded on an evaluation run, with its eval preset, probes and default settings", () => {
    const parsed = parseLesson(NAME, text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { exercise, evalPreset } = parsed.lesson.frontMatter;
    expect(exercise.source).toBe("eval");
    if (exercise.source !== "eval") return;
    expect(exercise.probes[0]).toMatchObject({ kind: "case", name: "mixedTicketChecked", withAssertions: true });
    expect(evalPreset?.dataset.cases.length).toBe(3);
    // The YAML aliases were expanded: the solution and the wrong attempt share the prompt version.
    expect(exercise.solution.variants[0]).toEqual(exercise.wrongAttempt.variants[0]);
    const noSettings = withFrontMatter((fm) => delete fm.exercise.solution.settings);
    const reparsed = parseLesson(NAME, noSettings);
    expect(reparsed.ok && reparsed.lesson.frontMatter.exercise.source === "eval" && reparsed.lesson.frontMatter.exercise.solution.settings).toEqual({ concurrency: 4, cache: false, mode: "direct" });
  });

  it("refuse an eval exercise without an eval preset to start from", () => {
    expect(problemsOf(withFrontMatter((fm) => delete fm.evalPreset))).toMatch(/an eval exercise needs an evalPreset/);
  });

  it("refuse a case filling a column the dataset lacks, and a {{variable}} with no column", () => {
    const badColumn = withFrontMatter((fm) => (fm.exercise.solution.dataset.cases[0].vars = { subject: "x" }));
    expect(problemsOf(badColumn)).toMatch(/exercise\.solution\.dataset case "billing-double-charge" fills subject, which are not columns/);
    const badVariable = withFrontMatter((fm) => (fm.evalPreset.variants[0].request.messages[1].content = "Ticket: {{body}}"));
    expect(problemsOf(badVariable)).toMatch(/evalPreset\.variants\[0\] uses \{\{body\}\}, which the dataset has no column for/);
  });

  it("refuse repeated case ids, repeated version labels, and probe names that clash with each other or with run facts", () => {
    const twiceCase = withFrontMatter((fm) => (fm.exercise.solution.dataset.cases[1].id = "billing-double-charge"));
    expect(problemsOf(twiceCase)).toMatch(/case ids billing-double-charge more than once/);
    const twiceLabel = withFrontMatter((fm) => fm.exercise.solution.variants.push(fm.exercise.solution.variants[0]));
    expect(problemsOf(twiceLabel)).toMatch(/variants repeat a label/);
    const twiceProbe = withFrontMatter((fm) => fm.exercise.probes.push(fm.exercise.probes[0]));
    expect(problemsOf(twiceProbe)).toMatch(/probe names mixedTicketChecked are used more than once/);
    const reserved = withFrontMatter((fm) => (fm.exercise.probes[0].name = "allPassed"));
    expect(problemsOf(reserved)).toMatch(/probe names allPassed are already facts of an evaluation run/);
  });

  it("refuse a wrong attempt equal to the solution, and a probe pattern that is not a regular expression", () => {
    const same = withFrontMatter((fm) => (fm.exercise.wrongAttempt = { ...fm.exercise.solution, why: "same" }));
    expect(problemsOf(same)).toMatch(/wrong attempt is the same as its solution/);
    const badPattern = withFrontMatter((fm) => (fm.exercise.probes[0].vars.ticket = "(unclosed"));
    expect(problemsOf(badPattern)).toMatch(/not a valid regular expression/);
  });
});
