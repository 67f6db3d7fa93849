// Main process: run history's channels over the history file.
import type { historyChannels } from "../../shared/contracts/history";
import type { Handlers } from "../dispatch";
import type { RunHistory } from "../services/history/runHistory";

/** Handlers for `history.list` and `history.get`. */
export function createHistoryHandlers(deps: { history: RunHistory }): Pick<Handlers, keyof typeof historyChannels> {
  return {
    "history.list": async (filter) => deps.history.list(filter),
    "history.get": async ({ runId }) => deps.history.get(runId),
  };
}
