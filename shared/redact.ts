// Both processes: the one secret scrubber. Removes every known secret (whole, or any piece of 8 or
// more of its characters) and anything shaped like a key from text, from JSON-like values and from
// text that arrives in pieces (a streamed answer), before it is logged, saved or shown.

/** What a removed secret is replaced with. */
export const REDACTED = "[redacted]";

/** The shortest piece of a known secret that counts as a leak (a hint shows 4 characters). */
export const MIN_FRAGMENT = 8;

/**
 * Shapes of keys no list names: OpenAI keys (sk-, sk-proj-, sk-svcacct-, sk-admin-...), incl. the
 * partly starred echo in a 401, and bearer tokens. A key right after a JSON escape such as `\n`
 * has no word boundary before it, hence the lookbehind.
 */
const KEY_SHAPED = /(?:\b|(?<=\\[nrtbf]))sk-[A-Za-z0-9_-]{8,}(?:\*+[A-Za-z0-9_-]*)?/g;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi;

/** Characters (ASCII) a key-shaped string or a bearer token is made of: a streamed run of them is held back. */
const KEY_CHARS = (() => {
  const table = new Uint8Array(128);
  for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~+/=*-") table[c.charCodeAt(0)] = 1;
  return table;
})();

/** Known secrets shorter than this are not scrubbed: they would mangle ordinary words. */
const MIN_SECRET = MIN_FRAGMENT;

/** Longest run a stream scrubber holds back, waiting for the rest of a possible key. */
const MAX_HOLD = 1024;
/** What it keeps of such a run when it must let the rest go (longer than any key). */
const KEEP_ON_OVERFLOW = 256;

/** Text arriving in pieces, scrubbed as if it had arrived whole. */
export interface StreamScrubber {
  /** Takes the next piece; returns the scrubbed text that is safe to pass on now (maybe ""). */
  push(piece: string): string;
  /** Returns what is still held back, scrubbed. */
  end(): string;
}

/** A scrubber compiled for one list of known secrets. */
export interface Scrubber {
  /** The text with every secret, piece of one and key-shaped string replaced by "[redacted]". */
  text(text: string): string;
  /** Where `text` holds a secret: disjoint [start, end) stretches in order (what `text` replaces). */
  spans(text: string): [number, number][];
  /** The value with every string in it scrubbed (copied only where something changed). */
  value<T>(value: T): T;
  /** A scrubber for text that arrives in pieces: a secret split between two pieces is still caught. */
  stream(): StreamScrubber;
}

const HASH_BASE = 0x01000193;

/** B^(MIN_FRAGMENT-1) mod 2^32, to drop the oldest character from a rolling hash. */
const DROP = (() => {
  let p = 1;
  for (let i = 1; i < MIN_FRAGMENT; i++) p = Math.imul(p, HASH_BASE);
  return p;
})();

/** Rolling hash of `text` from `start`, MIN_FRAGMENT characters long. */
function hashAt(text: string, start: number): number {
  let h = 0;
  for (let i = start; i < start + MIN_FRAGMENT; i++) h = (Math.imul(h, HASH_BASE) + text.charCodeAt(i)) | 0;
  return h;
}

/** Every MIN_FRAGMENT-long piece of the known secrets, by rolling hash then by value. */
interface FragmentIndex {
  hashes: Set<number>;
  pieces: Set<string>;
  /** Characters that occur in a secret (a streamed run of them is held back). */
  chars: Set<number>;
  /** The secrets themselves (trimmed, long enough to scrub). */
  secrets: string[];
}

function indexSecrets(secrets: readonly string[]): FragmentIndex {
  const index: FragmentIndex = { hashes: new Set(), pieces: new Set(), chars: new Set(), secrets: [] };
  for (const raw of secrets) {
    const secret = raw.trim();
    if (secret.length < MIN_SECRET) continue;
    index.secrets.push(secret);
    for (let i = 0; i < secret.length; i++) index.chars.add(secret.charCodeAt(i));
    for (let i = 0; i + MIN_FRAGMENT <= secret.length; i++) {
      index.hashes.add(hashAt(secret, i));
      index.pieces.add(secret.slice(i, i + MIN_FRAGMENT));
    }
  }
  return index;
}

/**
 * Adds to `spans` (flat [start, end, start, end...]) every stretch of `text` covered by pieces of
 * a known secret. One pass with a rolling hash: linear in the text, no allocation unless a hash matches.
 */
