// Main process (simulator): values for schema properties taken from the conversation, so tool
// arguments and structured outputs echo what the user actually wrote (and stay empty when it did not).
import { findCurrency, findDates, findEmails, findIds, findNames, findNumbers, nearestAfter, type Found } from "./extractValues";
import type { InstanceHints } from "./jsonInstance";
import { identifierWords } from "./words";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The property name as words a person would write: "zip_code" -> "zip code". */
function spoken(name: string): string {
  return identifierWords(name).map(escapeRegExp).join("[ _-]?");
}

const PLACE_NAMES = new Set(["location", "city", "place", "town", "country", "destination", "origin", "region"]);
const FREE_TEXT_NAMES = new Set(["query", "q", "text", "prompt", "question", "input", "message", "search", "topic"]);

/** Words of a field name that say what kind of value it holds. */
const EMAIL_WORDS = new Set(["email", "mail", "e"]);
const DATE_WORDS = new Set(["date", "due", "dob", "birthday", "deadline", "issued", "day", "when"]);
const AMOUNT_WORDS = new Set(["total", "amount", "price", "cost", "subtotal", "tax", "vat", "balance", "fee", "sum", "paid", "charge", "refund"]);
const ID_WORDS = new Set(["id", "number", "no", "num", "ref", "reference", "code", "sku", "ticker", "symbol"]);
const NAME_WORDS = new Set(["name", "vendor", "supplier", "customer", "company", "merchant", "seller", "buyer", "client", "author", "person", "sender", "recipient", "payee", "payer", "employee", "manager", "contact"]);
/** Generic words that do not label a value on their own ("name" alone would match every "name:"). */
const GENERIC = new Set(["name", "number", "id", "value", "date", "no", "num", "full", "first", "the"]);
/** Names that say only "a number" ("value", "quantity"), so the text's only number is theirs. */
const GENERIC_NUMBER_NAMES = new Set(["value", "number", "num", "n", "x", "quantity", "qty", "count", "amount", "input", "temperature", "degrees"]);
/** Dates that a plain "date" field must not take unless their label is written. */
const SPECIFIC_DATE = new Set(["due", "birth", "dob", "birthday", "expiry", "expires", "start", "end", "delivery", "ship", "shipped", "deadline"]);

/** Other ways a document labels the same thing (an invoice says "Bill to", the schema "customer"). */
const LABEL_SYNONYMS: Record<string, string[]> = {
  vendor: ["vendor", "supplier", "from", "seller", "billed by", "merchant", "issued by"],
  supplier: ["supplier", "vendor", "from", "seller"],
  customer: ["customer", "bill to", "billed to", "client", "sold to", "buyer"],
  total: ["total", "amount due", "grand total", "total due", "balance due", "total amount"],
  amount: ["amount", "total", "amount due"],
  due: ["due", "due date", "payment due", "due by", "pay by"],
  invoice: ["invoice", "invoice no", "invoice number", "invoice #", "invoice id"],
  email: ["email", "e-mail", "mail", "contact"],
  order: ["order", "order no", "order number", "order #", "order id"],
};

/** Whether a name's words meet a set. */
const meets = (words: readonly string[], set: ReadonlySet<string>) => words.some((w) => set.has(w));

/** Connectors between a label and its value: "city: Paris", "city is Paris", "total = 12". */
const CONNECTOR = String.raw`\s*(?:(?:is|was|are|of|to|no|number)(?![\p{L}\p{N}])\.?|[=:#])?\s*["']?`;

/** Words that end a value written after "is" or ":" ("subject is Holiday plans and ..."). */
const VALUE_STOP = new Set(["and", "or", "but", "then", "using", "please", "with", "for", "via", "by"]);

/**
 * Where values labelled for `name` start in `text`: just past each label ("Vendor:", "bill to",
 * "invoice no."), in order of the label's strength (the whole name first, then its synonyms).
 */
