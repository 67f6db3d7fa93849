// Renderer: the list of profiles (simulator first), with the active one marked, and "New profile".
import { useShallow } from "zustand/react/shallow";
import { useAppStore } from "../../store/appStore";
import { selectSortedProfiles } from "../../store/selectors";
import { keyStatusText } from "./keyStatusText";
import type { Selection } from "./Settings";

const KIND_LABEL = { simulator: "Simulator (simulated answers)", openai: "OpenAI", compatible: "OpenAI-compatible" } as const;

/** Profile rows; choosing one shows its details. */
export function ProfileList({ selection, onSelect }: { selection: Selection | null; onSelect: (s: Selection) => void }) {
  const profiles = useAppStore(useShallow(selectSortedProfiles));
  const activeId = useAppStore((s) => s.activeId);
  return (
    <div className="profile-list">
      <h2>Profiles</h2>
      <ul>
        {profiles.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="profile-row"
              data-testid="profile-row"
              data-profile-id={p.id}
              aria-pressed={selection?.kind === "profile" && selection.id === p.id}
              onClick={() => onSelect({ kind: "profile", id: p.id })}
            >
              <span className="profile-name">
                {p.name}
                {p.id === activeId ? <span className="tag tag-active">active</span> : null}
                {p.builtIn ? <span className="tag">built-in</span> : null}
              </span>
              <span className="hint">{KIND_LABEL[p.kind]}</span>
              <span className="hint mono">{p.effectiveBaseURL || p.baseURL || "default URL"}</span>
              {p.kind !== "simulator" ? <span className="hint">{keyStatusText(p.key)}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" data-testid="profile-new" onClick={() => onSelect({ kind: "new" })}>
        New profile
      </button>
    </div>
  );
}
