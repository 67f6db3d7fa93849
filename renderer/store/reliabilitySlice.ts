// Renderer: the reliability slice: the client policy, each profile's fallback chain, the simulator's
// behaviour for the next requests, and the mock refund ledger of the idempotency lesson.
import type { Refund, RefundCall, RefundOutcome, SimBehaviour, SimBehaviourState } from "../../shared/contracts/reliability";
import type { FallbackChain } from "../../shared/reliability";
import type { ClientPolicy } from "../../shared/retryPolicy";
import { toAppError } from "./toAppError";
import type { SliceCreator, StoreDeps } from "./types";

export interface ReliabilityState {
  /** null until loaded. */
  policy: ClientPolicy | null;
  /** Saved chains by profile id, as loaded. */
  fallbacks: Record<string, FallbackChain>;
  /** The simulator's behaviour in force; null until loaded. */
  behaviour: SimBehaviourState | null;
  refunds: Refund[];
  /** What the last refund call did. */
  lastRefund: RefundOutcome | null;
  /** Why the last call failed, or null. */
  error: string | null;
  /** A short confirmation after a save ("Saved."), or null. */
  saved: string | null;
}

export interface ReliabilitySlice {
  reliability: ReliabilityState;
  loadPolicy(): Promise<void>;
  /** Saves the policy; resolves true when the main side accepted it. */
  savePolicy(policy: ClientPolicy): Promise<boolean>;
  loadFallbacks(profileId: string): Promise<void>;
  saveFallbacks(profileId: string, steps: FallbackChain): Promise<boolean>;
  loadBehaviour(): Promise<void>;
  setBehaviour(behaviour: SimBehaviour): Promise<boolean>;
  clearBehaviour(): Promise<void>;
  /** Calls the mock create_refund; resolves with what happened, or null when the call failed. */
  callRefund(call: RefundCall): Promise<RefundOutcome | null>;
  loadRefunds(): Promise<void>;
  resetRefunds(): Promise<void>;
}

const initial: ReliabilityState = { policy: null, fallbacks: {}, behaviour: null, refunds: [], lastRefund: null, error: null, saved: null };

/** The reliability slice. */
export function createReliabilitySlice(deps: StoreDeps): SliceCreator<ReliabilitySlice> {
  return (set, get) => {
    const patch = (change: Partial<ReliabilityState>) => set((s) => ({ reliability: { ...s.reliability, ...change } }));
    /** Runs a call, recording its failure as the slice's error; returns undefined when it failed. */
    const attempt = async <T>(what: string, work: () => Promise<T>): Promise<T | undefined> => {
      try {
        const value = await work();
        patch({ error: null });
        return value;
      } catch (err) {
        patch({ error: `${what}: ${toAppError(err).message}`, saved: null });
        return undefined;
      }
    };
    return {
      reliability: initial,
      loadPolicy: async () => {
        const policy = await attempt("The policy could not be read", () => deps.bridge.call("policy.get", {}));
        if (policy) patch({ policy });
      },
      savePolicy: async (next) => {
        const policy = await attempt("The policy was not saved", () => deps.bridge.call("policy.save", next));
        if (policy) patch({ policy, saved: "Saved: the next request follows this policy." });
        return policy !== undefined;
      },
      loadFallbacks: async (profileId) => {
        const out = await attempt("The fallback chain could not be read", () => deps.bridge.call("fallbacks.get", { profileId }));
        if (out) patch({ fallbacks: { ...get().reliability.fallbacks, [profileId]: out.steps } });
      },
      saveFallbacks: async (profileId, steps) => {
        const out = await attempt("The fallback chain was not saved", () => deps.bridge.call("fallbacks.save", { profileId, steps }));
        if (out) patch({ fallbacks: { ...get().reliability.fallbacks, [profileId]: out.steps }, saved: "Saved: the chain applies from the next run." });
        return out !== undefined;
      },
      loadBehaviour: async () => {
        const behaviour = await attempt("The simulator's behaviour could not be read", () => deps.bridge.call("simulator.behaviour", {}));
        if (behaviour) patch({ behaviour });
      },
      setBehaviour: async (next) => {
        const behaviour = await attempt("The simulator refused the behaviour", () => deps.bridge.call("simulator.setBehaviour", next));
        if (behaviour) patch({ behaviour });
        return behaviour !== undefined;
      },
      clearBehaviour: async () => {
        const behaviour = await attempt("The simulator could not be reset", () => deps.bridge.call("simulator.clearBehaviour", {}));
        if (behaviour) patch({ behaviour });
      },
      callRefund: async (call) => {
        const outcome = await attempt("create_refund failed", () => deps.bridge.call("effects.refund", call));
        if (!outcome) return null;
        patch({ lastRefund: outcome });
        await get().loadRefunds();
        return outcome;
      },
      loadRefunds: async () => {
        const out = await attempt("The ledger could not be read", () => deps.bridge.call("effects.list", {}));
        if (out) patch({ refunds: out.refunds });
      },
      resetRefunds: async () => {
        await attempt("The ledger could not be emptied", () => deps.bridge.call("effects.reset", {}));
        patch({ refunds: [], lastRefund: null });
      },
    };
  };
}
