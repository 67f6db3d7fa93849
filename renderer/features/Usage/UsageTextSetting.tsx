// Renderer: the Settings switch for logging message text with each usage entry: off by default;
// when on, the main side logs the text redacted (every built-in pattern and the user's own).
import { useEffect } from "react";
import { useAppStore } from "../../store/appStore";
import "./usage.css";

/** The usage text logging switch and what it means. */
export function UsageTextSetting() {
  const enabled = useAppStore((s) => s.usage.textLogging);
  const error = useAppStore((s) => s.usage.error);
  const loadUsage = useAppStore((s) => s.loadUsage);
  const setUsageTextLogging = useAppStore((s) => s.setUsageTextLogging);
  useEffect(() => {
    // Reading the last day is enough to learn the switch's state.
    if (enabled === null) void loadUsage(Date.now() - 24 * 3600 * 1000);
  }, [enabled, loadUsage]);
  return (
    <section className="usage-text-setting" aria-labelledby="usage-text-title" data-testid="usage-text-setting">
      <h2 id="usage-text-title">Usage log</h2>
      <label className="checkbox">
        <input type="checkbox" data-testid="usage-text-logging" disabled={enabled === null} checked={enabled ?? false} onChange={(e) => void setUsageTextLogging(e.target.checked)} /> log the
        message text with each request, redacted
      </label>
      <p className="hint">
        Off: the usage log keeps metadata only (time, model, tokens, cost, latency, status). On: it also keeps what was asked and answered, with emails, phone
        numbers, cards, IBANs, keys and your own patterns replaced by placeholders before anything is written.
      </p>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
