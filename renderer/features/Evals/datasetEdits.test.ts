// Tests: the in-app dataset table's edits, and the assertions text check.
import { describe, expect, it } from "vitest";
import { Dataset } from "../../../shared/evals";
import { addCase, addColumn, caseAssertionsText, parseAssertionsText, removeCase, setCaseAssertions, setCell, type DatasetDraft } from "./datasetEdits";

const draft: DatasetDraft = { name: "D", columns: ["city"], cases: [{ id: "case-1", vars: { city: "Paris" }, assertions: [] }] };

describe("dataset edits", () => {
  it("adds, edits and removes cases with fresh ids", () => {
    const two = addCase(draft);
    expect(two.cases[1]).toEqual({ id: "case-2", vars: { city: "" }, assertions: [] });
    expect(setCell(two, 1, "city", "Rome").cases[1]?.vars.city).toBe("Rome");
    expect(addCase(removeCase(two, 0)).cases.map((c) => c.id)).toEqual(["case-2", "case-3"]);
  });

  it("adds a column to every case, refusing bad, reserved or repeated names", () => {
    const next = addColumn(draft, "country");
    expect(typeof next === "string" ? next : next.cases[0]?.vars).toEqual({ city: "Paris", country: "" });
    expect(addColumn(draft, "2x")).toMatch(/variable name/);
    expect(addColumn(draft, "id")).toBe('"id" is reserved.');
    expect(addColumn(draft, "city")).toBe('There is already a column "city".');
  });

  it("checks the assertions text, naming the field", () => {
    expect(parseAssertionsText('[{"type":"contains","value":"x"}]')).toEqual({ ok: true, assertions: [{ type: "contains", value: "x" }] });
    expect(parseAssertionsText("")).toEqual({ ok: true, assertions: [] });
    expect(parseAssertionsText('[{"type":"max-latency","ms":0}]')).toMatchObject({ ok: false, error: expect.stringContaining("0.ms") });
    expect(parseAssertionsText("[")).toMatchObject({ ok: false, error: expect.stringContaining("Not valid JSON") });
  });

  it("sets one case's own assertions from its editor's text, leaving the other cases alone", () => {
    const two = addCase(draft);
    const next = setCaseAssertions(two, 1, '[{"type":"regex","pattern":"^Rome"},{"type":"max-latency","ms":500}]');
    if (typeof next === "string") throw new Error(next);
    expect(next.cases[1]?.assertions).toEqual([
      { type: "regex", pattern: "^Rome" },
      { type: "max-latency", ms: 500 },
    ]);
    expect(next.cases[0]).toBe(two.cases[0]);
    // The text it starts from reads back to the same assertions, and a saved dataset keeps them.
    expect(setCaseAssertions(next, 1, caseAssertionsText(next.cases[1] ?? { assertions: [] }))).toEqual(next);
    expect(caseAssertionsText({ assertions: [] })).toBe("[]");
    const saved = Dataset.parse({ format: "prompt-dojo.dataset", formatVersion: 1, id: "d-1", name: next.name, columns: next.columns, cases: next.cases, assertions: [], updatedAt: 1 });
    expect(saved.cases[1]?.assertions).toHaveLength(2);
    // Clearing the text removes them.
    expect(setCaseAssertions(next, 1, "")).toMatchObject({ cases: [{ assertions: [] }, { assertions: [] }] });
  });

  it("refuses a case's assertions the shared schema refuses, naming the case and the field", () => {
    expect(setCaseAssertions(draft, 0, '[{"type":"contains"}]')).toMatch(/^Case case-1: 0\.value/);
    expect(setCaseAssertions(draft, 0, '[{"type":"max-latency","ms":-1}]')).toMatch(/^Case case-1: 0\.ms/);
    expect(setCaseAssertions(draft, 0, '[{"type":"no-such-check"}]')).toMatch(/^Case case-1: /);
    expect(setCaseAssertions(draft, 0, "{")).toMatch(/^Case case-1: Not valid JSON/);
    expect(setCaseAssertions(draft, 5, "[]")).toBe("There is no case number 6.");
  });
});
