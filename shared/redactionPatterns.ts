// Both processes: the detectors redaction uses: where each kind of personal data or secret sits in a
// text, with the checksums (Luhn for cards, mod-97 for IBANs) that keep look-alike numbers untouched.

/** Where one sensitive value sits in a text, and what it is. */
export interface Span {
  start: number;
  end: number;
  kind: string;
}

/** A detector finds the spans of its kinds in a text, left to right, without overlaps. */
export interface Detector {
  /** The option group that switches it on ("email", "phone", "card", "iban", "secrets"). */
  group: BuiltInGroup;
  find(text: string): Span[];
}

/** The switchable groups of built-in detectors. */
export const BUILT_IN_GROUPS = ["email", "phone", "card", "iban", "secrets"] as const;
export type BuiltInGroup = (typeof BUILT_IN_GROUPS)[number];

/** Every kind a built-in detector names; custom patterns may not reuse these names. */
export const BUILT_IN_KINDS = [
  "PRIVATE_KEY",
  "JWT",
  "OPENAI_KEY",
  "AWS_KEY",
  "AWS_SECRET",
  "GITHUB_TOKEN",
  "SLACK_TOKEN",
  "GOOGLE_KEY",
  "STRIPE_KEY",
  "BEARER_TOKEN",
  "SECRET",
  "EMAIL",
  "IBAN",
  "CARD",
  "PHONE",
] as const;

/** Spans of every match of a global regex; `valueGroup` > 0 keeps only that group, which must end the match. */
export function regexSpans(text: string, re: RegExp, kind: string, valueGroup = 0): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex += 1; // a zero-length match would loop forever
      continue;
    }
    const value = m[valueGroup] ?? "";
    const end = m.index + m[0].length;
    if (value) spans.push({ start: end - value.length, end, kind });
  }
  return spans;
}

/** One fixed regex as a detector. */
function pattern(group: BuiltInGroup, kind: string, re: RegExp, valueGroup = 0): Detector {
  return { group, find: (text) => regexSpans(text, re, kind, valueGroup) };
}

