// Main process: what an evaluation run still has to send, as it would be sent (filled in and
// redacted), for the checks made before its first request: the budgets and input moderation.
import type { ChatRequest } from "../../../shared/contract";
import type { Dataset, EvalCell, EvalRun } from "../../../shared/evals";
import type { Connection } from "../openaiClient";
import { missingWork, prepareRequest, type EvalRedactor } from "./directRunner";

/** One request not sent yet. */
export interface PendingRequest {
  caseId: string;
  variant: number;
  request: ChatRequest;
}

/** The pending requests to one profile. */
export interface PendingGroup {
  connection: Connection;
  items: PendingRequest[];
}

/** The run's missing cells as the requests they will send, grouped by the profile they go to. */
export function pendingByProfile(run: EvalRun, dataset: Dataset, connections: readonly Connection[], redact: EvalRedactor | null): PendingGroup[] {
  const groups = new Map<string, PendingGroup>();
  for (const { variant, caseIndex } of missingWork(run, dataset)) {
    const template = run.variants[variant]?.request;
    const connection = connections[variant];
    const testCase = dataset.cases[caseIndex];
    if (!template || !connection || !testCase) continue;
    const group = groups.get(connection.provider.profileId) ?? { connection, items: [] };
    group.items.push({ caseId: testCase.id, variant, request: prepareRequest(template, testCase.vars, redact).request });
    groups.set(connection.provider.profileId, group);
  }
  return [...groups.values()];
}

/**
 * Moderates many requests' inputs to one profile: for each request, what flagged it ("hate 0.91"),
 * or null when nothing did. Throws when the check itself fails.
 */
export type InputModerator = (connection: Connection, requests: readonly ChatRequest[]) => Promise<(string | null)[]>;

/**
 * Runs input moderation over every pending request; each flagged one becomes an error cell that
 * says why and was never sent (the runners then skip it, as a finished cell).
 */
export async function flaggedInputCells(groups: readonly PendingGroup[], moderate: InputModerator): Promise<EvalCell[]> {
  const cells: EvalCell[] = [];
  for (const group of groups) {
    const verdicts = await moderate(group.connection, group.items.map((i) => i.request));
    group.items.forEach((item, i) => {
      const flagged = verdicts[i];
      if (!flagged) return;
      cells.push({
        caseId: item.caseId,
        variant: item.variant,
        runId: null,
        status: "error",
        checks: [],
        output: "",
        latencyMs: null,
        costUsd: 0,
        cached: false,
        error: `Moderation flagged the input (${flagged}), so it was not sent.`,
      });
    });
  }
  return cells;
}
