// Main process: the reliability settings in the settings file: the client policy, each profile's
// fallback chain, each profile's budget and the usage text switch, validated before every write.
import type { Budget, FallbackChain } from "../../../shared/reliability";
import { NO_BUDGET } from "../../../shared/reliability";
import type { ClientPolicy } from "../../../shared/retryPolicy";
import { DojoError } from "../../errors";
import type { SettingsStore } from "../settingsStore";

/** Reads and saves the reliability settings. */
export interface ReliabilityStore {
  policy(): ClientPolicy;
  savePolicy(policy: ClientPolicy): ClientPolicy;
  fallbacks(profileId: string): FallbackChain;
  /** Saves a chain; refuses a step that falls back to the profile itself. */
  saveFallbacks(profileId: string, steps: FallbackChain): FallbackChain;
  budget(profileId: string): Budget;
  saveBudget(profileId: string, budget: Budget): Budget;
  /** Whether usage entries carry the redacted message text (off by default). */
  logUsageText(): boolean;
  saveLogUsageText(on: boolean): boolean;
}

/** The store over the app's settings file. */
export function createReliabilityStore(store: SettingsStore): ReliabilityStore {
  const read = () => store.read().reliability;
  const update = (change: (current: ReturnType<typeof read>) => ReturnType<typeof read>) =>
    store.update((settings) => ({ ...settings, reliability: change(settings.reliability) })).reliability;
  return {
    policy: () => read().policy,
    savePolicy: (policy) => update((r) => ({ ...r, policy })).policy,
    fallbacks: (profileId) => read().fallbacks[profileId] ?? [],
    saveFallbacks(profileId, steps) {
      if (steps.some((s) => s.kind === "profile" && s.profileId === profileId)) {
        throw new DojoError("invalid_input", "A profile cannot fall back to itself: use a model step to try another model on the same profile.");
      }
      return update((r) => ({ ...r, fallbacks: { ...r.fallbacks, [profileId]: steps } })).fallbacks[profileId] ?? [];
    },
    budget: (profileId) => read().budgets[profileId] ?? NO_BUDGET,
    logUsageText: () => read().logUsageText,
    saveLogUsageText: (on) => update((r) => ({ ...r, logUsageText: on })).logUsageText,
    saveBudget: (profileId, budget) => update((r) => ({ ...r, budgets: { ...r.budgets, [profileId]: budget } })).budgets[profileId] ?? NO_BUDGET,
  };
}