function labelStarts(name: string, text: string): { at: number; connected: boolean }[] {
  const words = identifierWords(name);
  const labels = new Set<string>([spoken(name)]);
  // A word of a longer name labels its value alone only when the name says what kind of value
  // it is ("vendor_name" is written "Vendor:"); otherwise "short_summary" would match "short".
  const typed = [EMAIL_WORDS, DATE_WORDS, AMOUNT_WORDS, ID_WORDS, NAME_WORDS].some((set) => meets(words, set));
  for (const w of words) {
    for (const synonym of LABEL_SYNONYMS[w] ?? []) labels.add(synonym.split(" ").map(escapeRegExp).join("\\s+"));
    if (typed && !GENERIC.has(w) && w.length >= 3) labels.add(escapeRegExp(w));
  }
  const out: { at: number; connected: boolean }[] = [];
  for (const label of labels) {
    // The label is matched case-insensitively; the value after it is read case-sensitively below.
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${label}(?![\\p{L}\\p{N}])(${CONNECTOR})`, "giu");
    for (const m of text.matchAll(re)) {
      const at = m.index + m[0].length;
      if (!out.some((o) => o.at === at)) out.push({ at, connected: /[:=]|\bis\b|\bwas\b|\bare\b/i.test(m[1] ?? "") });
    }
  }
  return out;
}

/**
 * The words written after a label. After an explicit connector ("subject is Holiday plans") the
 * value runs to the end of the clause; otherwise ("ticker ACME using lookup") only a token and the
 * capitalised words that follow it (case-sensitively: "using" is not part of the ticker).
 */
function valueAt(text: string, at: number, connected: boolean): string | undefined {
  const rest = text.slice(at);
  if (connected) {
    const clause = /^[^,;!?\n()]*/u.exec(rest)?.[0] ?? "";
    const sentenceEnd = clause.search(/\.(\s|$)/);
    const tokens: string[] = [];
    for (const token of (sentenceEnd >= 0 ? clause.slice(0, sentenceEnd) : clause).trim().split(/\s+/)) {
      if (!token || tokens.length >= 6 || (tokens.length && VALUE_STOP.has(token.toLowerCase()))) break;
      tokens.push(token);
    }
    return tokens.join(" ").replace(/["']$/, "") || undefined;
  }
  const m = /^([\p{L}\p{N}@._/+-]+(?: [\p{Lu}\p{N}][\p{L}\p{N}-]*)*)/u.exec(rest);
  return m?.[1]?.replace(/[.]+$/, "") || undefined;
}

/** The first found value at one of the label positions (nearest after the label, within reach). */
function labelled<T>(found: readonly Found<T>[], starts: readonly { at: number }[], reach: number): T | undefined {
  for (const start of starts) {
    const hit = nearestAfter(found, start.at, reach);
    if (hit) return hit.value;
  }
  return undefined;
}

/**
 * Hints drawn from `text` (normally the last user message):
 * - typed values: e-mails, dates (as ISO yyyy-mm-dd), amounts, ids and names, chosen by the field's
 *   name and format, the one written after the field's label first ("Total: $1,234.50");
 * - a property named in the text ("city: Paris", "city is Paris", "units = celsius") takes the words after it;
 * - place-like properties (location, city...) take the first capitalised word that does not start a sentence;
 * - free-text properties (query, text...) take the whole message;
 * - an enum takes the first of its values that the text mentions.
 * A field the text holds no value for gets undefined, which a nullable field turns into null.
 */
export function conversationHints(text: string): InstanceHints {
  const dates = findDates(text);
  const emails = findEmails(text);
  const numbers = findNumbers(text);
  const ids = findIds(text);
  const names = findNames(text);
  return {
    nullWhenAbsent: true,
    stringFor(name, format) {
      if (!name) return undefined;
      const words = identifierWords(name);
      const starts = labelStarts(name, text);
      if (format === "email" || meets(words, EMAIL_WORDS)) return labelled(emails, starts, 60) ?? emails[0]?.value;
      if (format === "date" || format === "date-time" || meets(words, DATE_WORDS) || words.at(-1) === "on") {
        const date = labelled(dates, starts, 40) ?? (meets(words, SPECIFIC_DATE) ? undefined : dates[0]?.value);
        if (date === undefined) return undefined;
        return format === "date-time" ? `${date}T00:00:00Z` : date;
      }
      if (format) return undefined;
      if (words.includes("currency")) return findCurrency(text);
      if (meets(words, ID_WORDS) && !meets(words, NAME_WORDS)) {
        const id = labelled(ids, starts, 30);
        if (id) return id;
      }
      if (meets(words, NAME_WORDS)) {
        for (const start of starts) {
          const hit = nearestAfter(names, start.at, 3);
          if (hit) return hit.value;
          const single = /^\s*(\p{Lu}[\p{L}'’&.-]*)/u.exec(text.slice(start.at));
          if (single?.[1]) return single[1].replace(/\.$/, "");
        }
        if (words.every((w) => w === "name" || w === "full" || w === "person")) return names[0]?.value;
      }
      for (const start of starts) {
        const direct = valueAt(text, start.at, start.connected);
        if (direct) return direct;
      }
      if (meets(words, ID_WORDS) && words.some((w) => w === "id" || w === "ref" || w === "reference")) return ids[0]?.value;
      const lower = name.toLowerCase();
      if (PLACE_NAMES.has(lower)) {
        const match = /(?<![.!?]\s*|^)\b(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)*)/u.exec(text.trim());
        if (match?.[1]) return match[1];
      }
      if (FREE_TEXT_NAMES.has(lower)) return text.trim().slice(0, 200) || undefined;
      return undefined;
    },
    numberFor(name) {
      if (!name) return undefined;
      const words = identifierWords(name);
      // An amount may sit a little after its label ("Total due (incl. VAT): $12"); a count right after it.
      const fromLabel = labelled(numbers, labelStarts(name, text), meets(words, AMOUNT_WORDS) ? 40 : 12);
      if (fromLabel !== undefined) return fromLabel;
      // "3 days".
      const before = new RegExp(`(-?\\d+(?:\\.\\d+)?)\\s+${spoken(name)}(?![\\p{L}])`, "iu").exec(text);
      if (before?.[1]) return Number(before[1]);
      if (meets(words, AMOUNT_WORDS)) {
        const money = numbers.filter((n) => n.money);
        // An unlabelled total is the largest sum the text states; another amount, the first.
        if (words.includes("total") && money.length) return Math.max(...money.map((n) => n.value));
        return money[0]?.value;
      }
      // "Convert 21.5 degrees": a generically named number takes the text's only number.
      if (words.every((w) => GENERIC_NUMBER_NAMES.has(w)) && numbers.length === 1) return numbers[0]?.value;
      return undefined;
    },
    booleanFor(name) {
      const words = identifierWords(name).filter((w) => !["is", "has", "needs", "requires", "should", "can"].includes(w));
      if (!words.length) return undefined;
      const said = new RegExp(`(?<![\\p{L}])(not\\s+|no\\s+|non-?|never\\s+)?${words.map(escapeRegExp).join("[ _-]?")}(?![\\p{L}])`, "iu").exec(text);
      if (!said) return undefined;
      return !said[1];
    },
    enumFor(_name, values) {
      return values.find((v) => typeof v === "string" && v.length > 1 && new RegExp(`\\b${escapeRegExp(v)}\\b`, "i").test(text));
    },
  };
}
