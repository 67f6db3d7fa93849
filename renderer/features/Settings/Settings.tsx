// Renderer: the settings view: profiles on the left, the selected profile's details on the right.
import { useState } from "react";
import { useAppStore } from "../../store/appStore";
import { KeychainHelp } from "./KeychainHelp";
import { ProfileDetails } from "./ProfileDetails";
import { ProfileList } from "./ProfileList";
import { PriceSettings } from "../Tokens/PriceSettings";
import { PolicySettings } from "../Reliability/PolicySettings";
import { FallbackSettings } from "../Reliability/FallbackSettings";
import { SafetySettingsSection } from "../Safety/SafetySettingsSection";
import { UsageTextSetting } from "../Usage/UsageTextSetting";
import { SettingsBackupBanner } from "../Lessons/SettingsBackupBanner";

/** What the details pane shows: a saved profile, or the form of a new one. */
export type Selection = { kind: "profile"; id: string } | { kind: "new" };

/** Connection profiles, keys, connection tests and the retry policy. */
export function Settings() {
  const activeId = useAppStore((s) => s.activeId);
  const profilesError = useAppStore((s) => s.profilesError);
  const [selection, setSelection] = useState<Selection | null>(null);
  const current = selection ?? (activeId ? { kind: "profile" as const, id: activeId } : null);
  return (
    <div className="settings">
      <h1>Settings</h1>
      {profilesError ? (
        <p className="field-error" role="alert">
          Profiles could not be loaded: {profilesError.message}
        </p>
      ) : null}
      <KeychainHelp />
      <SettingsBackupBanner />
      <div className="settings-columns">
        <ProfileList selection={current} onSelect={setSelection} />
        {current ? <ProfileDetails key={current.kind === "new" ? "new" : current.id} selection={current} onSelect={setSelection} /> : null}
      </div>
      <PriceSettings />
      <PolicySettings />
      <FallbackSettings />
      <SafetySettingsSection />
      <UsageTextSetting />
    </div>
  );
}
