// Renderer: one profile's details: its form (or the simulator's note), key, test, activate, delete.
import { useState } from "react";
import { useAppStore } from "../../store/appStore";
import { ConnectionTest } from "./ConnectionTest";
import { KeyPanel } from "./KeyPanel";
import { ProfileForm } from "./ProfileForm";
import type { Selection } from "./Settings";

/** The details pane for the selected profile or for a new one. */
export function ProfileDetails({ selection, onSelect }: { selection: Selection; onSelect: (s: Selection) => void }) {
  const profile = useAppStore((s) => (selection.kind === "profile" ? s.profiles.find((p) => p.id === selection.id) : undefined));
  if (selection.kind === "new") {
    return (
      <section className="profile-details" aria-label="New profile">
        <h2>New profile</h2>
        <ProfileForm profile={null} onSaved={(id) => onSelect({ kind: "profile", id })} />
      </section>
    );
  }
  if (!profile) return <section className="profile-details">This profile no longer exists.</section>;
  const isSimulator = profile.kind === "simulator";
  return (
    <section className="profile-details" aria-label={`Profile ${profile.name}`}>
      <h2>{profile.name}</h2>
      {isSimulator ? (
        <p>
          The built-in simulator answers offline at <code>{profile.effectiveBaseURL}</code>. Its answers are simulated,
          not written by a model; it exists to learn the API (streaming, usage, errors) without a key or network. It
          cannot be edited or deleted and needs no key.
        </p>
      ) : (
        <ProfileForm profile={profile} onSaved={() => undefined} />
      )}
      {!isSimulator ? <KeyPanel profile={profile} /> : null}
      <ConnectionTest profileId={profile.id} />
      <ProfileActions profileId={profile.id} deletable={!profile.builtIn && !isSimulator} onDeleted={() => onSelect({ kind: "profile", id: "simulator" })} />
    </section>
  );
}

function ProfileActions({ profileId, deletable, onDeleted }: { profileId: string; deletable: boolean; onDeleted: () => void }) {
  const activeId = useAppStore((s) => s.activeId);
  const setActive = useAppStore((s) => s.setActiveProfile);
  const deleteProfile = useAppStore((s) => s.deleteProfile);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isActive = activeId === profileId;
  return (
    <div className="profile-actions">
      <button
        type="button"
        className="button-primary"
        data-testid="profile-activate"
        disabled={isActive}
        onClick={async () => setError((await setActive(profileId))?.message ?? null)}
      >
        {isActive ? "Active: the playground runs here" : "Make active"}
      </button>
      {deletable ? (
        // Deleting also removes the key, so it takes a second click (an in-page confirmation
        // rather than window.confirm, which end-to-end browsers dismiss by default).
        <button
          type="button"
          className={confirming ? "button-danger" : ""}
          data-testid="profile-delete"
          onClick={async () => {
            if (!confirming) return setConfirming(true);
            const failure = await deleteProfile(profileId);
            if (failure) {
              setError(failure.message);
              setConfirming(false);
            } else onDeleted();
          }}
          onBlur={() => setConfirming(false)}
        >
          {confirming ? "Click again to delete this profile and its key" : "Delete profile"}
        </button>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
