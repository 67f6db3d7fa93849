// Renderer: the playground's safety panel: the switches, the preview of what will leave the
// machine, and a moderation check of the input without sending it.
import { useEffect } from "react";
import { useAppStore } from "../../store/appStore";
import { ModerationTable } from "./ModerationTable";
import { RedactionPreview } from "./RedactionPreview";
import { SafetySwitches } from "./SafetySwitches";
import "./safety.css";

/** The panel beside the request editor. */
export function SafetyPanel() {
  const safety = useAppStore((s) => s.safety);
  const load = useAppStore((s) => s.loadSafety);
  const previewRequest = useAppStore((s) => s.previewRequest);
  const checkInputNow = useAppStore((s) => s.checkInputNow);
  // A preview describes one request: after any edit (or an edit made while it was being made) it
  // would show text the next send no longer holds, so it is replaced by an offer to preview again.
  const stale = useAppStore(
    (s) => s.safety.preview !== null && (s.safety.preview.of !== s.request || s.safety.preview.ofApi !== s.api || s.safety.preview.ofExtras !== s.responsesExtras),
  );
  useEffect(() => {
    if (!safety.settings) void load();
  }, [safety.settings, load]);
  return (
    <details className="safety-panel" data-testid="safety-panel">
      <summary>
        Safety: moderation and redaction{" "}
        {safety.settings ? (
          <span className="tag" data-testid="safety-summary">
            {[safety.settings.moderation.input && "input moderated", safety.settings.moderation.output && "output moderated", safety.settings.redaction.enabled && "redacted"].filter(Boolean).join(", ") || "off"}
          </span>
        ) : null}
      </summary>
      {safety.error ? <p className="field-error" role="alert" data-testid="safety-error">{safety.error}</p> : null}
      {safety.settings ? <SafetySwitches settings={safety.settings} /> : <p className="hint">Loading...</p>}
      <div className="row">
        <button type="button" data-testid="redaction-preview-button" onClick={() => void previewRequest()}>
          Preview what will be sent
        </button>
        <button type="button" data-testid="moderation-check-button" disabled={safety.checking} onClick={() => void checkInputNow()}>
          {safety.checking ? "Checking..." : "Moderate the input now"}
        </button>
      </div>
      {safety.previewError ? <p className="field-error">{safety.previewError}</p> : null}
      {safety.preview && stale ? (
        <p className="hint" role="status" data-testid="redaction-preview-stale">
          The request changed since this preview, so it no longer shows what would be sent.{" "}
          <button type="button" className="button-link" data-testid="redaction-preview-again" onClick={() => void previewRequest()}>
            Preview again
          </button>
        </p>
      ) : null}
      {safety.preview && !stale ? <RedactionPreview preview={safety.preview} /> : null}
      {safety.checkError ? <p className="field-error">{safety.checkError}</p> : null}
      {safety.check ? <ModerationTable verdict={safety.check} testId="moderation-check" /> : null}
    </details>
  );
}
