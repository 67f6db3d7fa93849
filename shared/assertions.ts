// Both processes: the assertion engine that grades a run, shared by evaluations and lesson exercises.
//
// How to use it:
//   const results = await runAssertions(assertions, observation, helpers);
//   // -> [{ assertion, pass: false, reason: 'The output does not contain "Paris".' }, ...]
// - `assertions` is an array of `Assertion` (a zod-validated discriminated union on `type`); parse
//   user-supplied ones with `Assertions.parse` (or `safeParse`) first.
// - `observation` is what one run produced (`Observation`): output text, parsed JSON, tool calls,
//   finish_reason, usage, cost, latency, attempts and free-form `facts` (e.g. redactionApplied).
//   `observationFromRun` in ./observation builds one from a RunResult.
// - `helpers` supplies the two checks that need a model: `embed` (for `similarity`, cosine of the
//   two embeddings) and `grade` (for `rubric`, a model-graded rubric answering `RubricGrade`).
//   Without the helper such an assertion fails with a reason saying so; it never throws.
// Every result says in one human sentence why it passed or failed.
import { z } from "zod";
import { parseJsonWithin } from "./jsonDepth";
import { compileSafePattern, safePatternProblem } from "./regex/safePattern";
import { validateAgainstSchema } from "./validateOutput";

/** An optional label shown instead of the generated description, e.g. "mentions the refund policy". */
const Label = z.string().trim().max(200).optional();

const RegexPattern = z.string().min(1, "a regex needs a pattern").max(2000);
const RegexFlags = z
  .string()
  .regex(/^[imsu]*$/, "flags may only be i, m, s or u")
  .optional();

/** A regex assertion's pattern must run on the linear-time engine with its flags; says why not. */
function checkRegex(a: { pattern: string; flags?: string | undefined }, ctx: z.RefinementCtx): void {
  if (a.flags !== undefined && !/^[imsu]*$/.test(a.flags)) return; // reported by RegexFlags
  const problem = safePatternProblem(a.pattern, a.flags ?? "");
  if (problem) ctx.addIssue({ code: "custom", path: ["pattern"], message: `the pattern ${problem}` });
}

/** One check of a run. `type` picks the check; the other fields are its parameters. */
export const Assertion = z.discriminatedUnion("type", [
  /** The whole output equals `value` (both trimmed). */
  z.object({ type: z.literal("equals"), value: z.string(), ignoreCase: z.boolean().optional(), label: Label }).strict(),
  /** The output contains `value`. */
  z.object({ type: z.literal("contains"), value: z.string().min(1, "say what to look for"), ignoreCase: z.boolean().optional(), label: Label }).strict(),
  /** The output does not contain `value`. */
  z.object({ type: z.literal("not-contains"), value: z.string().min(1, "say what to look for"), ignoreCase: z.boolean().optional(), label: Label }).strict(),
  /** The output matches a regular expression. */
  z.object({ type: z.literal("regex"), pattern: RegexPattern, flags: RegexFlags, label: Label }).strict().superRefine(checkRegex),
  /** The output parses as JSON. */
  z.object({ type: z.literal("is-json"), label: Label }).strict(),
  /** The output parses as JSON valid against a JSON Schema (draft 2020-12, checked with ajv). */
  z.object({ type: z.literal("json-schema"), schema: z.record(z.string(), z.unknown()), label: Label }).strict(),
  /**
   * A tool call named `name` was made; with `arguments`, its parsed arguments must hold those
   * values (`match: "subset"`, the default) or be exactly them (`"exact"`).
   */
  z
    .object({
      type: z.literal("tool-call"),
      name: z.string().min(1, "name the tool"),
      arguments: z.record(z.string(), z.unknown()).optional(),
      match: z.enum(["subset", "exact"]).optional(),
      label: Label,
    })
    .strict(),
  /** The run finished for one of these reasons ("stop", "length", "tool_calls", "content_filter"). */
  z.object({ type: z.literal("finish-reason"), value: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]), label: Label }).strict(),
  /** The run took at most `ms` milliseconds. */
  z.object({ type: z.literal("max-latency"), ms: z.number().positive(), label: Label }).strict(),
  /** The run cost at most `usd` dollars. */
  z.object({ type: z.literal("max-cost"), usd: z.number().nonnegative(), label: Label }).strict(),
  /** The run used at most `tokens` tokens (total by default). */
  z
    .object({ type: z.literal("max-tokens"), tokens: z.number().int().nonnegative(), which: z.enum(["total", "prompt", "completion"]).optional(), label: Label })
    .strict(),
  /** At least `count` attempts were made, i.e. `count - 1` retries were seen. */
  z.object({ type: z.literal("min-attempts"), count: z.number().int().positive(), label: Label }).strict(),
  /** A free-form fact of the run (e.g. `redactionApplied`) has this value. */
  z.object({ type: z.literal("fact"), fact: z.string().min(1), equals: z.union([z.string(), z.number(), z.boolean(), z.null()]), label: Label }).strict(),
  /** The output's embedding has cosine similarity at least `threshold` with `expected`'s. */
  z.object({ type: z.literal("similarity"), expected: z.string().min(1), threshold: z.number().min(-1).max(1), label: Label }).strict(),
  /** A grader model judges the output against a rubric; passes when it says pass and the score reaches `minScore`. */
  z.object({ type: z.literal("rubric"), rubric: z.string().trim().min(1, "write the rubric"), minScore: z.number().min(0).max(1).optional(), label: Label }).strict(),
]);
export type Assertion = z.infer<typeof Assertion>;
export type AssertionType = Assertion["type"];

