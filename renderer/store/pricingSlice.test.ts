// Tests (renderer): loading the price table once and saving edits.
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_PRICE_TABLE, mergePriceTable } from "../../shared/pricing";
import { createAppStore, type AppStore } from "./createAppStore";
import { bridgeFailure, createFakeBridge, type FakeBridge } from "./fakeBridge";

let bridge: FakeBridge;
let store: AppStore;
beforeEach(() => {
  bridge = createFakeBridge();
  store = createAppStore({ bridge });
  bridge.handle("pricing.get", () => ({ table: DEFAULT_PRICE_TABLE, overrides: { models: {} } }));
});

describe("pricing slice", () => {
  it("reads the table once, however many components ask", async () => {
    await Promise.all([store.getState().loadPricing(), store.getState().loadPricing()]);
    await store.getState().loadPricing();
    expect(bridge.callsTo("pricing.get")).toHaveLength(1);
    expect(store.getState().pricing.table?.asOf).toBe(DEFAULT_PRICE_TABLE.asOf);
  });

  it("saves edits and uses the table the main side returns", async () => {
    const overrides = { models: { "gpt-4o": { input: 3 } } };
    bridge.handle("pricing.save", (edits) => ({ table: mergePriceTable(DEFAULT_PRICE_TABLE, edits), overrides: edits }));
    expect(await store.getState().savePriceOverrides(overrides)).toBe(true);
    expect(store.getState().pricing.table?.models["gpt-4o"]).toMatchObject({ input: 3, origin: "user" });
  });

  it("keeps the table and shows why when a save is refused", async () => {
    await store.getState().loadPricing();
    bridge.handle("pricing.save", () => {
      throw bridgeFailure("invalid_input", "Invalid price edits: sim-chat-1 is the offline simulator, which is always free.");
    });
    expect(await store.getState().savePriceOverrides({ models: { "sim-chat-1": { input: 1 } } })).toBe(false);
    expect(store.getState().pricing.error).toMatch(/always free/);
    expect(store.getState().pricing.table?.models["sim-chat-1"]?.input).toBe(0);
  });
});
