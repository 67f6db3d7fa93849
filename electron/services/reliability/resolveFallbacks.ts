// Main process: turns a profile's saved fallback chain into steps a run can take: profile steps
// get their connection (resolved only if the step is reached) and their model.
import { describeFallbackStep, type FallbackChain } from "../../../shared/reliability";
import type { ResolvedFallback } from "../chatRun";
import type { ProfileService } from "../profiles";

/** The chain as the run takes it; `requestModel` stands in where a step names no model. */
export function resolveFallbacks(steps: FallbackChain, profiles: Pick<ProfileService, "get" | "resolveConnection">, requestModel: string): ResolvedFallback[] {
  const nameOf = (id: string) => {
    try {
      return profiles.get(id).name;
    } catch {
      return `${id} (no longer exists)`;
    }
  };
  return steps.map((step): ResolvedFallback => {
    const label = describeFallbackStep(step, nameOf);
    switch (step.kind) {
      case "model":
        return { kind: "model", label, model: step.model };
      case "profile": {
        let model = step.model;
        try {
          model ||= profiles.get(step.profileId).defaultModel;
        } catch {
          // The profile is gone: resolving its connection below says so, and the step is skipped.
        }
        return { kind: "profile", label, model: model || requestModel, connection: () => profiles.resolveConnection(step.profileId) };
      }
      case "cached":
        return { kind: "cached", label };
      case "message":
        return { kind: "message", label, text: step.text };
    }
  });
}
