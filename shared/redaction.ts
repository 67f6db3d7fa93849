// Both processes: replaces personal data and secrets in outgoing prompts with numbered placeholders
// ("[EMAIL_1]"), the same value getting the same placeholder throughout a request, and puts the
// values back into an answer locally. Pure: the mapping lives only in the caller's memory.
import type { ChatRequest } from "./chatRequest";
import { BUILT_IN_DETECTORS, BUILT_IN_KINDS, findNumbers, type BuiltInGroup, type Span } from "./redactionPatterns";
import { compileSafePattern, safePatternProblem } from "./regex/safePattern";

/** A user's own pattern: a name for its placeholders and a regular expression. */
export interface CustomPattern {
  /** Upper-case placeholder name, e.g. "EMPLOYEE_ID" gives "[EMPLOYEE_ID_1]". */
  name: string;
  /** JavaScript regular expression source, run on the linear-time engine (shared/regex). */
  pattern: string;
  caseInsensitive: boolean;
}

/** What to redact. */
export interface RedactionOptions {
  groups: Record<BuiltInGroup, boolean>;
  custom: readonly CustomPattern[];
}

/** Every built-in group on, no custom pattern. */
export function defaultRedactionOptions(): RedactionOptions {
  return { groups: { email: true, phone: true, card: true, iban: true, secrets: true }, custom: [] };
}

/** One placeholder and the value it stands for (kept in memory only, never logged or saved). */
export interface Replacement {
  placeholder: string;
  kind: string;
  value: string;
}

/** What a redaction did: occurrences replaced per kind, and the placeholders with their values. */
export interface RedactionOutcome {
  /** Occurrences replaced per kind, e.g. { EMAIL: 3 }. Safe to record: holds no value. */
  counts: Record<string, number>;
  /** In first-seen order. Holds the original values: never log, save or send it. */
  replacements: Replacement[];
}

const NAME = /^[A-Z][A-Z0-9_]{0,23}$/;

// Redaction runs on every text of every send, long prompts included: a tighter program-size limit
// than the default keeps the search for match positions (text length times program size) short;
// its worst shape, [a-z]{1,190}\d, takes about 1.4 s on 100 KB (npm run bench -- user-patterns).
const REDACTION_PATTERN_LIMITS = { maxProgramSize: 400 };

/** The flags a custom pattern is matched with. */
const flagsOf = (p: CustomPattern) => (p.caseInsensitive ? "gi" : "g");

/** Why a custom pattern cannot be used, or null when it can. */
export function customPatternProblem(p: CustomPattern): string | null {
  if (!NAME.test(p.name)) return "the name must be upper-case letters, digits or _ (starting with a letter, 24 at most)";
  if ((BUILT_IN_KINDS as readonly string[]).includes(p.name)) return `"${p.name}" is a built-in kind; choose another name`;
  if (!p.pattern || p.pattern.length > 300) return "the pattern must have 1 to 300 characters";
  // The linear-time engine: nested quantifiers such as (a+)+ or (x|x)+ cannot backtrack here.
  const problem = safePatternProblem(p.pattern, flagsOf(p), REDACTION_PATTERN_LIMITS);
  if (problem) return `the pattern ${problem}`;
  if (compileSafePattern(p.pattern, flagsOf(p), REDACTION_PATTERN_LIMITS).test("")) return "the pattern matches empty text, so it would match everywhere";
  return null;
}

// A placeholder already in the text: later detectors must not match inside it.
const PLACEHOLDER = /\[[A-Z][A-Z0-9_]*_\d+\]/g;

/** Canonical form of a value, so "4111 1111 1111 1111" and "4111111111111111" share a placeholder. */
function canonical(kind: string, value: string): string {
  if (kind === "EMAIL") return value.toLowerCase();
  if (kind === "CARD" || kind === "PHONE") return value.replace(/[^\d+]/g, "");
  if (kind === "IBAN") return value.replace(/[ -]/g, "").toUpperCase();
  return value;
}

/** A redaction over several texts of one request: numbering and the mapping are shared. */
export interface RedactionSession {
  redact(text: string): string;
  outcome(): RedactionOutcome;
}

