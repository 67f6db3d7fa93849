// Unit tests: the model picker's line about the chosen model, from the catalog and the price table.
import { describe, expect, it } from "vitest";
import { DEFAULT_PRICE_TABLE } from "../../../shared/pricing";
import { modelFacts } from "./modelFacts";

describe("modelFacts", () => {
  it("gives a catalog model's kind, confirmed limits, inputs and dated price", () => {
    const facts = modelFacts("gpt-5-mini", DEFAULT_PRICE_TABLE, true);
    expect(facts.kind).toBe("entry");
    expect(facts.text).toContain("reasoning model");
    expect(facts.text).toContain("context 400,000");
    expect(facts.text).toContain("max output 128,000");
    expect(facts.text).toContain("reads text, image");
    expect(facts.text).toContain(`$0.25 input / $2.00 output per 1M tokens (prices as of ${DEFAULT_PRICE_TABLE.asOf})`);
  });

  it("says unknown for limits and prices the catalog does not confirm, never a number", () => {
    const facts = modelFacts("gpt-5.4", DEFAULT_PRICE_TABLE, true);
    expect(facts.text).toContain("context unknown");
    expect(facts.text).toContain("max output unknown");
    expect(facts.text).toContain("price unknown");
  });

  it("names a model without a catalog entry, and one the server does not list", () => {
    const facts = modelFacts("my-local-llama", DEFAULT_PRICE_TABLE, false);
    expect(facts.kind).toBe("none");
    expect(facts.text).toMatch(/^No catalog entry for "my-local-llama"/);
    expect(facts.text).toContain("does not include it");
    expect(modelFacts("gpt-4.1-mini", DEFAULT_PRICE_TABLE, true).text).not.toContain("does not include it");
  });

  it("labels the simulator's models as the simulator, not as a model", () => {
    const facts = modelFacts("sim-chat-1", DEFAULT_PRICE_TABLE, true);
    expect(facts.kind).toBe("simulated");
    expect(facts.text).toContain("no model is involved");
  });
});
