// Renderer: problems placed on lines (schema checks, argument checks) as Monaco marker data.
// Pure: knows Monaco's shapes, not Monaco itself, so it is tested without a browser.

/** A problem at a 1-based line and column. */
export interface EditorProblem {
  message: string;
  line: number;
  column: number;
  severity: "error" | "warning";
}

/** Monaco's MarkerSeverity values (monaco.MarkerSeverity.Error / Warning). */
export const MARKER_SEVERITY = { error: 8, warning: 4 } as const;

/** The fields of Monaco's IMarkerData this editor sets. */
export interface MarkerData {
  message: string;
  severity: number;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  source: string;
}

/**
 * One marker per problem. A problem points at a position; the marker runs from there to the end
 * of the token that starts there (a key, a value), or to the end of the line, so the squiggle
 * covers something visible. Positions past the text are pulled back onto it.
 */
export function problemsToMarkers(problems: readonly EditorProblem[], lines: readonly string[]): MarkerData[] {
  return problems.map((p) => {
    const lineNumber = Math.min(Math.max(1, p.line), Math.max(1, lines.length));
    const text = lines[lineNumber - 1] ?? "";
    const column = Math.min(Math.max(1, p.column), text.length + 1);
    const rest = text.slice(column - 1);
    const token = /^("(?:[^"\\]|\\.)*"?|[^\s,:{}[\]]+)/.exec(rest)?.[0] ?? rest.trimEnd();
    const endColumn = Math.max(column + 1, column + token.length);
    return {
      message: p.message,
      severity: MARKER_SEVERITY[p.severity],
      startLineNumber: lineNumber,
      startColumn: column,
      endLineNumber: lineNumber,
      endColumn,
      source: "Prompt Dojo",
    };
  });
}
