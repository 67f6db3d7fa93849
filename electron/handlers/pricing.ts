// Main process: the price table's channels over the pricing service.
import type { pricingChannels } from "../../shared/contracts/pricing";
import type { Handlers } from "../dispatch";
import type { PricingService } from "../services/pricing";

/** Handlers for `pricing.get` and `pricing.save`. */
export function createPricingHandlers(deps: { pricing: PricingService }): Pick<Handlers, keyof typeof pricingChannels> {
  return {
    "pricing.get": async () => deps.pricing.get(),
    "pricing.save": async (overrides) => deps.pricing.save(overrides),
  };
}
