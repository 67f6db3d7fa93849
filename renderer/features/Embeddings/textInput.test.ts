// Tests (Node): reading the lab's texts from typed lines and loaded files.
import { describe, expect, it } from "vitest";
import { parseCsv, parseTextLines, textListProblem, textsFromFile } from "./textInput";

describe("text input", () => {
  it("takes one text per non-blank line", () => {
    expect(parseTextLines(" cats purr \r\n\n dogs bark\r")).toEqual(["cats purr", "dogs bark"]);
  });

  it("parses quoted CSV fields with commas, quotes and line breaks", () => {
    expect(parseCsv('a,"b, c","say ""hi""\nthere"\r\nd,e,f')).toEqual([
      ["a", "b, c", 'say "hi"\nthere'],
      ["d", "e", "f"],
    ]);
  });

  it("reads the text column of a CSV with a header, else its first column", () => {
    expect(textsFromFile("data.csv", 'id,text\n1,"cats, purring"\n2,dogs\n')).toEqual(["cats, purring", "dogs"]);
    expect(textsFromFile("DATA.CSV", "cats,1\ndogs,2")).toEqual(["cats", "dogs"]);
    expect(textsFromFile("notes.md", "# Title\n\n- item")).toEqual(["# Title", "- item"]);
  });

  it("explains an empty or oversized list", () => {
    expect(textListProblem([])).toMatch(/at least one text/);
    expect(textListProblem(Array.from({ length: 20_001 }, () => "x"))).toMatch(/At most 20,000/);
    expect(textListProblem(["x"])).toBeNull();
  });
});
