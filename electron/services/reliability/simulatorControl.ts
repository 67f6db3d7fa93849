// Main process: sets the simulator's behaviour for the next requests through its control endpoint
// (the same endpoint a learner can call with curl when the simulator runs alone).
import { SimBehaviourState, type SimBehaviour } from "../../../shared/contracts/reliability";
import { describeZodError } from "../../../shared/errors";
import { DojoError } from "../../errors";

/** Reads and changes the running simulator's behaviour. */
export interface SimulatorControl {
  get(): Promise<SimBehaviourState>;
  set(behaviour: SimBehaviour): Promise<SimBehaviourState>;
  clear(): Promise<SimBehaviourState>;
}

/** A control over the endpoint at `url` (RunningSimulator.behaviourURL). */
export function createSimulatorControl(url: string): SimulatorControl {
  const send = async (method: "GET" | "POST" | "DELETE", body?: SimBehaviour): Promise<SimBehaviourState> => {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: body ? { "content-type": "application/json" } : undefined,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(5_000),
      });
    } catch (err) {
      throw new DojoError("network", `The simulator's control endpoint did not answer (${err instanceof Error ? err.message : String(err)}).`);
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const message = (json as { error?: { message?: string } } | null)?.error?.message ?? `status ${response.status}`;
      throw new DojoError("invalid_input", `The simulator refused the behaviour: ${message}`);
    }
    const parsed = SimBehaviourState.safeParse(json);
    if (!parsed.success) throw new DojoError("internal", `The simulator's control endpoint answered an unexpected shape: ${describeZodError(parsed.error)}`);
    return parsed.data;
  };
  return {
    get: () => send("GET"),
    set: (behaviour) => send("POST", behaviour),
    clear: () => send("DELETE"),
  };
}
