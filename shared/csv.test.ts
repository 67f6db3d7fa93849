// Tests: the CSV reader handles quotes, commas and newlines inside fields, CRLF and BOMs.
import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";

describe("parseCsv", () => {
  it("reads plain rows, skipping blank lines", () => {
    expect(parseCsv("a,b\n1,2\n\n3,4\n")).toEqual([["a", "b"], ["1", "2"], ["3", "4"]]);
  });
  it("reads quoted fields with commas, doubled quotes and newlines, CRLF and a BOM", () => {
    expect(parseCsv('\uFEFFq,expected\r\n"Hello, ""you""","line1\nline2"\r\n')).toEqual([["q", "expected"], ['Hello, "you"', "line1\nline2"]]);
  });
  it("keeps empty fields", () => {
    expect(parseCsv("a,,c\n,,")).toEqual([["a", "", "c"], ["", "", ""]]);
  });
  it("names the line of a quote never closed", () => {
    expect(() => parseCsv('a\n"open\nmore')).toThrow("a quoted field opened on line 2 is never closed");
  });
});
