// Renderer: the safety switches in the Settings view (the same ones as the playground's panel).
import { useEffect } from "react";
import { useAppStore } from "../../store/appStore";
import { SafetySwitches } from "./SafetySwitches";
import "./safety.css";

/** Moderation and redaction, as a Settings section. */
export function SafetySettingsSection() {
  const settings = useAppStore((s) => s.safety.settings);
  const error = useAppStore((s) => s.safety.error);
  const load = useAppStore((s) => s.loadSafety);
  useEffect(() => {
    if (!settings) void load();
  }, [settings, load]);
  return (
    <section className="safety-settings" data-testid="safety-settings">
      <h2>Safety: moderation and redaction</h2>
      <p className="hint">
        Applied to every chat run. Redaction happens in the main process on the request actually sent; the placeholder values stay in
        memory on this machine (never sent, logged or saved), so answers can be restored locally in the playground.
      </p>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {settings ? <SafetySwitches settings={settings} /> : <p className="hint">Loading...</p>}
    </section>
  );
}