function fragmentSpans(text: string, index: FragmentIndex, spans: number[]): void {
  if (index.pieces.size === 0 || text.length < MIN_FRAGMENT) return;
  let h = hashAt(text, 0);
  const last = text.length - MIN_FRAGMENT;
  for (let i = 0; ; i++) {
    if (index.hashes.has(h) && index.pieces.has(text.slice(i, i + MIN_FRAGMENT))) {
      // Overlapping or touching pieces make one stretch.
      const end = spans.length > 0 ? spans[spans.length - 1] : undefined;
      if (end !== undefined && end >= i) spans[spans.length - 1] = i + MIN_FRAGMENT;
      else spans.push(i, i + MIN_FRAGMENT);
    }
    if (i === last) break;
    h = (Math.imul(h - Math.imul(text.charCodeAt(i), DROP), HASH_BASE) + text.charCodeAt(i + MIN_FRAGMENT)) | 0;
  }
}

/** Adds every match of `pattern` (global) to `spans`. */
function patternSpans(text: string, pattern: RegExp, spans: number[]): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) spans.push(m.index, m.index + m[0].length);
}

/** Sorts and merges flat [start, end...] spans into disjoint stretches, in order. */
function mergeSpans(spans: number[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < spans.length; i += 2) pairs.push([spans[i] ?? 0, spans[i + 1] ?? 0]);
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of pairs) {
    const prev = merged[merged.length - 1];
    if (prev && start <= prev[1]) prev[1] = Math.max(prev[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** `text` with each stretch replaced by "[redacted]". */
function applySpans(text: string, spans: readonly (readonly [number, number])[]): string {
  if (spans.length === 0) return text;
  const out: string[] = [];
  let from = 0;
  for (const [start, end] of spans) {
    out.push(text.slice(from, start), REDACTED);
    from = end;
  }
  out.push(text.slice(from));
  return out.join("");
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Applies `fix` to every string in a JSON-like value without recursion (a value nested thousands
 * deep must not overflow the stack), copying only the containers on the way to a change.
 */
function mapStrings<T>(root: T, fix: (s: string) => string): T {
  if (typeof root === "string") return fix(root) as T;
  if (!isPlainContainer(root)) return root;
  interface Frame {
    src: Record<string, unknown> | unknown[];
    keys: string[] | null;
    i: number;
    out: Record<string, unknown> | unknown[] | null;
    parent: Frame | null;
    key: string | number;
  }
  const done = new Map<object, unknown>();
  const open = (src: Frame["src"], parent: Frame | null, key: string | number): Frame => ({ src, keys: Array.isArray(src) ? null : Object.keys(src), i: 0, out: null, parent, key });
  const set = (frame: Frame, key: string | number, value: unknown) => {
    frame.out ??= Array.isArray(frame.src) ? frame.src.slice() : { ...frame.src };
    (frame.out as Record<string | number, unknown>)[key] = value;
  };
  let frame: Frame = open(root, null, 0);
  done.set(root, root); // a cycle back to a container in progress keeps the original
  for (;;) {
    const size = frame.keys ? frame.keys.length : (frame.src as unknown[]).length;
    if (frame.i >= size) {
      const result = frame.out ?? frame.src;
      done.set(frame.src, result);
      const parent = frame.parent;
      if (!parent) return result as T;
      if (result !== frame.src) set(parent, frame.key, result);
      frame = parent;
      continue;
    }
    const key: string | number = frame.keys ? (frame.keys[frame.i] ?? "") : frame.i;
    frame.i += 1;
    const child = (frame.src as Record<string | number, unknown>)[key];
    if (typeof child === "string") {
      const fixed = fix(child);
      if (fixed !== child) set(frame, key, fixed);
    } else if (isPlainContainer(child)) {
      if (done.has(child)) {
        const seen = done.get(child);
        if (seen !== child) set(frame, key, seen);
      } else {
        done.set(child, child);
        frame = open(child, frame, key);
      }
    }
  }
}

/** Compiles a scrubber for `secrets` (the keys in use); strings shorter than 8 characters are ignored. */
export function createScrubber(secrets: readonly string[]): Scrubber {
  const index = indexSecrets(secrets);
  const spans = (input: string): [number, number][] => {
    if (input.length < MIN_FRAGMENT) return [];
    const flat: number[] = [];
    fragmentSpans(input, index, flat);
    // The patterns only run where their literal start occurs (most text has neither).
    if (input.includes("sk-")) patternSpans(input, KEY_SHAPED, flat);
    if (/earer/i.test(input)) patternSpans(input, BEARER, flat);
    return flat.length === 0 ? [] : mergeSpans(flat);
  };
  const text = (input: string): string => applySpans(input, spans(input));
  const holdable = (code: number) => (code < 128 && KEY_CHARS[code] === 1) || index.chars.has(code);
  const partOfSecret = (piece: string) => index.secrets.some((secret) => secret.includes(piece));
  /**
   * Where, in a trailing run of key characters, the part that may still grow into a secret begins
   * (the run's length when none can): the longest end of it that is part of a known secret, an
   * "sk-" in it or "s"/"sk" at its end, or the start of "Bearer". The rest goes out now, so a stall
   * after a word shows the word.
   */
  const holdFrom = (run: string): number => {
    let from = run.length;
    while (from > 0 && partOfSecret(run.slice(from - 1))) from -= 1;
    const sk = run.indexOf("sk-");
    if (sk >= 0) from = Math.min(from, sk);
    else if (run.endsWith("sk")) from = Math.min(from, run.length - 2);
    else if (run.endsWith("s")) from = Math.min(from, run.length - 1);
    const tail = run.slice(-6).toLowerCase();
    for (let k = tail.length; k > 0; k--) {
      if ("bearer".startsWith(tail.slice(tail.length - k))) {
        from = Math.min(from, run.length - k);
        break;
      }
    }
    return from;
  };
  return {
    text,
    spans,
    value: (value) => mapStrings(value, text),
    stream() {
      let held = "";
      return {
        push(piece) {
          if (piece === "") return "";
          const all = held + piece;
          // The run of key characters the text ends with (what is held is short: the scan is too).
          let runStart = all.length;
          while (runStart > 0 && holdable(all.charCodeAt(runStart - 1))) runStart -= 1;
          if (runStart === 0 && all.length > MAX_HOLD) {
            // A run this long is no prose: let its head go (scrubbed), keep more than any key's length.
            const head = all.slice(0, all.length - KEEP_ON_OVERFLOW);
            held = all.slice(head.length);
            return text(head);
          }
          let at = runStart + holdFrom(all.slice(runStart));
          // "Bearer " just before the run belongs to it: its token may still be arriving.
          const bearer = /\bBearer\s*$/i.exec(all.slice(Math.max(0, runStart - 16), runStart));
          if (bearer) at = runStart - bearer[0].length;
          // A stretch to remove that straddles the cut goes out whole, with the text after it.
          for (const [start, end] of spans(all)) if (start < at && end > at) at = start;
          held = all.slice(at);
          return text(all.slice(0, at));
        },
        end() {
          const rest = held;
          held = "";
          return text(rest);
        },
      };
    },
  };
}

/** The last few scrubbers, by their list of secrets: the list rarely changes, compiling costs. */
const compiled = new Map<string, Scrubber>();

/** A scrubber for `secrets`, compiled once per distinct list. */
export function scrubberFor(secrets: readonly string[]): Scrubber {
  const id = secrets.join("\u0000");
  let scrubber = compiled.get(id);
  if (!scrubber) {
    scrubber = createScrubber(secrets);
    if (compiled.size >= 16) compiled.delete(compiled.keys().next().value as string);
    compiled.set(id, scrubber);
  }
  return scrubber;
}

/** A masked hint of a key, enough to recognise it: "sk-...abcd". */
export function keyHint(key: string): string {
  const trimmed = key.trim();
  if (!trimmed) return "";
  const prefix = trimmed.startsWith("sk-") ? "sk-" : "";
  return trimmed.length >= 12 ? `${prefix}...${trimmed.slice(-4)}` : `${prefix}...`;
}

/**
 * Replaces every known secret, any piece of 8 or more of its characters (a server may echo part
 * of a key) and anything shaped like a key with "[redacted]".
 */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  return scrubberFor(knownSecrets).text(text);
}

/** `value` with every string in it scrubbed as by redactSecrets; the same object when nothing changed. */
export function redactSecretsDeep<T>(value: T, knownSecrets: readonly string[] = []): T {
  return scrubberFor(knownSecrets).value(value);
}
