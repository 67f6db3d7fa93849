// Tests of the lesson Markdown reader.
import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "./markdown";

describe("parseMarkdown", () => {
  it("reads headings, paragraphs joined across lines, and both kinds of list", () => {
    const blocks = parseMarkdown("## Title\n\nOne line\nand the next.\n\n- a\n- b\n  continued\n\n1. first\n2. second");
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "list", "list"]);
    expect(blocks[1]).toEqual({ kind: "paragraph", inlines: [{ kind: "text", text: "One line and the next." }] });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: "a" }], [{ text: "b continued" }]] });
    expect(blocks[3]).toMatchObject({ ordered: true });
  });

  it("keeps fenced code verbatim, including lines that look like Markdown", () => {
    const blocks = parseMarkdown("```json\n{ \"a\": 1 }\n## not a heading\n```\nafter");
    expect(blocks[0]).toEqual({ kind: "code", language: "json", text: '{ "a": 1 }\n## not a heading' });
    expect(blocks[1]).toMatchObject({ kind: "paragraph" });
  });
});

describe("parseInline", () => {
  it("splits code, bold and emphasis, leaving stray markers as text", () => {
    expect(parseInline("set `stream: true` **now**, *then* 2 * 3")).toEqual([
      { kind: "text", text: "set " },
      { kind: "code", text: "stream: true" },
      { kind: "text", text: " " },
      { kind: "strong", text: "now" },
      { kind: "text", text: ", " },
      { kind: "em", text: "then" },
      { kind: "text", text: " 2 * 3" },
    ]);
  });
});
