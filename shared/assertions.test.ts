// Tests: the assertion engine passes what it should, fails what it should, and says why.
import { describe, expect, it } from "vitest";
import { Assertion, Assertions, allPassed, assertionTypes, describeAssertion, runAssertion, runAssertions, type Observation } from "./assertions";
import { observationFromRun } from "./observation";

function obs(over: Partial<Observation> = {}): Observation {
  return {
    output: "The capital of France is Paris.",
    toolCalls: [],
    finishReason: "stop",
    usage: { promptTokens: 20, completionTokens: 8, totalTokens: 28 },
    costUsd: 0.0004,
    latencyMs: 850,
    attempts: 1,
    facts: {},
    ...over,
  };
}

async function one(a: unknown, o: Observation = obs(), helpers = {}) {
  return runAssertion(Assertion.parse(a), o, helpers);
}

describe("text assertions", () => {
  it("equals compares trimmed text, optionally ignoring case", async () => {
    expect((await one({ type: "equals", value: "Paris" }, obs({ output: "  Paris\n" }))).pass).toBe(true);
    expect((await one({ type: "equals", value: "paris" }, obs({ output: "Paris" }))).pass).toBe(false);
    expect((await one({ type: "equals", value: "paris", ignoreCase: true }, obs({ output: "Paris" }))).pass).toBe(true);
    const failed = await one({ type: "equals", value: "Lyon" }, obs({ output: "Paris" }));
    expect(failed.reason).toBe('The output is "Paris", expected "Lyon".');
    // Quotes in the output read as written, not JSON-escaped.
    const quoted = await one({ type: "contains", value: "Lyon" }, obs({ output: 'He said "hi"\n\tthen left.' }));
    expect(quoted.reason).toBe('The output does not contain "Lyon": it is "He said "hi" then left.".');
    expect(quoted.reason).not.toContain("\\");
  });

  it("contains and not-contains look for a substring", async () => {
    expect((await one({ type: "contains", value: "Paris" })).pass).toBe(true);
    const missing = await one({ type: "contains", value: "Berlin" });
    expect(missing.pass).toBe(false);
    expect(missing.reason).toContain('does not contain "Berlin"');
    expect((await one({ type: "not-contains", value: "Berlin" })).pass).toBe(true);
    const present = await one({ type: "not-contains", value: "paris", ignoreCase: true });
    expect(present.pass).toBe(false);
    expect(present.reason).toContain("which it must not");
  });

  it("regex matches with flags and refuses a pattern that does not compile", async () => {
    expect((await one({ type: "regex", pattern: "^the capital", flags: "i" })).pass).toBe(true);
    const miss = await one({ type: "regex", pattern: "\\d{4}" });
    expect(miss.pass).toBe(false);
    expect(miss.reason).toContain("does not match /\\d{4}/");
    const bad = Assertion.safeParse({ type: "regex", pattern: "(unclosed" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["pattern"]);
  });
});

describe("JSON assertions", () => {
  it("is-json passes JSON and fails prose", async () => {
    expect((await one({ type: "is-json" }, obs({ output: '{"a":1}' }))).pass).toBe(true);
    const prose = await one({ type: "is-json" });
    expect(prose.pass).toBe(false);
    expect(prose.reason).toMatch(/^The output is not valid JSON/);
  });

  it("json-schema names the path that breaks the schema", async () => {
    const schema = { type: "object", properties: { city: { type: "string" }, temp: { type: "number" } }, required: ["city", "temp"] };
    expect((await one({ type: "json-schema", schema }, obs({ output: '{"city":"Paris","temp":21}' }))).pass).toBe(true);
    const wrong = await one({ type: "json-schema", schema }, obs({ output: '{"city":"Paris","temp":"warm"}' }));
    expect(wrong.pass).toBe(false);
    expect(wrong.reason).toContain("$.temp should be a number, not a string");
    const notJson = await one({ type: "json-schema", schema });
    expect(notJson.pass).toBe(false);
    expect(notJson.reason).toContain("not valid JSON");
  });
});

describe("tool-call", () => {
  const called = obs({ output: "", finishReason: "tool_calls", toolCalls: [{ name: "get_weather", arguments: '{"city":"Paris","unit":"c"}' }] });

  it("passes on the name alone, or with arguments that match as a subset", async () => {
    expect((await one({ type: "tool-call", name: "get_weather" }, called)).pass).toBe(true);
    expect((await one({ type: "tool-call", name: "get_weather", arguments: { city: "Paris" } }, called)).pass).toBe(true);
  });

  it("exact matching refuses extra arguments", async () => {
    const r = await one({ type: "tool-call", name: "get_weather", arguments: { city: "Paris" }, match: "exact" }, called);
    expect(r.pass).toBe(false);
    expect(r.reason).toContain("expected exactly");
  });

  it("says which argument differs, which calls were made, or that none was", async () => {
    const wrongArg = await one({ type: "tool-call", name: "get_weather", arguments: { city: "Lyon" } }, called);
    expect(wrongArg.reason).toBe('get_weather was called but has city = "Paris", expected "Lyon".');
    const otherTool = await one({ type: "tool-call", name: "book_flight" }, called);
    expect(otherTool.reason).toBe("No call to book_flight; the calls made were get_weather.");
    const none = await one({ type: "tool-call", name: "book_flight" });
    expect(none.reason).toBe("No tool call was made; expected a call to book_flight.");
  });

  it("fails when the arguments are not a JSON object", async () => {
    const broken = obs({ toolCalls: [{ name: "f", arguments: "{city:" }] });
    const r = await one({ type: "tool-call", name: "f", arguments: { city: "x" } }, broken);
    expect(r.pass).toBe(false);
    expect(r.reason).toContain("not a JSON object");
  });
});

describe("run figures", () => {
  it("finish-reason accepts one or several reasons and explains a missing one", async () => {
    expect((await one({ type: "finish-reason", value: "stop" })).pass).toBe(true);
    const length = await one({ type: "finish-reason", value: ["stop", "tool_calls"] }, obs({ finishReason: "length" }));
    expect(length.reason).toBe('finish_reason is "length", expected "stop" or "tool_calls".');
    expect((await one({ type: "finish-reason", value: "stop" }, obs({ finishReason: null }))).reason).toContain("no finish_reason");
  });

  it("max-latency, max-cost and max-tokens compare against limits and report the figure", async () => {
    const slow = await one({ type: "max-latency", ms: 500 });
    expect(slow).toMatchObject({ pass: false, score: 850 });
    expect(slow.reason).toBe("The run took 850 ms, over the 500 ms limit.");
    expect((await one({ type: "max-cost", usd: 0.001 })).pass).toBe(true);
    expect((await one({ type: "max-cost", usd: 0.0001 })).pass).toBe(false);
    expect((await one({ type: "max-cost", usd: 1 }, obs({ costUsd: null }))).reason).toContain("unknown");
    expect((await one({ type: "max-tokens", tokens: 10, which: "completion" })).pass).toBe(true);
    expect((await one({ type: "max-tokens", tokens: 10 })).pass).toBe(false);
  });

  it("min-attempts counts retries seen", async () => {
    expect((await one({ type: "min-attempts", count: 2 })).pass).toBe(false);
    const retried = await one({ type: "min-attempts", count: 2 }, obs({ attempts: 3 }));
    expect(retried.pass).toBe(true);
    expect(retried.reason).toContain("3 attempts (2 retries)");
  });

  it("fact checks a free-form fact such as redactionApplied", async () => {
    expect((await one({ type: "fact", fact: "redactionApplied", equals: true }, obs({ facts: { redactionApplied: true } }))).pass).toBe(true);
    expect((await one({ type: "fact", fact: "redactionApplied", equals: true }, obs({ facts: { redactionApplied: false } }))).reason).toBe(
      "Redaction applied: no in this run; the check needs yes.",
    );
    const labelled = { type: "fact" as const, fact: "injectionPhrase", equals: true, label: "the request carries an injected instruction" };
    expect((await one(labelled, obs({ facts: { injectionPhrase: false } }))).reason).toBe("Not shown by this run: the request carries an injected instruction.");
    expect((await one({ ...labelled, fact: "assistantTurns", equals: 1 }, obs({ facts: { assistantTurns: 0 } }))).reason).toBe(
      "Not shown by this run: the request carries an injected instruction (in this run, assistant turns: 0).",
    );
    expect((await one({ type: "fact", fact: "redactionApplied", equals: true })).reason).toBe("This run does not measure redaction applied.");
    expect(describeAssertion({ type: "fact", fact: "assistantTurns", equals: 1 })).toBe("assistant turns: 1");
  });
});

describe("model-backed assertions", () => {
  // Two-dimensional "embeddings": texts mentioning Paris point one way, others the other way.
  const embed = async (texts: string[]) => texts.map((t) => (/paris/i.test(t) ? [1, 0.1] : [0.1, 1]));

  it("similarity computes the cosine of the injected embeddings against the threshold", async () => {
    const close = await one({ type: "similarity", expected: "It is Paris", threshold: 0.9 }, obs(), { embed });
    expect(close.pass).toBe(true);
    expect(close.score).toBeCloseTo(1, 5);
    const far = await one({ type: "similarity", expected: "It is Rome", threshold: 0.9 }, obs(), { embed });
    expect(far.pass).toBe(false);
    expect(far.score).toBeCloseTo(0.198, 3);
    expect(far.reason).toContain("below the threshold 0.9");
  });

  it("without a helper, or when the helper throws, the assertion fails with the reason", async () => {
    expect((await one({ type: "similarity", expected: "x", threshold: 0.5 })).reason).toContain("no embedding model");
    const broken = await one({ type: "similarity", expected: "x", threshold: 0.5 }, obs(), { embed: async () => { throw new Error("429 from embeddings"); } });
    expect(broken.pass).toBe(false);
    expect(broken.reason).toBe("The similarity check could not run: 429 from embeddings");
  });

  it("rubric uses the grader's structured answer and an optional minimum score", async () => {
    const grade = async ({ output }: { rubric: string; output: string }) => ({ pass: output.includes("Paris"), score: 0.7, reason: "names the city" });
    const ok = await one({ type: "rubric", rubric: "Names the capital" }, obs(), { grade });
    expect(ok).toMatchObject({ pass: true, score: 0.7 });
    expect(ok.reason).toBe("The grader passed it (score 0.7): names the city");
    const strict = await one({ type: "rubric", rubric: "Names the capital", minScore: 0.8 }, obs(), { grade });
    expect(strict.pass).toBe(false);
    expect(strict.reason).toContain("below 0.8");
    const malformed = await one({ type: "rubric", rubric: "x" }, obs(), { grade: async () => ({ pass: "yes" }) as never });
    expect(malformed.pass).toBe(false);
    expect(malformed.reason).toMatch(/^The rubric check could not run/);
  });
});

describe("runAssertions", () => {
  it("returns one result per assertion, in order", async () => {
    const list = Assertions.parse([
      { type: "contains", value: "Paris" },
      { type: "finish-reason", value: "length" },
    ]);
    const results = await runAssertions(list, obs());
    expect(results.map((r) => r.pass)).toEqual([true, false]);
    expect(allPassed(results)).toBe(false);
    expect(allPassed([])).toBe(true);
  });

  it("validation names the field of a malformed assertion", () => {
    const bad = Assertions.safeParse([{ type: "max-latency", ms: -1 }]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual([0, "ms"]);
    expect(Assertion.safeParse({ type: "sounds-good" }).success).toBe(false);
  });

  it("describes every type", () => {
    expect(assertionTypes).toContain("rubric");
    expect(describeAssertion({ type: "contains", value: "Paris" })).toBe('contains "Paris"');
    expect(describeAssertion({ type: "contains", value: "Paris", label: "names the city" })).toBe("names the city");
  });
});

describe("observationFromRun", () => {
  it("takes the first choice, usage, latency and attempts from a run", async () => {
    const o = observationFromRun(
      {
        choices: [{ index: 0, content: '{"ok":true}', refusal: null, toolCalls: [{ id: "c1", name: "f", arguments: "{}" }], finishReason: "stop" }],
        usage: { promptTokens: 5, completionTokens: 3, totalTokens: 8 },
        metrics: { ttftMs: 10, totalMs: 120, tokensPerSecond: null, attempts: 2 },
      },
      { costUsd: 0.01, facts: { redactionApplied: true } },
    );
    expect(o).toMatchObject({ output: '{"ok":true}', json: { ok: true }, finishReason: "stop", latencyMs: 120, attempts: 2, costUsd: 0.01 });
    expect(o.toolCalls).toEqual([{ name: "f", arguments: "{}" }]);
    const results = await runAssertions([{ type: "is-json" }, { type: "min-attempts", count: 2 }, { type: "fact", fact: "redactionApplied", equals: true }], o);
    expect(allPassed(results)).toBe(true);
  });

  it("reads every kind of JSON value, padded or not, and leaves prose and broken JSON unparsed", () => {
    const jsonOf = (content: string) =>
      observationFromRun({ choices: [{ index: 0, content, refusal: null, toolCalls: [], finishReason: "stop" }], usage: null, metrics: { ttftMs: 1, totalMs: 1, tokensPerSecond: null, attempts: 1 } }).json;
    expect([jsonOf(' [1, 2] '), jsonOf('"hi"'), jsonOf("-4.5"), jsonOf("7"), jsonOf("true"), jsonOf("false"), jsonOf("\nnull\n")]).toEqual([[1, 2], "hi", -4.5, 7, true, false, null]);
    expect([jsonOf("Tell me about Paris."), jsonOf("true story"), jsonOf('{"cut": '), jsonOf("   ")]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
