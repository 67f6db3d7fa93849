// Both processes: how an amount of US dollars is printed. Kept apart from budget.ts, which counts
// tokens, so a view that only prints money (Usage) does not bundle the tokenizer.

/** "$0.0123" for small amounts, "$12.34" for larger. */
export function formatUsd(usd: number): string {
  return usd >= 1 ? `$${usd.toFixed(2)}` : `$${usd.toPrecision(3).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "")}`;
}
