// Renderer: the pricing slice: the price table in use (shipped prices plus the user's edits) and
// saving edits through the pricing channels.
import type { PriceOverrides, PriceTable } from "../../shared/pricing";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

export interface PricingState {
  /** null until loaded. */
  table: PriceTable | null;
  overrides: PriceOverrides;
  /** Why loading or the last save failed, or null. */
  error: string | null;
  saving: boolean;
}

export interface PricingSlice {
  pricing: PricingState;
  /** Reads the table once; later calls do nothing unless `force`. */
  loadPricing(force?: boolean): Promise<void>;
  /** Saves the edits; resolves true when the main side accepted them. */
  savePriceOverrides(overrides: PriceOverrides): Promise<boolean>;
}

/** The pricing slice. */
export function createPricingSlice(deps: StoreDeps): SliceCreator<PricingSlice> {
  let loading: Promise<void> | null = null;
  return (set, get) => ({
    pricing: { table: null, overrides: { models: {} }, error: null, saving: false },

    loadPricing: (force = false) => {
      if (!force && (get().pricing.table || loading)) return loading ?? Promise.resolve();
      loading = (async () => {
        try {
          const view = await deps.bridge.call("pricing.get", {});
          set((s) => ({ pricing: { ...s.pricing, table: view.table, overrides: view.overrides, error: null } }));
        } catch (err) {
          set((s) => ({ pricing: { ...s.pricing, error: `Prices could not be read: ${toAppError(err).message}` } }));
        } finally {
          loading = null;
        }
      })();
      return loading;
    },

    savePriceOverrides: async (overrides) => {
      set((s) => ({ pricing: { ...s.pricing, saving: true, error: null } }));
      try {
        const view = await deps.bridge.call("pricing.save", overrides);
        set({ pricing: { table: view.table, overrides: view.overrides, error: null, saving: false } });
        return true;
      } catch (err) {
        set((s) => ({ pricing: { ...s.pricing, saving: false, error: toAppError(err).message } }));
        return false;
      }
    },
  });
}
