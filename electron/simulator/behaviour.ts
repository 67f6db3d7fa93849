// Main process (simulator): the behaviour set for the next requests through the control endpoint
// (`/_dojo/behaviour`): a failure for the next N requests or until cleared, and enforced limits.
import { NORMAL_BEHAVIOUR, SimBehaviour, type SimBehaviourState } from "../../shared/contracts/reliability";
import type { SimulatorFailure } from "../../shared/contract";
import type { RateLimitBudget } from "./rateLimits";

/** The control endpoint's path (outside /v1, so no API route can collide with it). */
export const BEHAVIOUR_PATH = "/_dojo/behaviour";

/** The simulator's mutable behaviour; one per running simulator. */
export class SimBehaviourControl {
  private behaviour: SimBehaviour = { ...NORMAL_BEHAVIOUR };
  private served = 0;
  private limited = 0;
  private failed = 0;

  constructor(private readonly budget: RateLimitBudget) {}

  /** The behaviour in force and the counts since it was set. */
  state(): SimBehaviourState {
    return { ...this.behaviour, served: this.served, limited: this.limited, failed: this.failed };
  }

  /** Replaces the behaviour (validated) and restarts the counts. */
  set(next: unknown): SimBehaviourState {
    this.behaviour = SimBehaviour.parse(next);
    this.budget.setLimits({ requestsPerMinute: this.behaviour.requestsPerMinute, tokensPerMinute: this.behaviour.tokensPerMinute });
    this.served = 0;
    this.limited = 0;
    this.failed = 0;
    return this.state();
  }

  /** The failure for the request arriving now, counting it down; "none" once used up. */
  take(): SimulatorFailure {
    this.served += 1;
    const { failure, remaining } = this.behaviour;
    if (failure === "none") return "none";
    if (remaining !== null) {
      const left = remaining - 1;
      this.behaviour = left > 0 ? { ...this.behaviour, remaining: left } : { ...this.behaviour, failure: "none", remaining: null };
    }
    this.failed += 1;
    return failure;
  }

  /** The slow_first_byte wait in force, or null for the simulator's default. */
  firstByteDelayMs(): number | null {
    return this.behaviour.firstByteDelayMs;
  }

  /** Counts a request refused by the enforced limits. */
  countLimited(): void {
    this.limited += 1;
  }
}
