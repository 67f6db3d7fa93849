// Renderer tests: problems become markers on the right line, covering the token they point at.
import { describe, expect, it } from "vitest";
import { MARKER_SEVERITY, problemsToMarkers } from "./markers";

const lines = ["{", '  "type": "object",', '  "properties": { "age": { "type": "integer" } }', "}"];

describe("problemsToMarkers", () => {
  it("covers the quoted key the problem points at", () => {
    const [marker] = problemsToMarkers([{ message: "m", line: 3, column: 19, severity: "error" }], lines);
    expect(marker).toMatchObject({ startLineNumber: 3, startColumn: 19, endLineNumber: 3, severity: MARKER_SEVERITY.error });
    expect(lines[2]?.slice((marker?.startColumn ?? 1) - 1, (marker?.endColumn ?? 1) - 1)).toBe('"age"');
  });

  it("covers a bare value, and keeps warnings as warnings", () => {
    const [marker] = problemsToMarkers([{ message: "w", line: 1, column: 1, severity: "warning" }], ["true,"]);
    expect(marker).toMatchObject({ startColumn: 1, endColumn: 5, severity: MARKER_SEVERITY.warning });
  });

  it("pulls a position past the text back onto it", () => {
    const [marker] = problemsToMarkers([{ message: "m", line: 9, column: 40, severity: "error" }], lines);
    expect(marker).toMatchObject({ startLineNumber: 4, startColumn: 2, endColumn: 3 });
  });
});
