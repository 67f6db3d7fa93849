// Tests: the in-app dataset table's edits, and the assertions text check.
import { describe, expect, it } from "vitest";
import { addCase, addColumn, parseAssertionsText, removeCase, setCell, type DatasetDraft } from "./datasetEdits";

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
});