/** A list of assertions, as a dataset or case carries them. */
export const Assertions = z.array(Assertion).max(50);

/** Every assertion type, in the order a picker shows them. */
export const assertionTypes: AssertionType[] = Assertion.options.map((o) => o.shape.type.value);

/** One tool call as observed: its name and the raw JSON text of its arguments. */
export const ObservedToolCall = z.object({ name: z.string(), arguments: z.string() });

/** What one run produced: the facts assertions are checked against. */
export const Observation = z.object({
  /** The answer text (first choice). */
  output: z.string(),
  /** The output parsed as JSON, or undefined when it is not JSON (computed when absent). */
  json: z.unknown().optional(),
  toolCalls: z.array(ObservedToolCall),
  finishReason: z.string().nullable(),
  usage: z
    .object({ promptTokens: z.number().int().nonnegative(), completionTokens: z.number().int().nonnegative(), totalTokens: z.number().int().nonnegative() })
    .nullable(),
  /** Dollars, null when the price is unknown; 0 for a cached answer. */
  costUsd: z.number().nonnegative().nullable(),
  /** Milliseconds from sending to the end of the answer; null when unknown. */
  latencyMs: z.number().nonnegative().nullable(),
  /** HTTP attempts made (1 = no retry). */
  attempts: z.number().int().nonnegative(),
  /** Why the run failed, when it did (the output is then whatever arrived). */
  error: z.string().nullable().optional(),
  /** Anything else a check may want to know, e.g. `{ redactionApplied: true }`. */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type Observation = z.infer<typeof Observation>;

/** What a grader model answers for a rubric (used as its json_schema structured output). */
export const RubricGrade = z.object({
  pass: z.boolean(),
  /** 0 (fails the rubric entirely) to 1 (meets it fully). */
  score: z.number().min(0).max(1),
  reason: z.string(),
});
export type RubricGrade = z.infer<typeof RubricGrade>;

/** The checks that need a model, injected by whoever runs the assertions. */
export interface AssertionHelpers {
  /** Embeds texts, one vector per text in the same order. */
  embed?: (texts: string[]) => Promise<number[][]>;
  /** Grades an output against a rubric. */
  grade?: (input: { rubric: string; output: string }) => Promise<RubricGrade>;
}

/** The outcome of one assertion. */
export interface AssertionResult {
  assertion: Assertion;
  pass: boolean;
  /** One sentence a person can act on. */
  reason: string;
  /** The figure compared, when there is one (similarity, rubric score, latency...). */
  score?: number;
}

/**
 * Short quoted excerpt of a text for a reason sentence. Quotes inside stay as they are: a person
 * reads `"He said "hi""`, not the JSON escape `"He said \"hi\""` (issue 12).
 */
export function excerpt(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex -- control characters would print as boxes
  const flat = text.replace(/\s+/g, " ").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    // Depth-limited: the checks below recurse, so a value nested thousands deep counts as not JSON.
    return { ok: true, value: parseJsonWithin(text) };
  } catch {
    return { ok: false };
  }
}

/** Deep equality of JSON values (object key order ignored). */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The first field of `expected` whose value differs in `actual`, or null when all match. */
function firstMismatch(expected: Record<string, unknown>, actual: Record<string, unknown>): string | null {
  for (const [key, value] of Object.entries(expected)) {
    if (!Object.prototype.hasOwnProperty.call(actual, key)) return `has no "${key}"`;
    if (!jsonEqual(actual[key], value)) return `has ${key} = ${JSON.stringify(actual[key])}, expected ${JSON.stringify(value)}`;
  }
  return null;
}

function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) throw new Error(`vectors of different lengths (${a.length} and ${b.length})`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

const fmtUsd = (usd: number) => `$${usd < 0.01 ? usd.toPrecision(2) : usd.toFixed(4)}`;
const fmtMs = (ms: number) => `${Math.round(ms)} ms`;

type Verdict = Omit<AssertionResult, "assertion">;
const verdict = (pass: boolean, reason: string, score?: number): Verdict => (score === undefined ? { pass, reason } : { pass, reason, score });

function checkText(a: Extract<Assertion, { type: "equals" | "contains" | "not-contains" }>, output: string): Verdict {
  const fold = (s: string) => (a.ignoreCase ? s.toLowerCase() : s);
  const out = fold(output);
  const value = fold(a.value);
  if (a.type === "equals") {
    const pass = out.trim() === value.trim();
    return verdict(pass, pass ? `The output equals ${excerpt(a.value)}.` : `The output is ${excerpt(output)}, expected ${excerpt(a.value)}.`);
  }
  const found = out.includes(value);
  if (a.type === "contains") {
    return verdict(found, found ? `The output contains ${excerpt(a.value)}.` : `The output does not contain ${excerpt(a.value)}: it is ${excerpt(output)}.`);
  }
  return verdict(!found, found ? `The output contains ${excerpt(a.value)}, which it must not.` : `The output does not contain ${excerpt(a.value)}.`);
}

function checkToolCall(a: Extract<Assertion, { type: "tool-call" }>, obs: Observation): Verdict {
  const named = obs.toolCalls.filter((c) => c.name === a.name);
  if (named.length === 0) {
    const made = obs.toolCalls.map((c) => c.name);
    return verdict(false, made.length ? `No call to ${a.name}; the calls made were ${made.join(", ")}.` : `No tool call was made; expected a call to ${a.name}.`);
  }
  if (!a.arguments) return verdict(true, `${a.name} was called.`);
  const problems: string[] = [];
  for (const call of named) {
    const parsed = parseJson(call.arguments);
    if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value)) {
      problems.push(`its arguments ${excerpt(call.arguments)} are not a JSON object`);
      continue;
    }
    const args = parsed.value as Record<string, unknown>;
    const mismatch = a.match === "exact" ? (jsonEqual(args, a.arguments) ? null : `has arguments ${JSON.stringify(args)}, expected exactly ${JSON.stringify(a.arguments)}`) : firstMismatch(a.arguments, args);
    if (mismatch === null) return verdict(true, `${a.name} was called with the expected arguments.`);
    problems.push(mismatch);
  }
  return verdict(false, `${a.name} was called but ${problems[0]}.`);
}

