// Renderer: under the request editor: its live token count and the cost estimate before sending,
// priced from the shared table (with its source and date).
import { useEffect } from "react";
import { useAppStore } from "../../store/appStore";
import { estimateBeforeRun, priceSource } from "./costText";
import { useTokenCount } from "./useTokenCount";
import "./tokens.css";

/** "About N prompt tokens; cost ..." for the request being edited. */
export function RequestCost() {
  const request = useAppStore((s) => s.request);
  const table = useAppStore((s) => s.pricing.table);
  const pricingError = useAppStore((s) => s.pricing.error);
  const loadPricing = useAppStore((s) => s.loadPricing);
  useEffect(() => {
    void loadPricing();
  }, [loadPricing]);
  const count = useTokenCount(request);
  const estimate =
    table && count.total !== null
      ? estimateBeforeRun({ model: request.model, promptTokens: count.total, maxCompletionTokens: request.max_completion_tokens, n: request.n, table })
      : null;
  return (
    <section className="request-cost" aria-label="Tokens and cost estimate" data-testid="request-cost" data-status={count.status}>
      <p>
        <strong data-testid="token-count">{count.total === null ? "..." : count.total.toLocaleString("en-US")}</strong> prompt tokens{" "}
        <span className="hint" title="o200k_base (GPT-4o, GPT-4.1, o-series, GPT-5) plus the chat format's overhead, per OpenAI's cookbook; the server's count can differ by a few tokens.">
          (estimate{count.ms !== null ? `, counted off the main thread in ${count.ms < 1 ? "under 1" : Math.round(count.ms)} ms` : ""})
        </span>
        {count.status === "error" ? <span className="field-error"> Could not count: {count.error}</span> : null}
      </p>
      {estimate ? (
        <p data-testid="cost-estimate" data-kind={estimate.kind}>
          Cost: {estimate.text}
          {estimate.kind === "priced" ? <span className="hint"> ({priceSource(request.model, table!)})</span> : null}
        </p>
      ) : null}
      {pricingError ? <p className="field-error">{pricingError}</p> : null}
    </section>
  );
}
