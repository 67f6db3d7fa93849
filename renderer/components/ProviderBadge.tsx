// Renderer: the header badge that always says which provider runs go to.
import { useShallow } from "zustand/react/shallow";
import { useAppStore } from "../store/appStore";
import { selectProviderBadge } from "../store/selectors";

/** Names the active provider; for the simulator it says the answers are simulated. */
export function ProviderBadge() {
  const badge = useAppStore(useShallow(selectProviderBadge));
  return (
    <span className={`provider-badge provider-${badge.tone}`} data-testid="provider-badge" title={badge.detail} role="status">
      {badge.label}
    </span>
  );
}
