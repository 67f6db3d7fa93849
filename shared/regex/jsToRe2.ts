// Both processes: rewrites a JavaScript regular expression's source into RE2 syntax with the same
// meaning, so a user's pattern can run on a linear-time engine; refuses, with a reason, what RE2
// cannot run (lookahead, backreferences).
//
// The source must already compile as a JavaScript RegExp with the same flags: only valid syntax
// reaches this translator, so it need not diagnose JavaScript syntax errors itself. Where the two
// dialects read the same text differently, the JavaScript meaning wins:
// - `.` excludes the four JavaScript line terminators (RE2's excludes only \n);
// - `\s` is JavaScript's whitespace set (RE2's lacks \v and every non-ASCII space);
// - without the u flag, `\A`, `\z`, `\p`, `\Q`... are the plain letters JavaScript takes them for;
// - `[` inside a class is a plain bracket (RE2 would read `[[:alpha:]]` as a POSIX class);
// - `[]` matches nothing and `[^]` anything.
// Every literal inside a class is written as `\x{...}`, so no character can take on an RE2 meaning.

/** A pattern the safe engine will not run, with a sentence saying why (starting lower-case). */
export class PatternRefused extends Error {
  override name = "PatternRefused";
}

/** What the translator needs to know about the pattern beyond its text. */
export interface TranslateOptions {
  /** The u flag: `\u{...}` and `\p{...}` escapes, stricter identity escapes. */
  unicode: boolean;
  /** The s flag: `.` matches line terminators too. */
  dotAll: boolean;
  /** Capturing groups in the pattern: `\N` up to this is a backreference. */
  groupCount: number;
  /** The pattern has named groups, which makes `\k<name>` a backreference. */
  namedGroups: boolean;
}

/** The translation, and whether it needs the engine's lookbehind support switched on. */
export interface Translation {
  source: string;
  lookbehind: boolean;
}

type Range = [number, number];

