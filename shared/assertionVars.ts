// Both processes: `{{variables}}` in assertion values, filled from a dataset case's variables, so
// `{"type":"contains","value":"{{expected}}"}` checks each case against its own `expected` column.
//
// What is filled: every text a check compares (equals/contains/not-contains `value`, a tool call's
// name and string argument values, finish-reason values, a fact's name and string value, the
// similarity `expected`, the rubric text, the label). In a regex `pattern` the value is inserted
// escaped, so it matches literally: `{{price}}` with "$4.99" matches the text "$4.99", never "$4x99".
// A JSON-schema assertion is left as written: a schema's `{{...}}` is more likely a literal.
import { describeZodError } from "./errors";
import { Assertion } from "./assertions";
import { variablesIn } from "./template";

const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

/** Escapes a text so a regular expression matches it literally (every syntax character). */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

/** What filling an assertion gave: the assertion to check, or why it cannot be checked. */
export type FilledAssertion = { ok: true; assertion: Assertion } | { ok: false; reason: string };

type Vars = Readonly<Record<string, string>>;

function fill(text: string, vars: Vars, escape: (value: string) => string = (v) => v): string {
  return text.replace(VARIABLE, (whole, name: string) => (Object.prototype.hasOwnProperty.call(vars, name) ? escape(vars[name] ?? "") : whole));
}

/** Fills string values inside a JSON value (a tool call's expected arguments), keys left alone. */
function fillJson(value: unknown, vars: Vars): unknown {
  if (typeof value === "string") return fill(value, vars);
  if (Array.isArray(value)) return value.map((v) => fillJson(v, vars));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillJson(v, vars)]));
  return value;
}

/** The texts of an assertion that are filled (every one but a JSON schema's). */
function filledTexts(a: Assertion): string[] {
  const texts: string[] = a.label ? [a.label] : [];
  switch (a.type) {
    case "equals":
    case "contains":
    case "not-contains":
      return [...texts, a.value];
    case "regex":
      return [...texts, a.pattern];
    case "tool-call":
      return [...texts, a.name, JSON.stringify(a.arguments ?? {})];
    case "finish-reason":
      return [...texts, ...(Array.isArray(a.value) ? a.value : [a.value])];
    case "fact":
      return [...texts, a.fact, typeof a.equals === "string" ? a.equals : ""];
    case "similarity":
      return [...texts, a.expected];
    case "rubric":
      return [...texts, a.rubric];
    default:
      return texts;
  }
}

/** The variables an assertion uses in the values that are filled, in order of first use. */
export function assertionVariables(a: Assertion): string[] {
  return [...new Set(filledTexts(a).flatMap((t) => variablesIn(t)))];
}

function substitute(a: Assertion, vars: Vars): unknown {
  const label = a.label === undefined ? {} : { label: fill(a.label, vars) };
  switch (a.type) {
    case "equals":
    case "contains":
    case "not-contains":
      return { ...a, ...label, value: fill(a.value, vars) };
    case "regex":
      return { ...a, ...label, pattern: fill(a.pattern, vars, escapeRegex) };
    case "tool-call":
      return { ...a, ...label, name: fill(a.name, vars), ...(a.arguments ? { arguments: fillJson(a.arguments, vars) } : {}) };
    case "finish-reason":
      return { ...a, ...label, value: Array.isArray(a.value) ? a.value.map((v) => fill(v, vars)) : fill(a.value, vars) };
    case "fact":
      return { ...a, ...label, fact: fill(a.fact, vars), equals: typeof a.equals === "string" ? fill(a.equals, vars) : a.equals };
    case "similarity":
      return { ...a, ...label, expected: fill(a.expected, vars) };
    case "rubric":
      return { ...a, ...label, rubric: fill(a.rubric, vars) };
    default:
      return a;
  }
}

/**
 * Fills one assertion from a case's variables. A variable the case does not have, or a filled
 * assertion the schema refuses (an empty `contains`, say), is a reason to fail the check, never a
 * silent comparison with the literal `{{name}}`.
 */
export function fillAssertion(a: Assertion, vars: Vars, caseId: string): FilledAssertion {
  const used = assertionVariables(a);
  if (used.length === 0) return { ok: true, assertion: a };
  const unknown = used.filter((name) => !Object.prototype.hasOwnProperty.call(vars, name));
  if (unknown.length) {
    const known = Object.keys(vars);
    const names = unknown.map((n) => `{{${n}}}`).join(", ");
    return {
      ok: false,
      reason: `The assertion uses ${names}, but case "${caseId}" has no such variable (${known.length ? `its variables are ${known.join(", ")}` : "it has no variables"}).`,
    };
  }
  const parsed = Assertion.safeParse(substitute(a, vars));
  if (!parsed.success) {
    const values = used.map((n) => `{{${n}}} = ${JSON.stringify(vars[n] ?? "")}`).join(", ");
    return { ok: false, reason: `Filled from case "${caseId}" (${values}), the assertion is not valid: ${describeZodError(parsed.error)}.` };
  }
  return { ok: true, assertion: parsed.data };
}
