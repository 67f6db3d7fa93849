// Tests: assertion values fill `{{variables}}` from a case; a regex gets the value escaped; a
// JSON schema is left alone; an unknown or emptied variable is a reason, not a literal comparison.
import { describe, expect, it } from "vitest";
import { Assertion, runAssertion, type Observation } from "./assertions";
import { assertionVariables, escapeRegex, fillAssertion } from "./assertionVars";

const obs = (output: string): Observation => ({ output, toolCalls: [{ name: "get_weather", arguments: '{"city":"Paris"}' }], finishReason: "stop", usage: null, costUsd: null, latencyMs: 10, attempts: 1, facts: {} });

function filled(a: unknown, vars: Record<string, string>) {
  const result = fillAssertion(Assertion.parse(a), vars, "c1");
  if (!result.ok) throw new Error(result.reason);
  return result.assertion;
}

describe("{{variables}} in assertions", () => {
  it("fills a contains value from the case, so each case is checked against its own expected answer", async () => {
    const a = Assertion.parse({ type: "contains", value: "{{expected}}" });
    const paris = fillAssertion(a, { expected: "Paris" }, "paris");
    const rome = fillAssertion(a, { expected: "Rome" }, "rome");
    expect(paris).toEqual({ ok: true, assertion: { type: "contains", value: "Paris" } });
    if (!paris.ok || !rome.ok) throw new Error("not filled");
    expect((await runAssertion(paris.assertion, obs("The capital is Paris."))).pass).toBe(true);
    const failed = await runAssertion(rome.assertion, obs("The capital is Paris."));
    expect(failed.pass).toBe(false);
    // The comparison was with the case's value, not the literal "{{expected}}".
    expect(failed.reason).toContain('does not contain "Rome"');
  });

  it("fills any variable, several in one value, and the other text checks", () => {
    expect(filled({ type: "equals", value: "{{a}}-{{ b }}" }, { a: "1", b: "2" })).toMatchObject({ value: "1-2" });
    expect(filled({ type: "not-contains", value: "{{bad}}", label: "never says {{bad}}" }, { bad: "sorry" })).toEqual({ type: "not-contains", value: "sorry", label: "never says sorry" });
    expect(filled({ type: "similarity", expected: "{{answer}}", threshold: 0.8 }, { answer: "Paris is the capital." })).toMatchObject({ expected: "Paris is the capital." });
    expect(filled({ type: "rubric", rubric: "Mentions {{city}}" }, { city: "Oslo" })).toMatchObject({ rubric: "Mentions Oslo" });
    expect(filled({ type: "tool-call", name: "get_weather", arguments: { city: "{{city}}", days: 2 } }, { city: "Paris" })).toMatchObject({ arguments: { city: "Paris", days: 2 } });
    expect(filled({ type: "finish-reason", value: ["{{reason}}", "length"] }, { reason: "stop" })).toMatchObject({ value: ["stop", "length"] });
  });

  it("inserts a variable into a regex escaped, so it matches literally", async () => {
    const a = filled({ type: "regex", pattern: "^Price: {{price}}$" }, { price: "$4.99 (tax+)" });
    expect(a).toMatchObject({ pattern: "^Price: \\$4\\.99 \\(tax\\+\\)$" });
    expect((await runAssertion(a, obs("Price: $4.99 (tax+)"))).pass).toBe(true);
    // The dot is literal: "4x99" does not match.
    expect((await runAssertion(a, obs("Price: $4x99 (tax+)"))).pass).toBe(false);
    expect(new RegExp(escapeRegex("a.b*c?[d]{e}|f\\g/h^i")).test("a.b*c?[d]{e}|f\\g/h^i")).toBe(true);
  });

  it("leaves a JSON-schema assertion as written", () => {
    const schema = { type: "object", properties: { name: { const: "{{expected}}" } } };
    expect(filled({ type: "json-schema", schema }, { expected: "x" })).toEqual({ type: "json-schema", schema });
    expect(assertionVariables(Assertion.parse({ type: "json-schema", schema }))).toEqual([]);
  });

  it("fails with a reason naming an unknown variable and the case's variables, never comparing the literal", () => {
    const result = fillAssertion(Assertion.parse({ type: "contains", value: "{{expeted}}" }), { expected: "Paris", city: "France" }, "paris");
    expect(result).toEqual({ ok: false, reason: 'The assertion uses {{expeted}}, but case "paris" has no such variable (its variables are expected, city).' });
    expect(fillAssertion(Assertion.parse({ type: "contains", value: "{{x}}" }), {}, "c9")).toMatchObject({ ok: false, reason: expect.stringContaining("it has no variables") });
  });

  it("fails a check whose filled value the schema refuses, such as an empty contains", () => {
    const result = fillAssertion(Assertion.parse({ type: "contains", value: "{{expected}}" }), { expected: "" }, "blank");
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('Filled from case "blank" ({{expected}} = ""), the assertion is not valid: value: say what to look for') });
  });

  it("leaves an assertion without variables untouched (the same object)", () => {
    const a = Assertion.parse({ type: "max-latency", ms: 100 });
    expect(fillAssertion(a, { x: "1" }, "c1")).toEqual({ ok: true, assertion: a });
  });
});
