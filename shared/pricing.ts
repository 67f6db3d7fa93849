// Both processes: what a run costs. A price table per model (dollars per million tokens), the
// cost of a run's usage, and user edits to the table validated before they are used.
import { z } from "zod";
import { describeZodError } from "./errors";
import { CATALOG_SOURCE, MODEL_CATALOG } from "./models/catalog";

/** Prices of one model, in US dollars per 1M tokens. */
export const ModelPrice = z.object({
  /** Uncached input (prompt) tokens. */
  input: z.number().finite().nonnegative(),
  /** Input tokens served from the prompt cache; null when the model has no cached-input price. */
  cachedInput: z.number().finite().nonnegative().nullable(),
  /** Output (completion) tokens, reasoning included; null for models that produce none (embeddings). */
  output: z.number().finite().nonnegative().nullable(),
  /** Other ids the API answers with for the same model and price, e.g. dated snapshots. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Where this row comes from: the shipped table, the user's edits, or the offline simulator. */
  origin: z.enum(["table", "user", "simulated"]),
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/** A whole price table, with where and when its prices come from. */
export interface PriceTable {
  source: string;
  /** When the prices were read (ISO date or month). */
  asOf: string;
  models: Record<string, ModelPrice>;
}

/**
 * The shipped price table, read from the model catalog (shared/models/catalog.ts), the one place
 * for model facts: standard-tier prices (not Batch, Flex or Priority) from OpenAI's pricing page as
 * it stood in `asOf`. A snapshot listed with `aliasOf` shares its model's row as an alias; a model
 * without a confirmed price has no row, so its cost is "unknown" rather than guessed. Prices change:
 * the app lets the user edit them (see mergePriceTable), and the UI should show `asOf` next to every cost.
 */
export const DEFAULT_PRICE_TABLE: PriceTable = {
  source: "OpenAI API pricing page (editable: prices change, check https://openai.com/api/pricing)",
  asOf: CATALOG_SOURCE.pricesAsOf,
  models: Object.fromEntries(
    MODEL_CATALOG.filter((m) => m.price !== null && !m.aliasOf).map((m): [string, ModelPrice] => [
      m.id,
      {
        input: m.price?.input ?? 0,
        cachedInput: m.price?.cachedInput ?? null,
        output: m.price?.output ?? null,
        aliases: MODEL_CATALOG.filter((a) => a.aliasOf === m.id).map((a) => a.id),
        // The offline simulator is free, and labelled so a cost of $0 is never taken for a real price.
        origin: m.simulated ? "simulated" : "table",
      },
    ]),
  ),
};

/** Token counts of one run. `cachedPromptTokens` are part of `promptTokens` (as the API reports them). */
export interface CostUsage {
  promptTokens: number;
  completionTokens: number;
  cachedPromptTokens?: number;
}

/** The price row for a model id or one of its aliases, or null when the table does not know it. */
export function findPrice(model: string, table: PriceTable): ModelPrice | null {
  const direct = Object.prototype.hasOwnProperty.call(table.models, model) ? table.models[model] : undefined;
  if (direct) return direct;
  return Object.values(table.models).find((p) => p.aliases.includes(model)) ?? null;
}

/**
 * The cost of a run in US dollars, or null when the price is unknown: a model the table does not
 * list (never a guess from a similar name), or output tokens for a model with no output price.
 * Cached prompt tokens use the cached price, or the input price when the model has none.
 */
export function estimateCost(model: string, usage: CostUsage, table: PriceTable): number | null {
  const price = findPrice(model, table);
  if (!price) return null;
  if (usage.completionTokens > 0 && price.output === null) return null;
  const cached = Math.min(Math.max(usage.cachedPromptTokens ?? 0, 0), usage.promptTokens);
  const uncached = usage.promptTokens - cached;
  const dollars =
    uncached * price.input + cached * (price.cachedInput ?? price.input) + usage.completionTokens * (price.output ?? 0);
  return dollars / 1_000_000;
}

const Price = z.number().finite().nonnegative();

/** A user's edits: whole new rows, or some prices of a known model. The table's `asOf` stays the shipped one; edited rows say "user". */
export const PriceOverrides = z
  .object({
    models: z.record(
      z.string().trim().min(1).max(200),
      z
        .object({
          input: Price.optional(),
          cachedInput: Price.nullable().optional(),
          output: Price.nullable().optional(),
          aliases: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type PriceOverrides = z.infer<typeof PriceOverrides>;

/**
 * The base table with the user's edits applied; edited and added rows are marked `origin: "user"`.
 * Throws an Error with a readable message when the edits are malformed, edit a simulated model
 * (always free), or add a model without both an input and an output price.
 */
export function mergePriceTable(base: PriceTable, userOverrides: unknown): PriceTable {
  const parsed = PriceOverrides.safeParse(userOverrides);
  if (!parsed.success) throw new Error(`Invalid price edits: ${describeZodError(parsed.error)}`);
  const models: Record<string, ModelPrice> = { ...base.models };
  for (const [id, edit] of Object.entries(parsed.data.models)) {
    const current = Object.prototype.hasOwnProperty.call(models, id) ? models[id] : undefined;
    if (current?.origin === "simulated") throw new Error(`Invalid price edits: ${id} is the offline simulator, which is always free.`);
    if (!current && (edit.input === undefined || edit.output === undefined)) {
      throw new Error(`Invalid price edits: the new model ${id} needs both an input and an output price (output may be null for embeddings).`);
    }
    models[id] = ModelPrice.parse({
      input: edit.input ?? current?.input,
      cachedInput: edit.cachedInput !== undefined ? edit.cachedInput : (current?.cachedInput ?? null),
      output: edit.output !== undefined ? edit.output : (current?.output ?? null),
      aliases: edit.aliases ?? current?.aliases ?? [],
      origin: "user",
    });
  }
  return { source: base.source, asOf: base.asOf, models };
}
