// Main process: the reliability channels over the reliability settings, the simulator's control
// endpoint and the mock refund ledger.
import type { reliabilityChannels } from "../../shared/contracts/reliability";
import type { Handlers } from "../dispatch";
import type { EffectLedger } from "../services/reliability/effectLedger";
import type { ReliabilityStore } from "../services/reliability/reliabilityStore";
import type { SimulatorControl } from "../services/reliability/simulatorControl";

/** What the reliability handlers need. */
export interface ReliabilityDeps {
  reliability: ReliabilityStore;
  simulatorControl: SimulatorControl;
  effects: EffectLedger;
}

/** Handlers for the policy, fallback, simulator-behaviour and effects channels. */
export function createReliabilityHandlers(deps: { reliabilityDeps: ReliabilityDeps }): Pick<Handlers, keyof typeof reliabilityChannels> {
  const { reliability, simulatorControl, effects } = deps.reliabilityDeps;
  return {
    "policy.get": async () => reliability.policy(),
    "policy.save": async (policy) => reliability.savePolicy(policy),
    "fallbacks.get": async ({ profileId }) => ({ steps: reliability.fallbacks(profileId) }),
    "fallbacks.save": async ({ profileId, steps }) => ({ steps: reliability.saveFallbacks(profileId, steps) }),
    "simulator.behaviour": async () => simulatorControl.get(),
    "simulator.setBehaviour": async (behaviour) => simulatorControl.set(behaviour),
    "simulator.clearBehaviour": async () => simulatorControl.clear(),
    "effects.refund": async (call) => effects.refund(call),
    "effects.list": async () => ({ refunds: effects.list() }),
    "effects.reset": async () => {
      effects.reset();
      return { ok: true };
    },
  };
}