function checkFinishReason(a: Extract<Assertion, { type: "finish-reason" }>, obs: Observation): Verdict {
  const wanted = Array.isArray(a.value) ? a.value : [a.value];
  const pass = obs.finishReason !== null && wanted.includes(obs.finishReason);
  const expected = wanted.map((w) => `"${w}"`).join(" or ");
  if (obs.finishReason === null) return verdict(false, `The run has no finish_reason (it failed or was stopped); expected ${expected}.`);
  return verdict(pass, pass ? `finish_reason is "${obs.finishReason}".` : `finish_reason is "${obs.finishReason}", expected ${expected}.`);
}

async function checkSimilarity(a: Extract<Assertion, { type: "similarity" }>, obs: Observation, helpers: AssertionHelpers): Promise<Verdict> {
  if (!helpers.embed) return verdict(false, "Similarity cannot be checked here: no embedding model is available.");
  if (obs.output.trim() === "") return verdict(false, "The output is empty, so it is not similar to the expected answer.", 0);
  const vectors = await helpers.embed([obs.output, a.expected]);
  const score = cosine(vectors[0] ?? [], vectors[1] ?? []);
  const shown = score.toFixed(3);
  return verdict(
    score >= a.threshold,
    score >= a.threshold
      ? `Similarity to the expected answer is ${shown}, at least ${a.threshold}.`
      : `Similarity to the expected answer is ${shown}, below the threshold ${a.threshold}.`,
    score,
  );
}

