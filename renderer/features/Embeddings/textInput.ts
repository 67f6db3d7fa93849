// Renderer: the texts of the embeddings lab from what the user typed or loaded (.txt, .md, .csv).
import { MAX_EMBED_TEXTS } from "../../../shared/contracts/embeddings";

/** The non-blank lines of a text, trimmed: one text per line. */
export function parseTextLines(input: string): string[] {
  return input
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The rows of a CSV text (RFC 4180: quoted fields may hold commas, line breaks and "" for a quote). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The texts in a loaded file: a .csv gives its "text" column when the header names one, else its
 * first column (a header row is skipped only when it names a "text" column); other files give
 * one text per line.
 */
export function textsFromFile(name: string, content: string): string[] {
  if (!/\.csv$/i.test(name)) return parseTextLines(content);
  const rows = parseCsv(content);
  const header = rows[0]?.map((h) => h.trim().toLowerCase()) ?? [];
  const column = header.indexOf("text");
  const body = column >= 0 ? rows.slice(1) : rows;
  return body.map((r) => (r[Math.max(0, column)] ?? "").replace(/\s+/g, " ").trim()).filter(Boolean);
}

/** Why a list of texts cannot be embedded, or null. */
export function textListProblem(texts: readonly string[]): string | null {
  if (!texts.length) return "Enter at least one text (one per line), or load a file.";
  if (texts.length > MAX_EMBED_TEXTS) return `At most ${MAX_EMBED_TEXTS.toLocaleString("en")} texts at a time; this list has ${texts.length.toLocaleString("en")}.`;
  return null;
}
