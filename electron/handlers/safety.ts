// Main process: the safety channels over the safety service and the profiles' connections.
import type { safetyChannels } from "../../shared/contracts/safety";
import type { Handlers } from "../dispatch";
import type { ProfileService } from "../services/profiles";
import type { SafetyService } from "../services/safety";

/** Handlers for `safety.get`, `safety.save`, `safety.moderate` and `safety.preview`. */
export function createSafetyHandlers(deps: { safety: SafetyService; profiles: ProfileService }): Pick<Handlers, keyof typeof safetyChannels> {
  return {
    "safety.get": async () => deps.safety.get(),
    "safety.save": async (settings) => deps.safety.save(settings),
    "safety.moderate": async ({ profileId, texts }) => deps.safety.moderate(await deps.profiles.resolveConnection(profileId), texts),
    "safety.preview": async ({ request, api, responses }) => deps.safety.preview(request, api, responses),
  };
}
