// Main process: the usage monitor's channels over the usage log, the budgets and the profiles.
import type { usageChannels } from "../../shared/contracts/usage";
import { usageToCsv } from "../../shared/usageCsv";
import type { Handlers } from "../dispatch";
import type { ProfileService } from "../services/profiles";
import type { ReliabilityStore } from "../services/reliability/reliabilityStore";
import type { BudgetGuard } from "../services/usage/budgetGuard";
import type { UsageLog } from "../services/usage/usageLog";

/** What the usage handlers need. */
export interface UsageDeps {
  usage: UsageLog;
  budgets: BudgetGuard;
  reliability: ReliabilityStore;
}

/** A listing's start when none is given: 30 days ago. */
const DEFAULT_WINDOW_MS = 30 * 24 * 3600 * 1000;

/** Handlers for `usage.list`, `usage.setTextLogging`, `usage.exportCsv`, `budgets.get` and `budgets.save`. */
export function createUsageHandlers(deps: { usageDeps: UsageDeps; profiles: ProfileService }): Pick<Handlers, keyof typeof usageChannels> {
  const { usage, budgets, reliability } = deps.usageDeps;
  const since = (sinceMs: number | undefined) => sinceMs ?? Date.now() - DEFAULT_WINDOW_MS;
  return {
    // Message text is logged (redacted) only while the switch is on; see usageText.ts.
    "usage.list": async ({ sinceMs }) => ({ ...(await usage.list(since(sinceMs))), textLogging: reliability.logUsageText() }),
    "usage.setTextLogging": async ({ enabled }) => ({ textLogging: reliability.saveLogUsageText(enabled) }),
    "usage.exportCsv": async ({ sinceMs }) => {
      const { entries } = await usage.list(since(sinceMs));
      return { csv: usageToCsv(entries), rows: entries.length };
    },
    "budgets.get": async () => {
      const { profiles } = await deps.profiles.list();
      return { budgets: await Promise.all(profiles.map((p) => budgets.status(p.id, p.name))) };
    },
    "budgets.save": async ({ profileId, budget }) => {
      const profile = deps.profiles.get(profileId);
      reliability.saveBudget(profileId, budget);
      return budgets.status(profileId, profile.name);
    },
  };
}
