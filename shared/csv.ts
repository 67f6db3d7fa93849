// Both processes: CSV text to rows (RFC 4180: quoted fields, doubled quotes, newlines inside quotes).

/** Parses CSV into rows of fields. Throws on a quote left open, naming the line it opened on. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM from spreadsheet exports
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      quoteLine = line;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      line++;
    } else field += c;
  }
  if (quoted) throw new Error(`a quoted field opened on line ${quoteLine} is never closed`);
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines (one empty field) carry no case.
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}
