// Main process: the budget check before a run is sent (a run over a cap is refused, logged as
// refused, and spends nothing), and each profile's budget status with its 80% warnings.
import type { BudgetStatus, UsageFeature } from "../../../shared/contracts/usage";
import { budgetRefusal, budgetWarnings, estimateRun } from "../../../shared/budget";
import type { ChatRequest } from "../../../shared/contract";
import type { PriceTable } from "../../../shared/pricing";
import type { Budget } from "../../../shared/reliability";
import { DojoError } from "../../errors";
import type { Connection } from "../openaiClient";
import type { UsageLog } from "./usageLog";

/** Checks runs against budgets. */
export interface BudgetGuard {
  /** Throws a DojoError (kind quota, code budget_exceeded) when the run could pass a cap; logs the refusal. */
  check(args: { runId: string; connection: Connection; request: ChatRequest; promptVersion: string | null; feature?: UsageFeature }): Promise<void>;
  /** A profile's caps, spend and warnings. */
  status(profileId: string, profileName: string): Promise<BudgetStatus>;
}

/** The guard over the usage log, the saved budgets and the prices in use. */
export function createBudgetGuard(deps: { usage: UsageLog; budget: (profileId: string) => Budget; priceTable: () => PriceTable; now?: () => Date }): BudgetGuard {
  const now = deps.now ?? (() => new Date());
  return {
    async check({ runId, connection, request, promptVersion, feature }) {
      const { profileId, profileName } = connection.provider;
      const budget = deps.budget(profileId);
      if (budget.dailyUsd === null && budget.monthlyUsd === null && budget.dailyTokens === null && budget.monthlyTokens === null) return;
      const at = now();
      const { day, month } = await deps.usage.spend(profileId, at);
      const refusal = budgetRefusal(profileName, budget, day, month, estimateRun(request, deps.priceTable()));
      if (!refusal) return;
      deps.usage.record({
        entryVersion: 1,
        time: at.getTime(),
        runId,
        profileId,
        profileName: profileName.slice(0, 80),
        providerKind: connection.provider.kind,
        model: request.model,
        feature: feature ?? "playground",
        promptVersion,
        promptTokens: 0,
        completionTokens: 0,
        costUsd: 0,
        latencyMs: 0,
        attempts: 0,
        status: "refused",
        errorKind: "quota",
        httpStatus: null,
        requestId: null,
        fallbackStep: null,
      });
      throw new DojoError("quota", refusal, { code: "budget_exceeded" });
    },
    async status(profileId, profileName) {
      const budget = deps.budget(profileId);
      const { day, month } = await deps.usage.spend(profileId, now());
      return { profileId, profileName, budget, day, month, warnings: budgetWarnings(profileName, budget, day, month) };
    },
  };
}
