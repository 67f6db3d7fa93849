// Renderer: edits to the user's price overrides made by the price editor (pure, tested).
import type { PriceOverrides } from "../../../shared/pricing";

/** The editable price columns. */
export const PRICE_FIELDS = [
  { key: "input", label: "Input" },
  { key: "cachedInput", label: "Cached input" },
  { key: "output", label: "Output" },
] as const;

export type PriceField = (typeof PRICE_FIELDS)[number]["key"];

/**
 * Sets one price of one model. Emptying a field removes that edit (the shipped price applies
 * again), except that cached input and output may be cleared to null for a model that has none.
 */
export function editPrice(overrides: PriceOverrides, model: string, field: PriceField, value: number | undefined): PriceOverrides {
  const current = { ...(overrides.models[model] ?? {}) };
  if (value === undefined) delete current[field];
  else current[field] = value;
  const models = { ...overrides.models, [model]: current };
  // An edit with no field left is no edit: the row goes back to the shipped prices.
  if (Object.keys(current).length === 0) delete models[model];
  return { models };
}

/** Adds a model the table does not know, priced at zero until the user types its prices. */
export function addModel(overrides: PriceOverrides, model: string): PriceOverrides {
  return { models: { ...overrides.models, [model]: { input: 0, output: 0 } } };
}
