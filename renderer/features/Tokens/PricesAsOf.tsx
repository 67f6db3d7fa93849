// Renderer: "prices as of <date>", shown beside every cost so nobody takes an old price for today's.
import { useEffect } from "react";
import { useAppStore } from "../../store/appStore";

/** The price table's date (loading it if no view has yet), or nothing until it is known. */
export function PricesAsOf({ parens = false }: { parens?: boolean }) {
  const asOf = useAppStore((s) => s.pricing.table?.asOf ?? null);
  const loadPricing = useAppStore((s) => s.loadPricing);
  useEffect(() => {
    void loadPricing();
  }, [loadPricing]);
  if (!asOf) return null;
  return (
    <span className="hint prices-as-of" data-testid="prices-as-of" title="Costs are priced from the table in Settings; prices change, edit a row there to use your own.">
      {parens ? `(prices as of ${asOf})` : `prices as of ${asOf}`}
    </span>
  );
}