async function checkRubric(a: Extract<Assertion, { type: "rubric" }>, obs: Observation, helpers: AssertionHelpers): Promise<Verdict> {
  if (!helpers.grade) return verdict(false, "The rubric cannot be graded here: no grader model is available.");
  const grade = RubricGrade.parse(await helpers.grade({ rubric: a.rubric, output: obs.output }));
  const minScore = a.minScore ?? 0;
  const pass = grade.pass && grade.score >= minScore;
  const scoreNote = a.minScore !== undefined && grade.score < minScore ? ` (score ${grade.score}, below ${minScore})` : ` (score ${grade.score})`;
  return verdict(pass, `The grader ${grade.pass ? "passed" : "failed"} it${scoreNote}: ${grade.reason}`, grade.score);
}

/** A fact's name in plain words: "assistantTurns" -> "assistant turns". */
export function factNoun(fact: string): string {
  return fact.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
}

/** A fact's value in plain words: yes/no for booleans, "none" for null, quoted text. */
function factValue(value: unknown): string {
  if (value === true) return "yes";
  if (value === false) return "no";
  if (value === null || value === undefined) return "none";
  return typeof value === "string" ? `"${value}"` : String(value);
}

/**
 * The verdict on a fact, in sentences a learner understands (never "injectionPhrase is false,
 * expected true"): the check's label when it has one, else the fact's name in plain words.
 */
function factVerdict(a: Extract<Assertion, { type: "fact" }>, actual: unknown): Verdict {
  const pass = actual === a.equals;
  const noun = factNoun(a.fact);
  if (a.label) {
    const detail = typeof actual === "boolean" ? "" : ` (in this run, ${noun}: ${factValue(actual)})`;
    return verdict(pass, pass ? `Shown by this run: ${a.label}.` : `Not shown by this run: ${a.label}${detail}.`);
  }
  const subject = noun.charAt(0).toUpperCase() + noun.slice(1);
  return verdict(pass, pass ? `${subject}: ${factValue(actual)}, as needed.` : `${subject}: ${factValue(actual)} in this run; the check needs ${factValue(a.equals)}.`);
}

