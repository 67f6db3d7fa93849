// Tests (main process): a cell grades the dataset's and the case's assertions with the case's
// `{{variables}}` filled in, and an unknown variable fails its check with a reason.
import { describe, expect, it } from "vitest";
import type { EvalCase } from "../../../shared/evals";
import { gradeCell, type GradedAnswer } from "./gradeCell";

const answer = (content: string): GradedAnswer => ({
  runId: null,
  outcome: { choices: [{ index: 0, content, refusal: null, toolCalls: [], finishReason: "stop" }], usage: null, metrics: { ttftMs: 5, totalMs: 5, tokensPerSecond: null, attempts: 1 } },
  error: null,
  costUsd: null,
  cached: false,
});

const dataset = { assertions: [{ type: "contains" as const, value: "{{expected}}" }] };
const item = (id: string, vars: Record<string, string>, own: EvalCase["assertions"] = []): EvalCase => ({ id, vars, assertions: own });

describe("grading a cell", () => {
  it("checks every case against its own expected variable", async () => {
    const paris = await gradeCell(dataset, item("paris", { city: "France", expected: "Paris" }), 0, answer("The capital of France is Paris."), {});
    const spain = await gradeCell(dataset, item("spain", { city: "Spain", expected: "Madrid" }), 0, answer("The capital of Spain is Barcelona."), {});
    expect(paris.status).toBe("pass");
    expect(paris.checks).toEqual([{ description: 'contains "{{expected}}"', pass: true, reason: 'The output contains "Paris".' }]);
    expect(spain.status).toBe("fail");
    expect(spain.checks[0]?.reason).toContain('does not contain "Madrid"');
  });

  it("fails only the check whose variable the case lacks, saying which", async () => {
    const cell = await gradeCell(dataset, item("c1", { city: "France" }, [{ type: "regex", pattern: "^The" }]), 0, answer("The answer {{expected}}"), {});
    // Even an output holding the literal "{{expected}}" does not pass: the variable is unknown.
    expect(cell.status).toBe("fail");
    expect(cell.checks.map((c) => c.pass)).toEqual([false, true]);
    expect(cell.checks[0]?.reason).toBe('The assertion uses {{expected}}, but case "c1" has no such variable (its variables are city).');
  });
});
