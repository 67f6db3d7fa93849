// Tests: budget estimates, refusals and the 80% warnings.
import { describe, expect, it } from "vitest";
import { budgetRefusal, budgetWarnings, DEFAULT_ANSWER_ESTIMATE, estimateRun, estimateRuns, formatUsd } from "./budget";
import { DEFAULT_PRICE_TABLE } from "./pricing";
import { NO_BUDGET } from "./reliability";
import { countRequestTokens } from "./tokens";
import type { ChatRequest } from "./chatRequest";

const request: ChatRequest = { model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello there" }], max_completion_tokens: 100, n: 2 };
const none = { usd: 0, tokens: 0 };

describe("estimateRun", () => {
  it("counts the prompt and the longest answer per choice, priced from the table", () => {
    const estimate = estimateRun(request, DEFAULT_PRICE_TABLE);
    expect(estimate.promptTokens).toBe(countRequestTokens(request).total);
    expect(estimate.completionTokens).toBe(200);
    expect(estimate.usd).toBeCloseTo((estimate.promptTokens * 0.15 + 200 * 0.6) / 1e6, 12);
  });

  it("assumes a default answer length without max_completion_tokens, and no price for unknown models", () => {
    const estimate = estimateRun({ model: "mystery-1", messages: [{ role: "user", content: "x" }] }, DEFAULT_PRICE_TABLE);
    expect(estimate.completionTokens).toBe(DEFAULT_ANSWER_ESTIMATE);
    expect(estimate.usd).toBeNull();
  });
});

describe("estimateRuns", () => {
  it("adds up several requests, and has no price when any one has none", () => {
    const one = estimateRun(request, DEFAULT_PRICE_TABLE);
    const two = estimateRuns([request, request], DEFAULT_PRICE_TABLE);
    expect(two).toEqual({ promptTokens: 2 * one.promptTokens, completionTokens: 400, usd: expect.closeTo(2 * (one.usd as number), 12) });
    expect(estimateRuns([request, { ...request, model: "mystery-1" }], DEFAULT_PRICE_TABLE).usd).toBeNull();
    expect(estimateRuns([], DEFAULT_PRICE_TABLE)).toEqual({ promptTokens: 0, completionTokens: 0, usd: 0 });
  });
});

describe("budgetRefusal", () => {
  const estimate = { promptTokens: 50, completionTokens: 200, usd: 0.01 };

  it("allows a run that fits every cap, and any run without caps", () => {
    expect(budgetRefusal("Work", NO_BUDGET, none, none, estimate)).toBeNull();
    expect(budgetRefusal("Work", { ...NO_BUDGET, dailyTokens: 1000 }, { usd: 0, tokens: 750 }, none, estimate)).toBeNull();
  });

  it("refuses a run that would pass a cap, saying what is left and that nothing was spent", () => {
    const text = budgetRefusal("Work", { ...NO_BUDGET, dailyTokens: 1000 }, { usd: 0, tokens: 751 }, none, estimate);
    expect(text).toMatch(/^Refused before sending: this run could use up to 250 tokens, and profile Work has 249 tokens left of its daily token cap of 1,000 tokens\./);
    expect(text).toContain("Nothing was sent and nothing was spent");
    expect(budgetRefusal("Work", { ...NO_BUDGET, dailyTokens: 1000 }, { usd: 0, tokens: 751 }, none, estimate, "this evaluation (3 requests)")).toMatch(/^Refused before sending: this evaluation \(3 requests\) could use up to 250 tokens/);
    expect(budgetRefusal("Work", { ...NO_BUDGET, monthlyUsd: 1 }, none, { usd: 0.995, tokens: 0 }, estimate)).toMatch(/monthly dollar cap of \$1\.00/);
  });

  it("lets a token cap judge a model with no known price, which a dollar cap cannot", () => {
    const unknown = { ...estimate, usd: null };
    expect(budgetRefusal("Work", { ...NO_BUDGET, dailyUsd: 0.001 }, { usd: 0.001, tokens: 0 }, none, unknown)).toBeNull();
    expect(budgetRefusal("Work", { ...NO_BUDGET, dailyTokens: 100 }, none, none, unknown)).toMatch(/daily token cap/);
  });
});

describe("budgetWarnings", () => {
  it("warns from 80% of a cap, once per cap", () => {
    const budget = { ...NO_BUDGET, dailyTokens: 1000, monthlyUsd: 10 };
    expect(budgetWarnings("Work", budget, { usd: 0, tokens: 799 }, { usd: 1, tokens: 0 })).toEqual([]);
    expect(budgetWarnings("Work", budget, { usd: 0, tokens: 800 }, { usd: 9, tokens: 0 })).toEqual([
      "Profile Work has used 90% of its monthly dollar cap ($9.00 of $10.00).",
      "Profile Work has used 80% of its daily token cap (800 tokens of 1,000 tokens).",
    ]);
  });

  it("formats small and large dollar amounts", () => {
    expect(formatUsd(0.012345)).toBe("$0.0123");
    expect(formatUsd(12.3456)).toBe("$12.35");
  });
});
