// Both processes: which simulated failure the playground's next run gets, and who chose it. The
// simulator decides one way: a failure the request asks for (the playground's draft, sent as the
// x-dojo-simulate header) wins; without one, the behaviour set in the Reliability lab applies to the
// next requests from any client. The playground and the lab both show this one answer.
import type { SimBehaviourState } from "./contracts/reliability";
import type { SimulatorFailure } from "./schemas";

export type FailureInForce =
  | { source: "none"; failure: "none" }
  /** The draft asks for it on every run; `labWaiting` is a lab failure it overrides for playground runs. */
  | { source: "playground"; failure: Exclude<SimulatorFailure, "none">; labWaiting: Exclude<SimulatorFailure, "none"> | null }
  /** Set in the lab for the next `remaining` requests (null: until cleared). */
  | { source: "lab"; failure: Exclude<SimulatorFailure, "none">; remaining: number | null };

/** The failure the next playground run on the simulator gets; `behaviour` is null while unknown. */
export function failureInForce(draftFailure: SimulatorFailure, behaviour: Pick<SimBehaviourState, "failure" | "remaining"> | null): FailureInForce {
  const lab = behaviour && behaviour.failure !== "none" && behaviour.remaining !== 0 ? behaviour.failure : null;
  if (draftFailure !== "none") return { source: "playground", failure: draftFailure, labWaiting: lab };
  if (lab && behaviour) return { source: "lab", failure: lab, remaining: behaviour.remaining };
  return { source: "none", failure: "none" };
}

/** "the next 3 requests" or "every request until cleared". */
export function remainingText(remaining: number | null): string {
  return remaining === null ? "every request until cleared" : `the next ${remaining} request${remaining === 1 ? "" : "s"}`;
}
