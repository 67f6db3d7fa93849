// Both processes: dataset files (CSV with a header row, or JSON Lines of objects) to cases. A column
// named `assertions` holds a case's own assertions as JSON; every other column is a variable.
import { Assertions, type Assertion } from "./assertions";
import { parseCsv } from "./csv";
import { describeZodError } from "./errors";
import { JsonTooDeepError, parseJsonWithin } from "./jsonDepth";
import type { EvalCase } from "./evals";

/** The column that carries per-case assertions instead of a variable. */
export const ASSERTIONS_COLUMN = "assertions";
/** The column that names a case; otherwise cases are numbered. */
export const ID_COLUMN = "id";

/** Cases read from a file, with the variable columns in order. */
export interface ImportedCases {
  columns: string[];
  cases: EvalCase[];
}

function caseAssertions(raw: unknown, where: string): Assertion[] {
  if (raw === undefined || raw === "" || raw === null) return [];
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = parseJsonWithin(raw);
    } catch (err) {
      throw new Error(`${where}: assertions ${err instanceof JsonTooDeepError ? "is nested too deep" : "is not valid JSON"}`);
    }
  }
  const parsed = Assertions.safeParse(value);
  if (!parsed.success) throw new Error(`${where}: assertions.${describeZodError(parsed.error)}`);
  return parsed.data;
}

function toCase(fields: Record<string, unknown>, index: number, where: string, ids: Set<string>): EvalCase {
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === ASSERTIONS_COLUMN || key === ID_COLUMN) continue;
    vars[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  const rawId = fields[ID_COLUMN];
  const id = rawId === undefined || rawId === "" ? `case-${index + 1}` : String(rawId);
  if (ids.has(id)) throw new Error(`${where}: the id "${id}" is used twice`);
  ids.add(id);
  return { id, vars, assertions: caseAssertions(fields[ASSERTIONS_COLUMN], where) };
}

/** Reads CSV: the first row names the columns. Errors name the line. */
export function casesFromCsv(text: string): ImportedCases {
  const [header, ...rows] = parseCsv(text);
  if (!header || header.every((h) => h.trim() === "")) throw new Error("The CSV has no header row naming its columns.");
  const names = header.map((h) => h.trim());
  const dup = names.find((n, i) => n && names.indexOf(n) !== i);
  if (dup) throw new Error(`The CSV names the column "${dup}" twice.`);
  const ids = new Set<string>();
  const cases = rows.map((row, i) => {
    if (row.length !== names.length) throw new Error(`line ${i + 2}: ${row.length} fields, but the header has ${names.length}`);
    return toCase(Object.fromEntries(names.map((n, j) => [n, row[j] ?? ""])), i, `line ${i + 2}`, ids);
  });
  return { columns: names.filter((n) => n !== ASSERTIONS_COLUMN && n !== ID_COLUMN), cases };
}

/** Reads JSON Lines: one object per line; the columns are every key seen, in order of appearance. */
export function casesFromJsonl(text: string): ImportedCases {
  const columns: string[] = [];
  const ids = new Set<string>();
  const cases: EvalCase[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      // Depth-limited: each value is stringified back into a variable, which recurses.
      value = parseJsonWithin(line);
    } catch (err) {
      throw new Error(`line ${i + 1}: ${err instanceof JsonTooDeepError ? err.message : "not valid JSON"}`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`line ${i + 1}: expected a JSON object`);
    for (const key of Object.keys(value)) if (key !== ASSERTIONS_COLUMN && key !== ID_COLUMN && !columns.includes(key)) columns.push(key);
    cases.push(toCase(value as Record<string, unknown>, cases.length, `line ${i + 1}`, ids));
  });
  return { columns, cases };
}

/** Reads a dataset file by its name's extension (.csv, else JSON Lines). */
export function casesFromFile(fileName: string, text: string): ImportedCases {
  return /\.csv$/i.test(fileName) ? casesFromCsv(text) : casesFromJsonl(text);
}
