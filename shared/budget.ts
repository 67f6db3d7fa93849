// Both processes: budgets: what a run may cost before it is sent, whether a profile's caps allow
// it, and the warnings at 80% of a cap. Pure: spend and prices are passed in.
import type { ChatRequest } from "./chatRequest";
import { estimateCost, type PriceTable } from "./pricing";
import { BUDGET_WARNING_FRACTION, type Budget } from "./reliability";
import { countRequestTokens } from "./tokens";
import { formatUsd } from "./formatUsd";

/** Re-exported for the main side; the renderer imports ./formatUsd directly (no tokenizer). */
export { formatUsd };

/** Spend over one period. */
export interface PeriodSpend {
  usd: number;
  tokens: number;
}

/** A run's cost at most, estimated before sending. */
export interface RunEstimate {
  promptTokens: number;
  /** The answer's tokens at most: the request's max_completion_tokens (or a default) for each choice. */
  completionTokens: number;
  /** Dollars at most; null when the model's price is unknown. */
  usd: number | null;
}

/** Tokens assumed for an answer when the request sets no max_completion_tokens. */
export const DEFAULT_ANSWER_ESTIMATE = 1_024;

/** The most a request can cost: its prompt tokens plus the longest answer it allows, per choice. */
export function estimateRun(request: ChatRequest, table: PriceTable): RunEstimate {
  const promptTokens = countRequestTokens(request).total;
  const completionTokens = (request.max_completion_tokens ?? DEFAULT_ANSWER_ESTIMATE) * (request.n ?? 1);
  return { promptTokens, completionTokens, usd: estimateCost(request.model, { promptTokens, completionTokens }, table) };
}

/** The most several requests can cost together (an evaluation's); unpriced when any one is. */
export function estimateRuns(requests: readonly ChatRequest[], table: PriceTable): RunEstimate {
  const total: RunEstimate = { promptTokens: 0, completionTokens: 0, usd: 0 };
  for (const request of requests) {
    const one = estimateRun(request, table);
    total.promptTokens += one.promptTokens;
    total.completionTokens += one.completionTokens;
    total.usd = total.usd === null || one.usd === null ? null : total.usd + one.usd;
  }
  return total;
}


/** One cap with what is spent against it. */
interface CapCheck {
  label: string;
  cap: number;
  spent: number;
  cost: number | null;
  unit: "usd" | "tokens";
}

function caps(budget: Budget, day: PeriodSpend, month: PeriodSpend, estimate?: RunEstimate): CapCheck[] {
  const tokens = estimate ? estimate.promptTokens + estimate.completionTokens : 0;
  const usd = estimate ? estimate.usd : 0;
  const all: (CapCheck | null)[] = [
    budget.dailyUsd === null ? null : { label: "daily dollar cap", cap: budget.dailyUsd, spent: day.usd, cost: usd, unit: "usd" },
    budget.monthlyUsd === null ? null : { label: "monthly dollar cap", cap: budget.monthlyUsd, spent: month.usd, cost: usd, unit: "usd" },
    budget.dailyTokens === null ? null : { label: "daily token cap", cap: budget.dailyTokens, spent: day.tokens, cost: tokens, unit: "tokens" },
    budget.monthlyTokens === null ? null : { label: "monthly token cap", cap: budget.monthlyTokens, spent: month.tokens, cost: tokens, unit: "tokens" },
  ];
  return all.filter((c): c is CapCheck => c !== null);
}

const amount = (n: number, unit: CapCheck["unit"]) => (unit === "usd" ? formatUsd(n) : `${Math.round(n).toLocaleString("en-US")} tokens`);

/**
 * Why a run must be refused before it is sent, or null when every cap allows it. A dollar cap
 * cannot judge a model with no known price; that run is allowed, and a token cap still applies.
 */
export function budgetRefusal(profileName: string, budget: Budget, day: PeriodSpend, month: PeriodSpend, estimate: RunEstimate, what = "this run"): string | null {
  for (const check of caps(budget, day, month, estimate)) {
    if (check.cost === null) continue;
    if (check.spent + check.cost > check.cap) {
      const left = Math.max(0, check.cap - check.spent);
      return (
        `Refused before sending: ${what} could use up to ${amount(check.cost, check.unit)}, and profile ${profileName} has ` +
        `${amount(left, check.unit)} left of its ${check.label} of ${amount(check.cap, check.unit)}. Nothing was sent and nothing was spent. ` +
        "Lower max_completion_tokens, wait for the next period, or raise the cap in Usage."
      );
    }
  }
  return null;
}

/** One warning per cap at or past 80% of its limit. */
export function budgetWarnings(profileName: string, budget: Budget, day: PeriodSpend, month: PeriodSpend): string[] {
  return caps(budget, day, month)
    .filter((c) => c.spent >= c.cap * BUDGET_WARNING_FRACTION)
    .map((c) => `Profile ${profileName} has used ${Math.floor((c.spent / c.cap) * 100)}% of its ${c.label} (${amount(c.spent, c.unit)} of ${amount(c.cap, c.unit)}).`);
}
