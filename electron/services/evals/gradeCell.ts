// Main process: one results cell from one answer: the dataset's and the case's assertions, their
// `{{variables}}` filled from the case, run over the answer's observation.
import { describeAssertion, runAssertion, type AssertionHelpers } from "../../../shared/assertions";
import { fillAssertion } from "../../../shared/assertionVars";
import type { Dataset, EvalCase, EvalCell } from "../../../shared/evals";
import { observationFromRun, type RunOutcome } from "../../../shared/observation";

/** What is known about an answer when it is graded. */
export interface GradedAnswer {
  runId: string | null;
  /** The answer, or null when the request failed. */
  outcome: RunOutcome | null;
  error: string | null;
  costUsd: number | null;
  cached: boolean;
  /** Ms of the attempt that answered (absent: the outcome's totalMs, as for a batch answer). */
  latencyMs?: number | null;
  /** Ms from the first attempt to the answer, retries and back-off waits included. */
  totalMs?: number | null;
  /** HTTP attempts made for the cell, over every retry. */
  attempts?: number;
}

/** Longest output kept in a cell (the whole answer stays in the run history). */
const CELL_OUTPUT_CHARS = 2_000;

/** Grades an answer for a case; a failed request is an `error` cell with no checks run. */
export async function gradeCell(dataset: Pick<Dataset, "assertions">, item: EvalCase, variant: number, answer: GradedAnswer, helpers: AssertionHelpers): Promise<EvalCell> {
  const base = {
    caseId: item.id,
    variant,
    runId: answer.runId,
    // A latency check measures the answering attempt, not the waits before it (issue 12).
    latencyMs: answer.cached ? 0 : answer.latencyMs !== undefined ? answer.latencyMs : (answer.outcome?.metrics.totalMs ?? null),
    ...(answer.totalMs !== undefined && !answer.cached ? { totalMs: answer.totalMs } : {}),
    ...(answer.attempts !== undefined ? { attempts: answer.attempts } : {}),
    costUsd: answer.cached ? 0 : answer.costUsd,
    cached: answer.cached,
  };
  if (!answer.outcome) {
    return { ...base, status: "error", checks: [], output: "", error: answer.error ?? "The request failed." };
  }
  const observation = { ...observationFromRun(answer.outcome, { costUsd: base.costUsd, facts: { cached: answer.cached } }), latencyMs: base.latencyMs };
  // Each check is described as written ({{expected}}, not this case's value): the reason names the value.
  const checks = await Promise.all(
    [...dataset.assertions, ...item.assertions].map(async (assertion) => {
      const filled = fillAssertion(assertion, item.vars, item.id);
      const result = filled.ok ? await runAssertion(filled.assertion, observation, helpers) : { pass: false, reason: filled.reason };
      return { description: describeAssertion(assertion), pass: result.pass, reason: result.reason };
    }),
  );
  return {
    ...base,
    status: checks.every((c) => c.pass) ? "pass" : "fail",
    checks,
    output: observation.output.slice(0, CELL_OUTPUT_CHARS) || (observation.toolCalls.length ? `tool calls: ${observation.toolCalls.map((c) => `${c.name}(${c.arguments})`).join(", ")}` : ""),
    error: null,
  };
}
