// Main process: the budget check before a run is sent (a run over a cap is refused, logged as
// refused, and spends nothing), and each profile's budget status with its 80% warnings.
import type { BudgetStatus, UsageFeature } from "../../../shared/contracts/usage";
import { budgetRefusal, budgetWarnings, estimateRun, estimateRuns, type RunEstimate } from "../../../shared/budget";
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
  /**
   * The same for an evaluation's requests to one profile, taken together: a run that could pass a
   * cap is refused whole before its first request, and can be resumed once the cap allows.
   */
  checkEvaluation(args: { evalRunId: string; connection: Connection; requests: () => readonly ChatRequest[] }): Promise<void>;
  /** A profile's caps, spend and warnings. */
  status(profileId: string, profileName: string): Promise<BudgetStatus>;
}

/** What is checked; `measure` is only called when the profile has a cap (it may fill thousands of requests). */
interface Refusable {
  runId: string;
  connection: Connection;
  promptVersion: string | null;
  feature: UsageFeature;
  measure: () => { model: string; estimate: RunEstimate; what?: string } | null;
}

/** The guard over the usage log, the saved budgets and the prices in use. */
export function createBudgetGuard(deps: { usage: UsageLog; budget: (profileId: string) => Budget; priceTable: () => PriceTable; now?: () => Date }): BudgetGuard {
  const now = deps.now ?? (() => new Date());
  /** Refuses (logged, thrown) what could pass a cap; the estimate is only made when a cap is set. */
  async function refuseOverBudget({ runId, connection, promptVersion, feature, measure }: Refusable): Promise<void> {
    const { profileId, profileName } = connection.provider;
    const budget = deps.budget(profileId);
    if (budget.dailyUsd === null && budget.monthlyUsd === null && budget.dailyTokens === null && budget.monthlyTokens === null) return;
    const measured = measure();
    if (!measured) return;
    const { model, estimate, what } = measured;
    const at = now();
    const { day, month } = await deps.usage.spend(profileId, at);
    const refusal = budgetRefusal(profileName, budget, day, month, estimate, what);
    if (!refusal) return;
    deps.usage.record({
      entryVersion: 1,
      time: at.getTime(),
      runId,
      profileId,
      profileName: profileName.slice(0, 80),
      providerKind: connection.provider.kind,
      model: model.slice(0, 200),
      feature,
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
  }
  return {
    check: ({ runId, connection, request, promptVersion, feature }) =>
      refuseOverBudget({ runId, connection, promptVersion, feature: feature ?? "playground", measure: () => ({ model: request.model, estimate: estimateRun(request, deps.priceTable()) }) }),
    checkEvaluation: ({ evalRunId, connection, requests }) =>
      refuseOverBudget({
        runId: evalRunId,
        connection,
        promptVersion: null,
        feature: "eval",
        measure: () => {
          const all = requests();
          if (!all.length) return null;
          return { model: all[0]?.model ?? "", estimate: estimateRuns(all, deps.priceTable()), what: `this evaluation (${all.length.toLocaleString("en-US")} request${all.length === 1 ? "" : "s"})` };
        },
      }),
    async status(profileId, profileName) {
      const budget = deps.budget(profileId);
      const { day, month } = await deps.usage.spend(profileId, now());
      return { profileId, profileName, budget, day, month, warnings: budgetWarnings(profileName, budget, day, month) };
    },
  };
}
