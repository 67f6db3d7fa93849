// Main process (simulator): typed values found in a text (e-mails, dates, amounts, ids, names), so
// structured outputs and tool arguments are filled from what the input states, never invented.

/** A value found in the text, with where it starts (to prefer the one nearest a label). */
export interface Found<T> {
  value: T;
  at: number;
  /** Where the matched text ends. */
  end: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

const pad = (n: number) => String(n).padStart(2, "0");

/** An ISO calendar date, or null when the parts are not a real date. */
function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Every date in the text as ISO yyyy-mm-dd: "2026-03-15", "March 15, 2026", "15 March 2026", "03/15/2026" (month first). */
export function findDates(text: string): Found<string>[] {
  const out: Found<string>[] = [];
  const add = (m: RegExpExecArray, iso: string | null) => {
    if (iso && !out.some((f) => f.at === m.index)) out.push({ value: iso, at: m.index, end: m.index + m[0].length });
  };
  for (const m of text.matchAll(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g)) add(m, isoDate(Number(m[1]), Number(m[2]), Number(m[3])));
  for (const m of text.matchAll(new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "gi"))) add(m, isoDate(Number(m[3]), monthNumber(m[1] ?? ""), Number(m[2])));
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\b`, "gi"))) add(m, isoDate(Number(m[3]), monthNumber(m[2] ?? ""), Number(m[1])));
  for (const m of text.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)) add(m, isoDate(Number(m[3]), Number(m[1]), Number(m[2])));
  return out.sort((a, b) => a.at - b.at);
}

/** Every e-mail address in the text. */
export function findEmails(text: string): Found<string>[] {
  return [...text.matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu)].map((m) => ({ value: m[0], at: m.index, end: m.index + m[0].length }));
}

/**
 * Every amount of money or plain number in the text, as a number ("$1,234.50" -> 1234.5). Digits
 * that belong to a date, an id ("INV-2041") or an e-mail are not amounts.
 */
export function findNumbers(text: string): (Found<number> & { money: boolean })[] {
  const taken: [number, number][] = [];
  for (const f of [...findDates(text), ...findEmails(text)]) taken.push([f.at, f.end]);
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(?:\p{L}+[-#_/]?|#)\d+(?![\p{N}])/gu)) taken.push([m.index, m.index + m[0].length]);
  for (const f of findIds(text)) taken.push([f.at, f.end]);
  const out: (Found<number> & { money: boolean })[] = [];
  const re = /([$€£¥]\s?)?(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(\s?(?:USD|EUR|GBP|JPY|CHF|dollars|euros|pounds))?/gu;
  for (const m of text.matchAll(re)) {
    const at = m.index;
    if (taken.some(([from, to]) => at >= from && at < to)) continue;
    // Part of a longer word ("A1", "x2") is not a number a person stated.
    if (at > 0 && /[\p{L}_]/u.test(text[at - 1] ?? "")) continue;
    out.push({ value: Number((m[2] ?? "").replace(/,/g, "")), at, end: at + m[0].length, money: Boolean(m[1] || m[3]) });
  }
  return out;
}

/** Every identifier-shaped token: "INV-2041", "#4471", "A-123-B", "ORD7781" (letters and digits, or a # number). */
export function findIds(text: string): Found<string>[] {
  const out: Found<string>[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}@.])(#\d{2,}|\p{Lu}[\p{Lu}\p{N}]*[-_/]?\d[\p{L}\p{N}]*(?:[-_/][\p{L}\p{N}]+)*)(?![\p{L}\p{N}@])/gu)) {
    out.push({ value: m[1] ?? m[0], at: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Runs of capitalised words (two or more, or one after a label): names of people and companies. */
export function findNames(text: string): Found<string>[] {
  const out: Found<string>[] = [];
  // No dots inside: "Northwind Traders. Total" is a name and the next sentence.
  const word = "\\p{Lu}[\\p{L}'’-]*";
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${word}(?:[ \\t]+(?:&[ \\t]+|of[ \\t]+|de[ \\t]+|van[ \\t]+)?${word})+)`, "gu");
  for (const m of text.matchAll(re)) out.push({ value: (m[1] ?? "").replace(/\.$/, ""), at: m.index, end: m.index + m[0].length });
  return out;
}

/** The found value nearest after `at` within `reach` characters, else null. */
export function nearestAfter<T>(found: readonly Found<T>[], at: number, reach: number): Found<T> | null {
  return found.find((f) => f.at >= at && f.at - at <= reach) ?? null;
}

const SYMBOL_CURRENCY: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY" };

/** The currency the text states, as an ISO 4217 code ("USD" for "$12", "EUR" for "12 EUR"), or undefined. */
export function findCurrency(text: string): string | undefined {
  const code = /\b(USD|EUR|GBP|JPY|CHF|CAD|AUD|INR|CNY)\b/.exec(text)?.[1];
  if (code) return code;
  const symbol = /[$€£¥](?=\s?\d)/u.exec(text)?.[0];
  return symbol ? SYMBOL_CURRENCY[symbol] : undefined;
}
