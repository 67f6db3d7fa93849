// Tests (renderer): the price editor's edits, checked against the shared merge.
import { describe, expect, it } from "vitest";
import { DEFAULT_PRICE_TABLE, mergePriceTable } from "../../../shared/pricing";
import { addModel, editPrice } from "./priceEdits";

describe("price edits", () => {
  it("sets one price of a known model, which the merge then marks as the user's", () => {
    const edits = editPrice({ models: {} }, "gpt-4o", "input", 3);
    expect(edits).toEqual({ models: { "gpt-4o": { input: 3 } } });
    expect(mergePriceTable(DEFAULT_PRICE_TABLE, edits).models["gpt-4o"]).toMatchObject({ input: 3, output: 10, origin: "user" });
  });

  it("removes a field's edit when it is emptied", () => {
    const edits = editPrice(editPrice({ models: {} }, "gpt-4o", "input", 3), "gpt-4o", "input", undefined);
    expect(edits).toEqual({ models: {} });
    expect(mergePriceTable(DEFAULT_PRICE_TABLE, edits).models["gpt-4o"]?.input).toBe(2.5);
  });

  it("adds a new model with both prices, so the merge accepts it", () => {
    const edits = editPrice(addModel({ models: {} }, "my-model"), "my-model", "output", 4);
    expect(mergePriceTable(DEFAULT_PRICE_TABLE, edits).models["my-model"]).toMatchObject({ input: 0, output: 4, origin: "user" });
  });
});
