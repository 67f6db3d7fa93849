// Main process: the cost of a recorded run at the prices in use, for history and evaluations.
import { estimateCost, type PriceTable } from "../../../shared/pricing";
import type { RunRecord } from "../../../shared/runRecord";

/** Dollars for the record's usage, or null when there is no usage or no price for the model. */
export function recordCost(record: RunRecord, table: PriceTable): number | null {
  const usage = record.result?.usage;
  if (!usage) return null;
  return estimateCost(record.result?.model ?? record.request.model, usage, table);
}