/** Starts a session; invalid custom patterns are skipped (the settings schema refuses them earlier). */
export function createRedactionSession(options: RedactionOptions): RedactionSession {
  const detectors: ((text: string) => Span[])[] = [];
  for (const custom of options.custom) {
    if (customPatternProblem(custom)) continue;
    const re = compileSafePattern(custom.pattern, flagsOf(custom), REDACTION_PATTERN_LIMITS);
    detectors.push((text) => re.matches(text).map((m) => ({ ...m, kind: custom.name })));
  }
  for (const detector of BUILT_IN_DETECTORS) if (options.groups[detector.group]) detectors.push(detector.find);
  if (options.groups.card || options.groups.phone) detectors.push((text) => findNumbers(text, options.groups));

  const byValue = new Map<string, string>(); // "KIND\u0000canonical" -> placeholder
  const perKind = new Map<string, number>();
  const counts: Record<string, number> = {};
  const replacements: Replacement[] = [];

  const placeholderFor = (kind: string, value: string): string => {
    const key = `${kind}\u0000${canonical(kind, value)}`;
    let placeholder = byValue.get(key);
    if (!placeholder) {
      const n = (perKind.get(kind) ?? 0) + 1;
      perKind.set(kind, n);
      placeholder = `[${kind}_${n}]`;
      byValue.set(key, placeholder);
      replacements.push({ placeholder, kind, value });
    }
    counts[kind] = (counts[kind] ?? 0) + 1;
    return placeholder;
  };

  return {
    redact(text) {
      let out = text;
      for (const find of detectors) {
        const taken = [...out.matchAll(PLACEHOLDER)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
        const spans = find(out).filter((s) => !taken.some((t) => s.start < t.end && t.start < s.end));
        if (!spans.length) continue;
        let rebuilt = "";
        let at = 0;
        for (const span of spans.sort((a, b) => a.start - b.start)) {
          if (span.start < at) continue; // overlapping matches of one detector: the first wins
          rebuilt += out.slice(at, span.start) + placeholderFor(span.kind, out.slice(span.start, span.end));
          at = span.end;
        }
        out = rebuilt + out.slice(at);
      }
      return out;
    },
    outcome: () => ({ counts: { ...counts }, replacements: [...replacements] }),
  };
}

/** Redacts one text on its own. */
export function redactText(text: string, options: RedactionOptions): { text: string } & RedactionOutcome {
  const session = createRedactionSession(options);
  const redacted = session.redact(text);
  return { text: redacted, ...session.outcome() };
}

/**
 * Redacts every text of a chat request that carries what people wrote or tools returned: message
 * contents, refusals and earlier tool-call arguments (JSON text, which stays valid: placeholders
 * hold no quote). Model, parameters, tool definitions and names are left as they are.
 */
export function redactChatRequest(request: ChatRequest, options: RedactionOptions): { request: ChatRequest } & RedactionOutcome {
  const session = createRedactionSession(options);
  const messages = request.messages.map((message): ChatRequest["messages"][number] => {
    if (message.role !== "assistant") return { ...message, content: session.redact(message.content) };
    return {
      ...message,
      content: message.content === null ? null : session.redact(message.content),
      ...(message.refusal ? { refusal: session.redact(message.refusal) } : {}),
      ...(message.tool_calls
        ? {
            tool_calls: message.tool_calls.map((call) => ({
              ...call,
              function: { ...call.function, arguments: session.redact(call.function.arguments) },
            })),
          }
        : {}),
    };
  });
  return { request: { ...request, messages }, ...session.outcome() };
}

/** Puts the original values back where the answer repeats a placeholder. Unknown placeholders stay. */
export function restorePlaceholders(text: string, replacements: readonly Replacement[]): string {
  if (!replacements.length) return text;
  const values = new Map(replacements.map((r) => [r.placeholder, r.value]));
  return text.replace(PLACEHOLDER, (placeholder) => values.get(placeholder) ?? placeholder);
}

/** The total of a counts record. */
export function totalRedacted(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
