// Both processes: CSV text to rows (RFC 4180: quoted fields, doubled quotes, newlines inside quotes).
// Fields are sliced out of the text, never built a character at a time: an import of the size the
// contract allows (20 M characters) is read in well under a second on the main side.

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** How many "\n" `text` holds from `from` to `to`. */
function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf("\n", from); at !== -1 && at < to; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/** Parses CSV into rows of fields. Throws on a quote left open, naming the line it opened on. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let line = 1;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM from spreadsheet exports
  const end = body.length;
  let i = 0;
  while (i < end) {
    const c = body.charCodeAt(i);
    if (c === QUOTE && field === "") {
      // A quoted stretch: up to the next lone quote; a doubled quote is one quote of the field.
      const quoteLine = line;
      i++;
      for (;;) {
        const close = body.indexOf('"', i);
        if (close === -1) throw new Error(`a quoted field opened on line ${quoteLine} is never closed`);
        line += newlines(body, i, close);
        field += body.slice(i, close);
        if (body.charCodeAt(close + 1) === QUOTE) {
          field += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    } else if (c === COMMA) {
      row.push(field);
      field = "";
      i++;
    } else if (c === LF || c === CR) {
      i += c === CR && body.charCodeAt(i + 1) === LF ? 2 : 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      line++;
    } else {
      // Plain text up to the next comma or line end (a quote inside it is an ordinary character).
      let stop = i + 1;
      while (stop < end) {
        const d = body.charCodeAt(stop);
        if (d === COMMA || d === LF || d === CR) break;
        stop++;
      }
      field += body.slice(i, stop);
      i = stop;
    }
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines (one empty field) carry no case.
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}
