// Both processes: turns a finished (or failed) run into the Observation the assertion engine checks.
import type { Observation } from "./assertions";
import { parseJsonWithin } from "./jsonDepth";
import type { ChoiceResult, RunMetrics, Usage } from "./schemas";

/** The parts of a run an observation is made of; a RunResult fits, so does a failed run's partial. */
export interface RunOutcome {
  choices: readonly ChoiceResult[];
  usage: Usage | null;
  metrics: RunMetrics;
}

/** What the run alone does not say: its cost (priced by the caller), an error, extra facts. */
export interface ObservationExtras {
  costUsd?: number | null;
  error?: string | null;
  facts?: Observation["facts"];
}

/** The first characters a JSON value can have: object, array, string, number, true, false, null. */
const JSON_START = /^[{["\d\-tfn]/;

/** The first choice's text, tool calls and finish reason, with usage, latency and attempts. */
export function observationFromRun(run: RunOutcome, extras: ObservationExtras = {}): Observation {
  const first = run.choices.find((c) => c.index === 0) ?? run.choices[0];
  const output = first?.content ?? "";
  let json: unknown;
  const text = output.trim();
  // Only text that can open a JSON value is parsed: prose would throw, and an exception per answer
  // is the most expensive part of observing one.
  if (text && JSON_START.test(text)) {
    try {
      json = parseJsonWithin(text); // over-deep answers are treated as not JSON: checks recurse
    } catch {
      json = undefined;
    }
  }
  return {
    output,
    json,
    toolCalls: (first?.toolCalls ?? []).map((c) => ({ name: c.name, arguments: c.arguments })),
    finishReason: first?.finishReason ?? null,
    usage: run.usage,
    costUsd: extras.costUsd ?? null,
    latencyMs: run.metrics.totalMs,
    attempts: run.metrics.attempts,
    error: extras.error ?? null,
    facts: extras.facts ?? {},
  };
}
