// Tests (renderer): the figures of a variance run.
import { describe, expect, it } from "vitest";
import { defaultChatRequest } from "../../../shared/chatRequest";
import { answerOf, parseTemperatures, schemaOf, summarizeVariance, type VarianceOutcome } from "./variance";

const done = (temperature: number, answer: string): VarianceOutcome => ({ temperature, status: "done", answer });

describe("summarizeVariance", () => {
  it("counts distinct answers per temperature, ignoring whitespace differences", () => {
    const figures = summarizeVariance(
      [0, 1.5],
      [done(0, "Same answer."), done(0, " Same  answer. "), done(1.5, "One."), done(1.5, "Two."), done(1.5, "One."), { temperature: 1.5, status: "failed", answer: null }],
      null,
    );
    expect(figures.map((f) => [f.temperature, f.runs, f.answered, f.failed, f.distinct, f.schemaPassed])).toEqual([
      [0, 2, 2, 0, 1, null],
      [1.5, 4, 3, 1, 2, null],
    ]);
    expect(figures[1]!.groups).toEqual([
      { answer: "One.", count: 2 },
      { answer: "Two.", count: 1 },
    ]);
  });

  it("counts the answers that pass the request's JSON schema", () => {
    const schema = { type: "object", properties: { score: { type: "integer" } }, required: ["score"], additionalProperties: false };
    const [figures] = summarizeVariance([1], [done(1, '{"score": 3}'), done(1, '{"score": "high"}'), done(1, "not json")], schema);
    expect(figures).toMatchObject({ answered: 3, distinct: 3, schemaPassed: 1 });
  });
});

describe("helpers", () => {
  it("finds the schema only in a json_schema response format", () => {
    const schema = { type: "object" };
    expect(schemaOf(defaultChatRequest())).toBeNull();
    expect(schemaOf({ ...defaultChatRequest(), response_format: { type: "json_schema", json_schema: { name: "x", schema } } })).toBe(schema);
  });

  it("compares tool calls when an answer has no text", () => {
    const choice = { index: 0, content: "", refusal: null, finishReason: "tool_calls", toolCalls: [{ id: "c1", name: "f", arguments: "{}" }] };
    expect(answerOf(choice)).toBe('[{"name":"f","arguments":"{}"}]');
    expect(answerOf(undefined)).toBeNull();
  });

  it("reads a list of temperatures and refuses out-of-range ones", () => {
    expect(parseTemperatures("0, 1.5 1.5")).toEqual({ ok: true, temperatures: [0, 1.5] });
    expect(parseTemperatures("0, 3")).toMatchObject({ ok: false, error: expect.stringMatching(/"3"/) });
    expect(parseTemperatures(" ")).toMatchObject({ ok: false });
  });
});
