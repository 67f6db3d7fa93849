// Tests (renderer): the cost lines before and after a run.
import { describe, expect, it } from "vitest";
import { DEFAULT_PRICE_TABLE, mergePriceTable } from "../../../shared/pricing";
import { cachedTokensOf, costAfterRun, estimateBeforeRun, formatDollars, priceSource } from "./costText";

const table = DEFAULT_PRICE_TABLE;

describe("formatDollars", () => {
  it("keeps small amounts readable and non-zero", () => {
    expect(formatDollars(0)).toBe("$0");
    expect(formatDollars(0.000042)).toBe("$0.000042");
    expect(formatDollars(0.00012345)).toBe("$0.00012");
    expect(formatDollars(1.234)).toBe("$1.23");
    expect(formatDollars(250.4)).toBe("$250");
  });
});

describe("estimateBeforeRun", () => {
  it("prices the prompt and bounds the output by max tokens times n", () => {
    // gpt-4o-mini: $0.15 in, $0.60 out per million tokens.
    const estimate = estimateBeforeRun({ model: "gpt-4o-mini", promptTokens: 1_000, maxCompletionTokens: 500, n: 2, table });
    expect(estimate.kind).toBe("priced");
    if (estimate.kind !== "priced") return;
    expect(estimate.inputDollars).toBeCloseTo(0.00015, 12);
    expect(estimate.maxOutputDollars).toBeCloseTo(0.0006, 12);
    expect(estimate.text).toBe("about $0.00015 of input, plus at most $0.0006 of output (1000 tokens)");
  });

  it("says the output is unbounded without max tokens", () => {
    expect(estimateBeforeRun({ model: "gpt-4o", promptTokens: 10, table }).text).toMatch(/unbounded/);
  });

  it("says the simulator costs nothing, and an unknown model has no price", () => {
    expect(estimateBeforeRun({ model: "sim-chat-1", promptTokens: 10, table })).toMatchObject({ kind: "simulated", text: expect.stringMatching(/simulator is free/) });
    expect(estimateBeforeRun({ model: "llama3", promptTokens: 10, table })).toMatchObject({ kind: "unknown", text: expect.stringMatching(/No price known/) });
  });
});

describe("costAfterRun", () => {
  it("prices the reported usage, cached tokens at the cached price", () => {
    // gpt-4.1: $2 in, $0.50 cached, $8 out: 600 * 2 + 400 * 0.5 + 100 * 8 = 2200 micro-dollars.
    expect(costAfterRun({ model: "gpt-4.1", usage: { promptTokens: 1_000, completionTokens: 100, cachedPromptTokens: 400 }, table })).toBe(
      "$0.0022 for 1000 prompt, 400 of them cached and 100 completion tokens",
    );
  });

  it("names the reasoning tokens among the completion tokens, priced as output", () => {
    // gpt-5-mini: $0.25 in, $2 out: 1000 * 0.25 + 500 * 2 = 1250 micro-dollars.
    expect(costAfterRun({ model: "gpt-5-mini", usage: { promptTokens: 1_000, completionTokens: 500, reasoningTokens: 192 }, table })).toBe(
      "$0.0013 for 1000 prompt and 500 completion tokens, 192 of them reasoning",
    );
  });

  it("never guesses: an unknown model gets no cost, the simulator $0, no usage no line", () => {
    expect(costAfterRun({ model: "gpt-4o-2024-05-13", usage: { promptTokens: 1, completionTokens: 1 }, table })).toMatch(/No price known/);
    expect(costAfterRun({ model: "sim-chat-1", usage: { promptTokens: 1, completionTokens: 1 }, table })).toMatch(/^\$0: /);
    expect(costAfterRun({ model: "gpt-4o", usage: null, table })).toBeNull();
  });

  it("names the source and date, or the user's own edit", () => {
    expect(priceSource("gpt-4o", table)).toBe(`${table.source}, as of ${table.asOf}`);
    const edited = mergePriceTable(table, { models: { "gpt-4o": { input: 3 } } });
    expect(priceSource("gpt-4o", edited)).toMatch(/your price/);
  });
});

describe("cachedTokensOf", () => {
  it("reads the cached tokens from the last usage chunk, or nothing", () => {
    const usage = (cached?: number) => ({ data: { choices: [], usage: { prompt_tokens: 9, prompt_tokens_details: cached === undefined ? undefined : { cached_tokens: cached } } } });
    expect(cachedTokensOf([{ data: { choices: [] } }, usage(4)])).toBe(4);
    expect(cachedTokensOf([usage()])).toBeUndefined();
    expect(cachedTokensOf([{ data: "junk" }, { data: null }])).toBeUndefined();
  });
});
