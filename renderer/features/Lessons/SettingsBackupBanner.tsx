// Renderer: while a lesson's settings stand in for the learner's own, a banner says which and
// offers to put the learner's back (or to keep the lesson's and forget the copy).
import { useEffect } from "react";
import { backupParts } from "../../../shared/lessonSettingsBackup";
import { useAppStore } from "../../store/appStore";

/** The banner, or nothing when no settings were kept. */
export function SettingsBackupBanner() {
  const backup = useAppStore((s) => s.settingsBackup);
  const load = useAppStore((s) => s.loadSettingsBackup);
  const restore = useAppStore((s) => s.restoreLessonSettings);
  const discard = useAppStore((s) => s.discardLessonSettings);
  const profiles = useAppStore((s) => s.profiles);
  useEffect(() => {
    if (backup === undefined) void load();
  }, [backup, load]);
  if (!backup) return null;
  const parts = backupParts(backup, (id) => profiles.find((p) => p.id === id)?.name ?? id);
  return (
    <div className="banner" role="status" data-testid="settings-backup">
      <p>
        The lesson "{backup.lessonTitle}" changed {parts.join(", ")} on {new Date(backup.savedAt).toLocaleString()}. Your own are kept.
      </p>
      <span className="row">
        <button type="button" className="button-primary" data-testid="restore-settings" onClick={() => void restore()}>
          Restore my settings
        </button>
        <button type="button" className="button-quiet" data-testid="discard-settings-backup" onClick={() => void discard()}>
          Keep the lesson's
        </button>
      </span>
    </div>
  );
}
