// Tests: CSV and JSON Lines datasets become cases; mistakes are named by line and field.
import { describe, expect, it } from "vitest";
import { casesFromCsv, casesFromFile, casesFromJsonl } from "./datasetImport";

describe("dataset import", () => {
  it("reads CSV columns as variables, with optional id and per-case assertions", () => {
    const csv = 'id,city,expected,assertions\nparis,Paris,France,"[{""type"":""contains"",""value"":""France""}]"\n,Rome,Italy,\n';
    const { columns, cases } = casesFromCsv(csv);
    expect(columns).toEqual(["city", "expected"]);
    expect(cases).toEqual([
      { id: "paris", vars: { city: "Paris", expected: "France" }, assertions: [{ type: "contains", value: "France" }] },
      { id: "case-2", vars: { city: "Rome", expected: "Italy" }, assertions: [] },
    ]);
  });

  it("reads JSON Lines, collecting columns from every line", () => {
    const { columns, cases } = casesFromJsonl('{"q":"a"}\n\n{"q":"b","n":2}\n');
    expect(columns).toEqual(["q", "n"]);
    expect(cases[1]?.vars).toEqual({ q: "b", n: "2" });
    expect(casesFromFile("x.jsonl", '{"q":"a"}').cases).toHaveLength(1);
  });

  it("names the line and field of a mistake", () => {
    expect(() => casesFromCsv("a,b\n1\n")).toThrow("line 2: 1 fields, but the header has 2");
    expect(() => casesFromJsonl('{"q":1}\n{oops')).toThrow("line 2: not valid JSON");
    expect(() => casesFromJsonl('{"assertions":[{"type":"max-cost","usd":-1}]}')).toThrow("line 1: assertions.0.usd");
    expect(() => casesFromCsv("id\nx\nx\n")).toThrow('line 3: the id "x" is used twice');
  });
});
