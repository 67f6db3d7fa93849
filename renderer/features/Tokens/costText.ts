// Renderer: what the cost lines say, before a run (from the token estimate) and after it (from the
// usage the server reported), priced with the shared table. Never a guess for an unknown model.
import { estimateCost, findPrice, type PriceTable } from "../../../shared/pricing";

/** A dollar amount with enough digits to be non-zero for small runs ("$0.000042", "$1.23"). */
export function formatDollars(dollars: number): string {
  if (dollars === 0) return "$0";
  if (dollars >= 0.01) return `$${dollars.toFixed(dollars >= 100 ? 0 : 2)}`;
  return `$${dollars.toPrecision(2).replace(/0+$/, "")}`;
}

/** The price line's provenance: "source, as of date", or that the edits are the user's. */
export function priceSource(model: string, table: PriceTable): string {
  const price = findPrice(model, table);
  if (price?.origin === "user") return `your price for ${model} (edited in Settings)`;
  return `${table.source}, as of ${table.asOf}`;
}

/** What the estimate before a run says. */
export type CostEstimate =
  | { kind: "simulated"; text: string }
  | { kind: "unknown"; text: string }
  | { kind: "priced"; text: string; inputDollars: number; maxOutputDollars: number | null };

/**
 * The estimate before sending: the prompt's cost from the token estimate, and at most what the
 * output can add when max_completion_tokens bounds it (times n answers).
 */
export function estimateBeforeRun(args: {
  model: string;
  promptTokens: number;
  maxCompletionTokens?: number;
  n?: number;
  table: PriceTable;
}): CostEstimate {
  const { model, promptTokens, table } = args;
  const price = findPrice(model, table);
  if (!price) return { kind: "unknown", text: `No price known for "${model}": add it in Settings to see costs.` };
  if (price.origin === "simulated") return { kind: "simulated", text: "$0: the offline simulator is free (it is not a model)." };
  const inputDollars = estimateCost(model, { promptTokens, completionTokens: 0 }, table) ?? 0;
  const maxOutput = args.maxCompletionTokens === undefined ? null : args.maxCompletionTokens * (args.n ?? 1);
  const maxOutputDollars = maxOutput === null || price.output === null ? null : (maxOutput * price.output) / 1_000_000;
  const outputText =
    maxOutputDollars === null
      ? "plus the output, unbounded (set max output tokens to bound it)"
      : `plus at most ${formatDollars(maxOutputDollars)} of output (${maxOutput} tokens)`;
  return { kind: "priced", text: `about ${formatDollars(inputDollars)} of input, ${outputText}`, inputDollars, maxOutputDollars };
}

/** What the line after a run says, from the server's usage; null when there is no usage. */
export function costAfterRun(args: {
  model: string;
  usage: { promptTokens: number; completionTokens: number; cachedPromptTokens?: number; reasoningTokens?: number } | null;
  table: PriceTable;
}): string | null {
  const { model, usage, table } = args;
  if (!usage) return null;
  const price = findPrice(model, table);
  if (price?.origin === "simulated") return "$0: the offline simulator is free (it is not a model).";
  const dollars = estimateCost(model, usage, table);
  if (dollars === null) return `No price known for "${model}", so no cost is shown (never a guess).`;
  const cached = usage.cachedPromptTokens ? `, ${usage.cachedPromptTokens} of them cached` : "";
  const reasoning = usage.reasoningTokens ? `, ${usage.reasoningTokens} of them reasoning` : "";
  return `${formatDollars(dollars)} for ${usage.promptTokens} prompt${cached} and ${usage.completionTokens} completion tokens${reasoning}`;
}

/** Cached prompt tokens from a run's usage chunk (usage.prompt_tokens_details.cached_tokens), if reported. */
export function cachedTokensOf(chunks: readonly { data: unknown }[]): number | undefined {
  for (let i = chunks.length - 1; i >= 0; i--) {
    const usage = (chunks[i]!.data as { usage?: { prompt_tokens_details?: { cached_tokens?: unknown } } | null } | null)?.usage;
    if (usage) {
      const cached = usage.prompt_tokens_details?.cached_tokens;
      return typeof cached === "number" ? cached : undefined;
    }
  }
  return undefined;
}
