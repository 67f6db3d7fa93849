// Renderer: under the answer: the usage the server reported and what the run cost.
import { useEffect, useState } from "react";
import { useAppStore } from "../../store/appStore";
import { cachedTokensOf, costAfterRun } from "./costText";
import { PricesAsOf } from "./PricesAsOf";

/** Cached prompt tokens of a run, read from its record's usage chunk when the record is available. */
function useCachedTokens(runId: string | null, enabled: boolean): number | undefined {
  const fetchRunRecord = useAppStore((s) => s.fetchRunRecord);
  const [cached, setCached] = useState<{ runId: string; tokens: number | undefined } | null>(null);
  useEffect(() => {
    if (!runId || !enabled) return;
    let live = true;
    fetchRunRecord(runId)
      .then((record) => {
        if (live) setCached({ runId, tokens: cachedTokensOf(record?.chunks ?? []) });
      })
      .catch(() => {
        if (live) setCached({ runId, tokens: undefined });
      });
    return () => {
      live = false;
    };
  }, [runId, enabled, fetchRunRecord]);
  return cached?.runId === runId ? cached.tokens : undefined;
}

/** "Cost: $0.0012 for ..." once a run has ended with usage. */
export function RunCost() {
  const result = useAppStore((s) => s.run.result);
  const table = useAppStore((s) => s.pricing.table);
  // A Responses run reports its cached tokens in the result; a chat run's are read from its record.
  const reported = result?.usage?.cachedPromptTokens;
  const fromRecord = useCachedTokens(result?.runId ?? null, Boolean(result?.usage) && reported === undefined);
  if (!result?.usage || !table) return null;
  const text = costAfterRun({ model: result.model, usage: { ...result.usage, cachedPromptTokens: reported ?? fromRecord }, table });
  return (
    <p className="run-cost" data-testid="run-cost">
      Actual cost: {text} <PricesAsOf parens />
    </p>
  );
}
