// Main process: the price table in use: the shipped table (shared/pricing.ts) with the user's
// edits, which are checked before they are saved in the settings file.
import { DEFAULT_PRICE_TABLE, mergePriceTable, type PriceOverrides, type PriceTable } from "../../shared/pricing";
import { DojoError } from "../errors";
import type { SettingsStore } from "./settingsStore";

/** What the pricing channels return: the merged table and the edits behind it. */
export interface PricingState {
  table: PriceTable;
  overrides: PriceOverrides;
}

export interface PricingService {
  /** The table in use. An edit that no longer applies (a row later shipped as simulated...) is ignored. */
  get(): PricingState;
  /** Validates and saves the edits; refuses (invalid_input) without saving when they do not apply. */
  save(overrides: PriceOverrides): PricingState;
}

/** The pricing service over the settings file. */
export function createPricingService(store: SettingsStore, base: PriceTable = DEFAULT_PRICE_TABLE): PricingService {
  return {
    get() {
      const overrides = store.read().pricing;
      try {
        return { table: mergePriceTable(base, overrides), overrides };
      } catch {
        // Saved edits were valid when saved; if a newer table makes them invalid, the shipped
        // prices are used rather than failing every cost shown.
        return { table: base, overrides };
      }
    },
    save(overrides) {
      let table: PriceTable;
      try {
        table = mergePriceTable(base, overrides);
      } catch (err) {
        throw new DojoError("invalid_input", err instanceof Error ? err.message : String(err));
      }
      store.update((current) => ({ ...current, pricing: overrides }));
      return { table, overrides };
    },
  };
}
