// Renderer: edits of a dataset in the in-app table: cells, rows, columns, and the assertions texts
// (every case's, and each case's own).
import { Assertions, type Assertion } from "../../../shared/assertions";
import type { EvalCase } from "../../../shared/evals";
import { describeZodError } from "../../../shared/errors";

/** How `{{variables}}` in assertion values are filled (the rules of shared/assertionVars). */
export const VARIABLES_HINT =
  "Values may use {{column}}, filled from each case; in a regex pattern the case's value is matched literally (escaped); a JSON schema is not filled. A variable the case does not have fails that check.";

/** The editable part of a dataset. */
export interface DatasetDraft {
  name: string;
  columns: string[];
  cases: EvalCase[];
}

/** A case id not used yet: case-1, case-2... */
function nextCaseId(cases: readonly EvalCase[]): string {
  const used = new Set(cases.map((c) => c.id));
  for (let n = cases.length + 1; ; n++) if (!used.has(`case-${n}`)) return `case-${n}`;
}

/** Sets one variable of one case. */
export function setCell(draft: DatasetDraft, caseIndex: number, column: string, value: string): DatasetDraft {
  return { ...draft, cases: draft.cases.map((c, i) => (i === caseIndex ? { ...c, vars: { ...c.vars, [column]: value } } : c)) };
}

/** Adds an empty case at the end. */
export function addCase(draft: DatasetDraft): DatasetDraft {
  const vars = Object.fromEntries(draft.columns.map((c) => [c, ""]));
  return { ...draft, cases: [...draft.cases, { id: nextCaseId(draft.cases), vars, assertions: [] }] };
}

/** Removes a case. */
export function removeCase(draft: DatasetDraft, caseIndex: number): DatasetDraft {
  return { ...draft, cases: draft.cases.filter((_, i) => i !== caseIndex) };
}

/** Adds a column (a `{{variable}}` name); refuses a blank, reserved or repeated name. */
export function addColumn(draft: DatasetDraft, name: string): DatasetDraft | string {
  const column = name.trim();
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(column)) return "A column name is a variable name: letters, digits, _ . or -, not starting with a digit.";
  if (column === "id" || column === "assertions") return `"${column}" is reserved.`;
  if (draft.columns.includes(column)) return `There is already a column "${column}".`;
  return { ...draft, columns: [...draft.columns, column], cases: draft.cases.map((c) => ({ ...c, vars: { ...c.vars, [column]: "" } })) };
}

/** Parses the assertions text (a JSON array); the error names the field. */
export function parseAssertionsText(text: string): { ok: true; assertions: Assertion[] } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = text.trim() ? JSON.parse(text) : [];
  } catch (err) {
    return { ok: false, error: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = Assertions.safeParse(raw);
  return parsed.success ? { ok: true, assertions: parsed.data } : { ok: false, error: describeZodError(parsed.error) };
}

/** A case's own assertions as the text its editor starts from (a JSON array, one per line). */
export function caseAssertionsText(item: Pick<EvalCase, "assertions">): string {
  return item.assertions.length ? `[\n${item.assertions.map((a) => `  ${JSON.stringify(a)}`).join(",\n")}\n]` : "[]";
}

/**
 * Sets one case's own assertions from the text of its editor, checked with the shared schema;
 * refused with a message naming the case and the field.
 */
export function setCaseAssertions(draft: DatasetDraft, caseIndex: number, text: string): DatasetDraft | string {
  const item = draft.cases[caseIndex];
  if (!item) return `There is no case number ${caseIndex + 1}.`;
  const parsed = parseAssertionsText(text);
  if (!parsed.ok) return `Case ${item.id}: ${parsed.error}`;
  return { ...draft, cases: draft.cases.map((c, i) => (i === caseIndex ? { ...c, assertions: parsed.assertions } : c)) };
}
