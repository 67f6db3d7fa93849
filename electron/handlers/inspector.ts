// Main process: the inspector's channels over the in-memory run log.
import type { inspectorChannels } from "../../shared/contracts/inspector";
import type { Handlers } from "../dispatch";
import type { RunLog } from "../services/runLog";

/** Handlers for `runs.get` and `runs.recent`. */
export function createInspectorHandlers(deps: { runLog: RunLog }): Pick<Handlers, keyof typeof inspectorChannels> {
  return {
    "runs.get": async ({ runId }) => deps.runLog.get(runId),
    "runs.recent": async () => ({ runs: deps.runLog.recent() }),
  };
}