// ECMAScript's WhiteSpace and LineTerminator (ECMA-262 §12.2, §12.3), the set `\s` matches.
const JS_SPACE: Range[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const MAX_CODE_POINT = 0x10ffff;

/** The code points outside sorted, disjoint ranges. */
function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

const hex = (cp: number) => `\\x{${cp.toString(16)}}`;
const rangesText = (ranges: readonly Range[]) => ranges.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join("");
const SPACE_SET = rangesText(JS_SPACE);
const NON_SPACE_SET = rangesText(complement(JS_SPACE));
const DOT = `[^${hex(0x0a)}${hex(0x0d)}${hex(0x2028)}${hex(0x2029)}]`;

// Long General_Category names JavaScript accepts, as the short ones RE2 knows.
const CATEGORY_ALIASES: Record<string, string> = {
  Letter: "L",
  Cased_Letter: "LC",
  Uppercase_Letter: "Lu",
  Lowercase_Letter: "Ll",
  Titlecase_Letter: "Lt",
  Modifier_Letter: "Lm",
  Other_Letter: "Lo",
  Mark: "M",
  Number: "N",
  Decimal_Number: "Nd",
  digit: "Nd",
  Letter_Number: "Nl",
  Other_Number: "No",
  Punctuation: "P",
  punct: "P",
  Symbol: "S",
  Math_Symbol: "Sm",
  Currency_Symbol: "Sc",
  Separator: "Z",
  Space_Separator: "Zs",
  Other: "C",
  Control: "Cc",
  cntrl: "Cc",
  Format: "Cf",
  Private_Use: "Co",
};

/** One parsed atom: a single character, a set of characters, or something RE2 text already says. */
type Item = { kind: "char"; cp: number } | { kind: "set"; text: string } | { kind: "raw"; text: string };

const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

class Translator {
  private i = 0;
  private lookbehind = false;

  constructor(
    private readonly src: string,
    private readonly o: TranslateOptions,
  ) {}

  run(): Translation {
    let out = "";
    while (this.i < this.src.length) out += this.atom();
    return { source: out, lookbehind: this.lookbehind };
  }

  private codePointAt(i: number): { cp: number; length: number } {
    const cp = this.src.codePointAt(i) ?? 0;
    return { cp, length: cp > 0xffff ? 2 : 1 };
  }

  /** One piece of the pattern outside a character class, as RE2 text. */
  private atom(): string {
    const c = this.src[this.i] as string;
    switch (c) {
      case "\\": {
        this.i++;
        return this.emit(this.escape(false));
      }
      case "[":
        return this.characterClass();
      case "(":
        return this.group();
      case ".":
        this.i++;
        return this.o.dotAll ? "(?s:.)" : DOT;
      case "{": {
        // A well-formed count is a quantifier; anything else is a literal brace (Annex B).
        const count = /^\{\d+(?:,\d*)?\}/.exec(this.src.slice(this.i));
        if (count) {
          this.i += count[0].length;
          return count[0];
        }
        this.i++;
        return hex(0x7b);
      }
      case "^":
      case "$":
      case "|":
      case ")":
      case "*":
      case "+":
      case "?":
        this.i++;
        return c;
      default: {
        const { cp, length } = this.codePointAt(this.i);
        this.i += length;
        return this.emit({ kind: "char", cp });
      }
    }
  }

  private emit(item: Item): string {
    if (item.kind === "char") return /^[A-Za-z0-9_ ]$/.test(String.fromCodePoint(item.cp)) ? String.fromCodePoint(item.cp) : hex(item.cp);
    if (item.kind === "set") return `[${item.text}]`;
    return item.text;
  }

  private group(): string {
    const rest = this.src.slice(this.i);
    if (rest.startsWith("(?=") || rest.startsWith("(?!")) {
      throw new PatternRefused("uses a lookahead ((?= or (?!), which the app's linear-time regex engine cannot run; rewrite the pattern without it");
    }
    if (rest.startsWith("(?<=") || rest.startsWith("(?<!")) {
      this.lookbehind = true;
      this.i += 4;
      return rest.slice(0, 4);
    }
    const named = /^\(\?<([^>]*)>/.exec(rest);
    if (named) {
      const name = named[1] ?? "";
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new PatternRefused(`names a group "${name}"; group names may only use letters, digits and _`);
      this.i += named[0].length;
      return `(?P<${name}>`;
    }
    const modifiers = /^\(\?[ims-]*:/.exec(rest);
    if (modifiers) {
      this.i += modifiers[0].length;
      return modifiers[0];
    }
    this.i++;
    return "(";
  }

  /** A legacy octal escape (Annex B): up to three digits, at most \377. `this.i` is at the first digit. */
  private octal(): Item {
    const digits = /^[0-3][0-7]{0,2}|^[4-7][0-7]?/.exec(this.src.slice(this.i))?.[0] ?? "0";
    this.i += digits.length;
    return { kind: "char", cp: parseInt(digits, 8) };
  }

  /** The escape after a backslash (`this.i` is just past it), inside a class or not. */
  private escape(inClass: boolean): Item {
    const c = this.src[this.i] as string;
    const next = this.src[this.i + 1];
    const one = (item: Item): Item => {
      this.i++;
      return item;
    };
    switch (c) {
      case "d":
      case "D":
      case "w":
      case "W":
        return one({ kind: "set", text: `\\${c}` });
      case "s":
        return one({ kind: "set", text: SPACE_SET });
      case "S":
        return one({ kind: "set", text: NON_SPACE_SET });
      case "b":
        return one(inClass ? { kind: "char", cp: 0x08 } : { kind: "raw", text: "\\b" });
      case "B":
        return one(inClass ? { kind: "char", cp: 0x42 } : { kind: "raw", text: "\\B" });
      case "t":
        return one({ kind: "char", cp: 0x09 });
      case "n":
        return one({ kind: "char", cp: 0x0a });
      case "v":
        return one({ kind: "char", cp: 0x0b });
      case "f":
        return one({ kind: "char", cp: 0x0c });
      case "r":
        return one({ kind: "char", cp: 0x0d });
      case "0":
        return isDigit(next) && !this.o.unicode ? this.octal() : one({ kind: "char", cp: 0 });
      case "c": {
        const letter = next !== undefined && (/^[A-Za-z]$/.test(next) || (inClass && !this.o.unicode && /^[0-9_]$/.test(next)));
        if (letter) {
          this.i += 2;
          return { kind: "char", cp: next.charCodeAt(0) % 32 };
        }
        // Annex B: a backslash before a "c" that starts no control escape stands for itself.
        return { kind: "char", cp: 0x5c };
      }
      case "x":
        if (isHex(next) && isHex(this.src[this.i + 2])) {
          this.i += 3;
          return { kind: "char", cp: parseInt(this.src.slice(this.i - 2, this.i), 16) };
        }
        return one({ kind: "char", cp: 0x78 });
      case "u":
        return this.unicodeEscape();
      case "p":
      case "P":
        if (this.o.unicode) return this.property(c === "P");
        return one({ kind: "char", cp: c.charCodeAt(0) });
      case "k":
        if (this.o.unicode || this.o.namedGroups) {
          throw new PatternRefused("uses a backreference (\\k<name>), which the app's linear-time regex engine cannot run; rewrite the pattern without it");
        }
        return one({ kind: "char", cp: 0x6b });
      default: {
        if (c >= "1" && c <= "9") {
          const number = /^\d+/.exec(this.src.slice(this.i))?.[0] ?? c;
          if (!inClass && Number(number) <= this.o.groupCount) {
            throw new PatternRefused(`uses a backreference (\\${number}), which the app's linear-time regex engine cannot run; rewrite the pattern without it`);
          }
          // Annex B: with no such group, \1 to \7 are octal and \8, \9 the digits themselves.
          return c <= "7" ? this.octal() : one({ kind: "char", cp: c.charCodeAt(0) });
        }
        // An identity escape: the character itself ("\." is a dot, "\A" without u is an A).
        const { cp, length } = this.codePointAt(this.i);
        this.i += length;
        return { kind: "char", cp };
      }
    }
  }

  /** `\uXXXX` (a surrogate pair of them is one code point) or, with u, `\u{X...}`. `this.i` is at the "u". */
  private unicodeEscape(): Item {
    const s = this.src;
    if (this.o.unicode && s[this.i + 1] === "{") {
      const end = s.indexOf("}", this.i);
      const cp = parseInt(s.slice(this.i + 2, end), 16);
      this.i = end + 1;
      return { kind: "char", cp };
    }
    const four = s.slice(this.i + 1, this.i + 5);
    if (!/^[0-9a-fA-F]{4}$/.test(four)) {
      this.i++;
      return { kind: "char", cp: 0x75 };
    }
    let cp = parseInt(four, 16);
    this.i += 5;
    const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(s.slice(this.i));
    if (cp >= 0xd800 && cp <= 0xdbff && low) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (parseInt(low[1] ?? "", 16) - 0xdc00);
      this.i += 6;
    }
    return { kind: "char", cp };
  }

  /** `\p{...}` / `\P{...}` with the u flag; `this.i` is at the "p". */
  private property(negated: boolean): Item {
    const end = this.src.indexOf("}", this.i);
    const body = this.src.slice(this.i + 2, end);
    this.i = end + 1;
    const [key, value] = body.includes("=") ? body.split("=") : [null, body];
    if (key === "Script_Extensions" || key === "scx") {
      throw new PatternRefused(`uses \\p{${body}}, which the app's linear-time regex engine does not know; write \\p{${value ?? ""}} (the script itself) instead`);
    }
    const name = CATEGORY_ALIASES[value ?? ""] ?? value ?? "";
    if (name === "ASCII") return { kind: "set", text: negated ? `${hex(0x80)}-${hex(MAX_CODE_POINT)}` : `${hex(0)}-${hex(0x7f)}` };
    return { kind: "set", text: `\\${negated ? "P" : "p"}{${name}}` };
  }

  /** A character class, from its "[" to its "]". */
  private characterClass(): string {
    this.i++;
    const negated = this.src[this.i] === "^";
    if (negated) this.i++;
    const items: (Item | "dash")[] = [];
    while (this.src[this.i] !== "]") {
      const c = this.src[this.i] as string;
      if (c === "\\") {
        this.i++;
        items.push(this.escape(true));
      } else if (c === "-") {
        this.i++;
        items.push("dash");
      } else {
        const { cp, length } = this.codePointAt(this.i);
        this.i += length;
        items.push({ kind: "char", cp });
      }
    }
    this.i++;
    if (items.length === 0) return negated ? "(?s:.)" : `[^${hex(0)}-${hex(MAX_CODE_POINT)}]`;
    // A dash between two single characters makes a range ("[a-z]", "[+--]", "[--/]"); beside a set
    // ("[\w-z]") JavaScript makes no range and the dash is a literal.
    const single = (item: Item | "dash" | undefined): number | null => (item === "dash" ? 0x2d : item?.kind === "char" ? item.cp : null);
    let body = "";
    for (let k = 0; k < items.length; k++) {
      const item = items[k] as Item | "dash";
      const from = single(item);
      const to = single(items[k + 2]);
      if (from !== null && items[k + 1] === "dash" && to !== null) {
        body += `${hex(from)}-${hex(to)}`;
        k += 2;
      } else if (from !== null) {
        body += hex(from);
      } else if (item !== "dash" && item.kind !== "char") {
        body += item.text;
      }
    }
    return `[${negated ? "^" : ""}${body}]`;
  }
}

/** Rewrites a valid JavaScript pattern source as RE2 source; throws PatternRefused for what RE2 lacks. */
export function translateToRe2(source: string, options: TranslateOptions): Translation {
  return new Translator(source, options).run();
}
