// Both processes: the price table's channels: the table in use (shipped prices plus the user's
// edits, with source and date) and saving the edits.
import { z } from "zod";
import { ModelPrice, PriceOverrides } from "../pricing";
import { EmptyInput } from "../schemas";

/** A whole price table as it crosses the boundary (see PriceTable in ../pricing). */
export const PriceTableSchema = z.object({
  source: z.string(),
  asOf: z.string(),
  models: z.record(z.string(), ModelPrice),
});

/** The table in use and the user's edits it was built from. */
export const PricingView = z.object({ table: PriceTableSchema, overrides: PriceOverrides });
export type PricingView = z.infer<typeof PricingView>;

/** The pricing channels. */
export const pricingChannels = {
  /** The price table in use: the shipped one with the user's edits applied. */
  "pricing.get": { input: EmptyInput, output: PricingView },
  /** Replaces the user's edits (an empty `models` restores the shipped prices); refused when malformed. */
  "pricing.save": { input: PriceOverrides, output: PricingView },
} as const;