/** The Luhn checksum every payment card number satisfies. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The ISO 13616 check: country, check digits and account, rearranged and read as a number, mod 97 is 1. */
export function ibanValid(candidate: string): boolean {
  const iban = candidate.replace(/[ -]/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" && ch <= "Z" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

// IBANs: a country code, two check digits, then 11 to 30 letters or digits, optionally grouped by
// spaces or hyphens. The match may run on into the next word, so the longest prefix ending at a
// group boundary that passes mod-97 is taken.
const IBAN_CANDIDATE = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,34}/g;

function findIbans(text: string): Span[] {
  const spans: Span[] = [];
  IBAN_CANDIDATE.lastIndex = 0;
  for (let m = IBAN_CANDIDATE.exec(text); m; m = IBAN_CANDIDATE.exec(text)) {
    const raw = m[0];
    let found = 0;
    for (let end = raw.length; end >= 15; end--) {
      const next = raw[end];
      const atBoundary = next === undefined || next === " " || next === "-";
      if (atBoundary && ibanValid(raw.slice(0, end))) {
        found = end;
        break;
      }
    }
    if (found) {
      spans.push({ start: m.index, end: m.index + found, kind: "IBAN" });
      IBAN_CANDIDATE.lastIndex = m.index + found;
    } else {
      // Not an IBAN from here: try again from the next character (the real one may start later).
      IBAN_CANDIDATE.lastIndex = m.index + 1;
    }
  }
  return spans;
}

// A run of digits with single spaces, dots, hyphens or parentheses between them, optionally led by
// "+" or "(": the raw material of card and phone numbers. Newlines end a run.
const NUMBER_RUN = /(?<![A-Za-z0-9_])(?:\+|\()?\d(?:\d|\)|[ .-](?=[\d(])|\((?=\d))*/g;

/** Card layouts: one block, blocks of four (the last may be shorter), or 4-6-5 / 4-6-4 (Amex, Diners). */
function cardShaped(segment: string): boolean {
  if (/[^\d -]/.test(segment)) return false;
  const groups = segment.split(/[ -]/);
  const digits = groups.join("");
  if (digits.length < 13 || digits.length > 19) return false;
  if (groups.length === 1) return true;
  const lengths = groups.map((g) => g.length);
  const allFours = lengths.slice(0, -1).every((n) => n === 4) && (lengths.at(-1) ?? 0) >= 1 && (lengths.at(-1) ?? 0) <= 4;
  const amexLike = lengths.length === 3 && lengths[0] === 4 && lengths[1] === 6 && (lengths[2] === 5 || lengths[2] === 4);
  return allFours || amexLike;
}

/**
 * Phone layouts, chosen to leave dates, IP addresses, decimals and short numbers alone: "+" and 8 to
 * 15 digits; a "(area)" code and 10 to 15 digits; 10 to 15 digits otherwise; or a local 555-1234.
 */
function phoneShaped(segment: string): boolean {
  const digits = segment.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return false;
  if (/^\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}$|^\d{1,2}[-./ ]\d{1,2}[-./ ]\d{2,4}$/.test(segment)) return false; // a date
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(segment)) return false; // an IPv4 address
  if (segment.includes(".") && segment.split(/[ .-]/).length < 3) return false; // a decimal
  if (segment.startsWith("+")) return digits.length >= 8;
  if (segment.includes("(")) return digits.length >= 10;
  return digits.length >= 10 || /^\d{3}[-.]\d{4}$/.test(segment);
}

/**
 * Cards and phones in one pass over number runs, longest segment first: a card-shaped segment is a
 * card when its Luhn check passes and is left alone (with all its digits) when it fails, so a
 * 16-digit number failing Luhn is not half-taken as a phone.
 */
export function findNumbers(text: string, groups: { card: boolean; phone: boolean }): Span[] {
  const spans: Span[] = [];
  NUMBER_RUN.lastIndex = 0;
  for (let m = NUMBER_RUN.exec(text); m; m = NUMBER_RUN.exec(text)) {
    const run = m[0];
    const blocks: { start: number; end: number }[] = [];
    for (const b of run.matchAll(/\d+/g)) blocks.push({ start: b.index, end: b.index + b[0].length });
    let i = 0;
    while (i < blocks.length) {
      let next = i + 1;
      for (let j = blocks.length - 1; j >= i; j--) {
        const from = (blocks[i] as { start: number }).start;
        const to = (blocks[j] as { end: number }).end;
        const digitsOnly = run.slice(from, to);
        // A leading "+" marks a phone number, never a card; "(" may be either, or just a bracket.
        const lead = from > 0 && (run[from - 1] === "+" || run[from - 1] === "(") ? 1 : 0;
        const withLead = run.slice(from - lead, to);
        if (run[from - 1] !== "+" && cardShaped(digitsOnly)) {
          if (luhnValid(digitsOnly.replace(/\D/g, ""))) {
            if (groups.card) spans.push({ start: m.index + from, end: m.index + to, kind: "CARD" });
            next = j + 1;
            break;
          }
          if (digitsOnly.replace(/\D/g, "").length >= 16 || j === blocks.length - 1) {
            next = j + 1; // a card-shaped number failing Luhn: left alone, whole
            break;
          }
        }
        if (phoneShaped(withLead) || (lead === 0 && phoneShaped(digitsOnly))) {
          if (groups.phone) spans.push({ start: m.index + from - lead, end: m.index + to, kind: "PHONE" });
          next = j + 1;
          break;
        }
      }
      i = next;
    }
  }
  return spans;
}

/**
 * The built-in detectors in the order they run: whole secrets first (a key may contain an "@" or a
 * long number), then e-mail addresses, IBANs, and last the bare numbers.
 */
export const BUILT_IN_DETECTORS: readonly Detector[] = [
  // A private key block; a block cut off before its END line is redacted to the end of the text.
  pattern("secrets", "PRIVATE_KEY", /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g),
  pattern("secrets", "JWT", /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g),
  pattern("secrets", "OPENAI_KEY", /\bsk-[A-Za-z0-9_-]{16,}/g),
  pattern("secrets", "AWS_KEY", /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g),
  pattern("secrets", "AWS_SECRET", /\baws_?secret_?access_?key\b["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, 1),
  pattern("secrets", "GITHUB_TOKEN", /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])/g),
  pattern("secrets", "SLACK_TOKEN", /\bxox[abposr]-[A-Za-z0-9-]{10,}/g),
  pattern("secrets", "GOOGLE_KEY", /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g),
  pattern("secrets", "STRIPE_KEY", /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}/g),
  pattern("secrets", "BEARER_TOKEN", /\bBearer\s+([A-Za-z0-9._~+/=-]{8,})/gi, 1),
  // A value assigned to something named like a secret: "password: hunter22", "api_key=abc123...".
  pattern(
    "secrets",
    "SECRET",
    /\b(?:password|passwd|pwd|passphrase|secret|client_secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|private[_-]?key)\b["']?\s*(?:[:=]|\bis\b)\s*["']?([^\s"',;]{6,})/gi,
    1,
  ),
  pattern("email", "EMAIL", /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/g),
  { group: "iban", find: findIbans },
  // Cards and phones share one scan; the groups are checked inside (see buildDetectors).
];
