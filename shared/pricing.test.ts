// Tests: costs come from the table, unknown models cost "unknown", and user edits are validated.
import { describe, expect, it } from "vitest";
import { DEFAULT_PRICE_TABLE, estimateCost, findPrice, mergePriceTable } from "./pricing";

describe("DEFAULT_PRICE_TABLE", () => {
  it("says where and when its prices come from, and that they are editable", () => {
    expect(DEFAULT_PRICE_TABLE.source).toMatch(/OpenAI API pricing page/);
    expect(DEFAULT_PRICE_TABLE.source).toMatch(/editable/);
    expect(DEFAULT_PRICE_TABLE.asOf).toMatch(/^\d{4}-\d{2}/);
  });

  it("prices every simulator model at 0 and labels it simulated", () => {
    const sims = Object.entries(DEFAULT_PRICE_TABLE.models).filter(([id]) => id.startsWith("sim-"));
    expect(sims.map(([id]) => id).sort()).toEqual(["sim-chat-1", "sim-chat-mini-1", "sim-embedding-1", "sim-moderation-1", "sim-reasoning-1"]);
    for (const [, price] of sims) {
      expect(price.origin).toBe("simulated");
      expect(price.input).toBe(0);
    }
    expect(Object.values(DEFAULT_PRICE_TABLE.models).filter((p) => p.origin === "simulated")).toHaveLength(5);
  });

  it("holds the models the playground offers, each cached price below its input price", () => {
    for (const id of ["gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o", "gpt-4o-mini", "o3", "o4-mini", "text-embedding-3-small", "text-embedding-3-large"]) {
      expect(findPrice(id, DEFAULT_PRICE_TABLE), id).not.toBeNull();
    }
    for (const [id, p] of Object.entries(DEFAULT_PRICE_TABLE.models)) {
      if (p.cachedInput !== null && p.origin === "table") expect(p.cachedInput, id).toBeLessThan(p.input);
    }
  });
});

describe("estimateCost", () => {
  it("charges input, cached input and output at their own prices", () => {
    // gpt-4.1: $2 input, $0.50 cached, $8 output per 1M tokens.
    const cost = estimateCost("gpt-4.1", { promptTokens: 1_000_000, cachedPromptTokens: 400_000, completionTokens: 500_000 }, DEFAULT_PRICE_TABLE);
    expect(cost).toBeCloseTo(0.6 * 2 + 0.4 * 0.5 + 0.5 * 8, 10);
  });

  it("finds dated snapshots through aliases", () => {
    const usage = { promptTokens: 1000, completionTokens: 1000 };
    expect(estimateCost("gpt-4.1-mini-2025-04-14", usage, DEFAULT_PRICE_TABLE)).toBe(estimateCost("gpt-4.1-mini", usage, DEFAULT_PRICE_TABLE));
  });

  it("returns null, never a guess, for a model it does not know", () => {
    const usage = { promptTokens: 10, completionTokens: 10 };
    expect(estimateCost("gpt-4.1-turbo-imaginary", usage, DEFAULT_PRICE_TABLE)).toBeNull();
    expect(estimateCost("gpt-4o-2024-05-13", usage, DEFAULT_PRICE_TABLE)).toBeNull(); // priced differently from gpt-4o
    expect(estimateCost("toString", usage, DEFAULT_PRICE_TABLE)).toBeNull();
  });

  it("prices embeddings by input, and refuses output tokens for a model without an output price", () => {
    expect(estimateCost("text-embedding-3-small", { promptTokens: 1_000_000, completionTokens: 0 }, DEFAULT_PRICE_TABLE)).toBeCloseTo(0.02, 10);
    expect(estimateCost("text-embedding-3-small", { promptTokens: 1, completionTokens: 1 }, DEFAULT_PRICE_TABLE)).toBeNull();
  });

  it("costs 0 on the simulator", () => {
    expect(estimateCost("sim-chat-1", { promptTokens: 5000, completionTokens: 5000 }, DEFAULT_PRICE_TABLE)).toBe(0);
  });

  it("uses the input price for cached tokens when the model has no cached price, and never more cached than prompt", () => {
    const table = mergePriceTable(DEFAULT_PRICE_TABLE, { models: { "my-model": { input: 1, output: 2, cachedInput: null } } });
    expect(estimateCost("my-model", { promptTokens: 1_000_000, cachedPromptTokens: 9_000_000, completionTokens: 0 }, table)).toBeCloseTo(1, 10);
  });
});

describe("mergePriceTable", () => {
  it("edits some prices of a known model and marks the row as the user's", () => {
    const merged = mergePriceTable(DEFAULT_PRICE_TABLE, { models: { "gpt-4.1": { output: 7 } } });
    expect(merged.models["gpt-4.1"]).toMatchObject({ input: 2, cachedInput: 0.5, output: 7, origin: "user" });
    expect(DEFAULT_PRICE_TABLE.models["gpt-4.1"]?.output).toBe(8); // the base is not changed
    expect(merged.asOf).toBe(DEFAULT_PRICE_TABLE.asOf);
  });

  it("adds a new model with both prices", () => {
    const merged = mergePriceTable(DEFAULT_PRICE_TABLE, { models: { "llama3.1:8b": { input: 0, output: 0, aliases: ["llama3.1"] } } });
    expect(estimateCost("llama3.1", { promptTokens: 10, completionTokens: 10 }, merged)).toBe(0);
  });

  it("refuses malformed edits with a readable reason", () => {
    expect(() => mergePriceTable(DEFAULT_PRICE_TABLE, { models: { "gpt-4.1": { input: -1 } } })).toThrow(/Invalid price edits: models.gpt-4.1.input/);
    expect(() => mergePriceTable(DEFAULT_PRICE_TABLE, { models: { "gpt-4.1": { input: "2" } } })).toThrow(/Invalid price edits/);
    expect(() => mergePriceTable(DEFAULT_PRICE_TABLE, { models: { x: { input: 1, surprise: 2 } } })).toThrow(/Invalid price edits/);
    expect(() => mergePriceTable(DEFAULT_PRICE_TABLE, null)).toThrow(/Invalid price edits/);
  });

  it("refuses a new model without an output price, and any edit of a simulated model", () => {
    expect(() => mergePriceTable(DEFAULT_PRICE_TABLE, { models: { "new-model": { input: 1 } } })).toThrow(/needs both an input and an output price/);
    expect(() => mergePriceTable(DEFAULT_PRICE_TABLE, { models: { "sim-chat-1": { input: 1 } } })).toThrow(/simulator/);
  });
});