/** Checks one assertion. Never throws: a helper that fails makes the assertion fail with its reason. */
export async function runAssertion(assertion: Assertion, observation: Observation, helpers: AssertionHelpers = {}): Promise<AssertionResult> {
  try {
    return { assertion, ...(await check(assertion, observation, helpers)) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { assertion, pass: false, reason: `The ${assertion.type} check could not run: ${message}` };
  }
}

async function check(a: Assertion, obs: Observation, helpers: AssertionHelpers): Promise<Verdict> {
  switch (a.type) {
    case "equals":
    case "contains":
    case "not-contains":
      return checkText(a, obs.output);
    case "regex": {
      // The linear-time engine: a pattern such as ^(\w+\s?)*$ cannot backtrack for seconds here.
      // One the schema refuses can still come from an older file: it fails, saying why.
      const problem = safePatternProblem(a.pattern, a.flags ?? "");
      if (problem) return verdict(false, `The pattern /${a.pattern}/${a.flags ?? ""} cannot be checked: it ${problem}.`);
      const pass = compileSafePattern(a.pattern, a.flags ?? "").test(obs.output);
      return verdict(pass, pass ? `The output matches /${a.pattern}/${a.flags ?? ""}.` : `The output ${excerpt(obs.output)} does not match /${a.pattern}/${a.flags ?? ""}.`);
    }
    case "is-json": {
      const ok = obs.json !== undefined || parseJson(obs.output).ok;
      return verdict(ok, ok ? "The output is valid JSON." : `The output is not valid JSON: ${excerpt(obs.output)}.`);
    }
    case "json-schema": {
      const result = validateAgainstSchema(obs.output, a.schema);
      if (result.ok) return verdict(true, "The output is JSON valid against the schema.");
      const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : "";
      return verdict(false, `${result.errors[0]?.message ?? "The output does not match the schema."}${more}`);
    }
    case "tool-call":
      return checkToolCall(a, obs);
    case "finish-reason":
      return checkFinishReason(a, obs);
    case "max-latency": {
      if (obs.latencyMs === null) return verdict(false, "The latency of this run is unknown.");
      const pass = obs.latencyMs <= a.ms;
      return verdict(pass, `The run took ${fmtMs(obs.latencyMs)}, ${pass ? "within" : "over"} the ${fmtMs(a.ms)} limit.`, obs.latencyMs);
    }
    case "max-cost": {
      if (obs.costUsd === null) return verdict(false, "The cost of this run is unknown (no usage or no price for its model).");
      const pass = obs.costUsd <= a.usd;
      return verdict(pass, `The run cost ${fmtUsd(obs.costUsd)}, ${pass ? "within" : "over"} the ${fmtUsd(a.usd)} limit.`, obs.costUsd);
    }
    case "max-tokens": {
      const which = a.which ?? "total";
      if (!obs.usage) return verdict(false, "The server reported no token usage for this run.");
      const used = which === "prompt" ? obs.usage.promptTokens : which === "completion" ? obs.usage.completionTokens : obs.usage.totalTokens;
      const pass = used <= a.tokens;
      return verdict(pass, `The run used ${used} ${which} tokens, ${pass ? "within" : "over"} the limit of ${a.tokens}.`, used);
    }
    case "min-attempts": {
      const pass = obs.attempts >= a.count;
      const retries = Math.max(0, obs.attempts - 1);
      return verdict(pass, `The run made ${obs.attempts} attempt${obs.attempts === 1 ? "" : "s"} (${retries} retr${retries === 1 ? "y" : "ies"}); ${pass ? "at least" : "expected at least"} ${a.count}.`, obs.attempts);
    }
    case "fact": {
      const facts = obs.facts ?? {};
      if (!Object.prototype.hasOwnProperty.call(facts, a.fact)) return verdict(false, `This run does not measure ${factNoun(a.fact)}.`);
      return factVerdict(a, facts[a.fact]);
    }
    case "similarity":
      return checkSimilarity(a, obs, helpers);
    case "rubric":
      return checkRubric(a, obs, helpers);
  }
}

/**
 * Checks every assertion against one run's observation, in order, and returns one result each.
 * Never throws. The model-backed checks (similarity, rubric) run concurrently with each other.
 */
export async function runAssertions(assertions: readonly Assertion[], observation: Observation, helpers: AssertionHelpers = {}): Promise<AssertionResult[]> {
  return Promise.all(assertions.map((a) => runAssertion(a, observation, helpers)));
}

/** True when every result passed (an empty list passes). */
export function allPassed(results: readonly AssertionResult[]): boolean {
  return results.every((r) => r.pass);
}

/** A short description of an assertion for tables and pickers, e.g. `contains "Paris"`. */
export function describeAssertion(a: Assertion): string {
  if (a.label) return a.label;
  switch (a.type) {
    case "equals":
    case "contains":
    case "not-contains":
      return `${a.type} ${excerpt(a.value, 40)}`;
    case "regex":
      return `matches /${a.pattern}/${a.flags ?? ""}`;
    case "is-json":
      return "is JSON";
    case "json-schema":
      return "valid against the schema";
    case "tool-call":
      return `calls ${a.name}${a.arguments ? ` with ${JSON.stringify(a.arguments)}` : ""}`;
    case "finish-reason":
      return `finish_reason ${Array.isArray(a.value) ? a.value.join(" | ") : a.value}`;
    case "max-latency":
      return `latency ≤ ${fmtMs(a.ms)}`;
    case "max-cost":
      return `cost ≤ ${fmtUsd(a.usd)}`;
    case "max-tokens":
      return `${a.which ?? "total"} tokens ≤ ${a.tokens}`;
    case "min-attempts":
      return `at least ${a.count} attempts`;
    case "fact":
      return `${factNoun(a.fact)}: ${factValue(a.equals)}`;
    case "similarity":
      return `similar to ${excerpt(a.expected, 40)} (≥ ${a.threshold})`;
    case "rubric":
      return `rubric: ${excerpt(a.rubric, 40)}`;
  }
}
