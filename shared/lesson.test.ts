// Tests of the lesson format: front matter, the six body sections, and the cross-checks with topics.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lessonCards, parseLesson, parseSections, splitFrontMatter } from "./lesson";

const GOOD_NAME = "09-max-output-tokens.md";
const good = readFileSync(join(import.meta.dirname, "../lessons", GOOD_NAME), "utf8");

describe("parseLesson", () => {
  it("accepts a real lesson and returns its parts", () => {
    const parsed = parseLesson(GOOD_NAME, good);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lesson.frontMatter.number).toBe(9);
    expect(parsed.lesson.sections.map((s) => s.key)).toEqual(["what", "why", "wire", "example", "mistakes", "interview"]);
    expect(parsed.lesson.frontMatter.preset.simulatorFailure).toBe("none");
  });

  it("names the file and the field when the front matter breaks the schema", () => {
    const broken = good.replace("number: 9", "number: 60");
    const parsed = parseLesson(GOOD_NAME, broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.join("\n")).toMatch(/^09-max-output-tokens\.md: .*number/m);
  });

  it("refuses a lesson whose number, id or file name disagrees with the topic list", () => {
    const parsed = parseLesson("10-max-output-tokens.md", good);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join(" ")).toContain("should be named 09-max-output-tokens.md");
  });

  it("refuses invalid YAML, missing front matter, and a wrong attempt equal to the solution", () => {
    expect(parseLesson(GOOD_NAME, "# no front matter").ok).toBe(false);
    expect(parseLesson(GOOD_NAME, good.replace("title: Max output tokens", "title: [unclosed")).ok).toBe(false);
    const same = good.replace("max_completion_tokens: 300\n    simulatorFailure: none\n    why:", "max_completion_tokens: 8\n    simulatorFailure: none\n    why:");
    const parsed = parseLesson(GOOD_NAME, same);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join(" ")).toContain("wrong attempt is the same as its solution");
  });

  it("takes tool settings with a preset, defaulting the step limit, and refuses settings for an undefined tool", () => {
    const tools = [
      "    tools:",
      "      - type: function",
      "        function: { name: get_order_status, parameters: { type: object, properties: { order_id: { type: string } } } }",
      "  tools:",
      "    settings:",
      "      get_order_status: { sensitive: false, mock: { kind: fixed, json: '{\"status\":\"shipped\"}' }, limits: [] }",
      "  simulatorFailure: none",
      "exercise:",
    ].join("\n");
    const withTools = good.replace("    max_completion_tokens: 300\n  simulatorFailure: none\nexercise:", `    max_completion_tokens: 300\n${tools}`);
    expect(withTools).not.toBe(good);
    const parsed = parseLesson(GOOD_NAME, withTools);
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    expect(parsed.lesson.frontMatter.preset.tools).toEqual({ settings: { get_order_status: { sensitive: false, mock: { kind: "fixed", json: '{"status":"shipped"}' }, limits: [] } }, stepLimit: 5 });
    const typo = parseLesson(GOOD_NAME, withTools.replace("      get_order_status: { sensitive", "      get_order_stat: { sensitive"));
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.problems.join(" ")).toContain('preset.tools.settings names "get_order_stat"');
  });

  it("refuses an exercise assertion the assertion engine does not know", () => {
    const parsed = parseLesson(GOOD_NAME, good.replace("type: finish-reason", "type: finish-reasons"));
    expect(parsed.ok).toBe(false);
  });

  it("takes an embeddings exercise with its lab preset, and refuses one without it or with a probe named twice", () => {
    const name = "18-embeddings.md";
    const text = readFileSync(join(import.meta.dirname, "../lessons", name), "utf8");
    const parsed = parseLesson(name, text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      const { exercise, embeddingsPreset } = parsed.lesson.frontMatter;
      expect(exercise.source).toBe("embeddings");
      expect(embeddingsPreset?.texts.length).toBeGreaterThan(1);
      if (exercise.source === "embeddings") expect(exercise.probes[0]).toMatchObject({ kind: "closer", name: "catNearCat" });
    }
    const noPreset = parseLesson(name, text.replace(/^embeddingsPreset:\n(?: {2}.*\n)+/m, ""));
    expect(noPreset.ok).toBe(false);
    if (!noPreset.ok) expect(noPreset.problems.join(" ")).toContain("needs an embeddingsPreset");
    const twice = parseLesson(name, text.replace("name: marketsNearMarkets", "name: catNearCat"));
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.problems.join(" ")).toContain("catNearCat are used more than once");
  });

  it("gives review cards stable ids, the interview question last", () => {
    const parsed = parseLesson(GOOD_NAME, good);
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const cards = lessonCards(parsed.lesson.frontMatter);
    expect(cards.map((c) => c.cardId)).toEqual(["max-output-tokens#1", "max-output-tokens#2", "max-output-tokens#3"]);
    expect(cards[2]!.card.question).toBe(parsed.lesson.frontMatter.interview.question);
  });
});

describe("parseSections", () => {
  const body = (headings: string[]) => headings.map((h) => `## ${h}\n\ntext for ${h}\n`).join("\n");
  const six = ["What it is", "Why it matters", "On the wire", "A realistic example", "Common mistakes", "In an interview"];

  it("requires the six sections in order", () => {
    expect(parseSections(body(six)).ok).toBe(true);
    const swapped = [six[1]!, six[0]!, ...six.slice(2)];
    expect(parseSections(body(swapped)).ok).toBe(false);
    expect(parseSections(body(six.slice(0, 5))).ok).toBe(false);
  });

  it("ignores ## lines inside code fences, and refuses an empty section", () => {
    const fenced = body(six).replace("text for On the wire", "```\n## not a heading\n```");
    expect(parseSections(fenced).ok).toBe(true);
    const empty = body(six).replace("text for Common mistakes", "");
    const parsed = parseSections(empty);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toContain("Common mistakes");
  });
});

describe("splitFrontMatter", () => {
  it("splits at the closing --- and tolerates a byte-order mark and CRLF", () => {
    expect(splitFrontMatter("\uFEFF---\r\na: 1\r\n---\r\nbody")).toEqual({ yaml: "a: 1", body: "body" });
    expect(splitFrontMatter("a: 1\nbody")).toBeNull();
  });
});
