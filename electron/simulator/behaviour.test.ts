// Tests (simulator): the behaviour set for the next requests: counted down, until cleared, validated.
import { describe, expect, it } from "vitest";
import { NORMAL_BEHAVIOUR } from "../../shared/contracts/reliability";
import { SimBehaviourControl } from "./behaviour";
import { RateLimitBudget } from "./rateLimits";

describe("SimBehaviourControl", () => {
  it("gives the failure to the next N requests, then answers normally", () => {
    const control = new SimBehaviourControl(new RateLimitBudget());
    control.set({ ...NORMAL_BEHAVIOUR, failure: "server_error", remaining: 2 });
    expect([control.take(), control.take(), control.take()]).toEqual(["server_error", "server_error", "none"]);
    expect(control.state()).toMatchObject({ failure: "none", served: 3, failed: 2 });
  });

  it("keeps failing until cleared when no count is given", () => {
    const control = new SimBehaviourControl(new RateLimitBudget());
    control.set({ ...NORMAL_BEHAVIOUR, failure: "drop", remaining: null });
    for (let i = 0; i < 5; i++) expect(control.take()).toBe("drop");
    control.set(NORMAL_BEHAVIOUR);
    expect(control.take()).toBe("none");
  });

  it("refuses a behaviour that is not one, changing nothing", () => {
    const control = new SimBehaviourControl(new RateLimitBudget());
    expect(() => control.set({ ...NORMAL_BEHAVIOUR, failure: "explode" })).toThrow();
    expect(() => control.set({ ...NORMAL_BEHAVIOUR, requestsPerMinute: 0 })).toThrow();
    expect(control.state().failure).toBe("none");
  });

  it("sets the enforced limits on the budget", () => {
    const budget = new RateLimitBudget(() => 0);
    const control = new SimBehaviourControl(budget);
    control.set({ ...NORMAL_BEHAVIOUR, requestsPerMinute: 1 });
    budget.consume(0);
    expect(budget.admit(0, "m")?.limit).toBe("requests");
  });
});
