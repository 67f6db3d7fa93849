// Renderer: the keychain notice: one plain sentence, the technical details behind a toggle, and a
// dismissal that lasts (kept in the settings file, so it holds across reloads and restarts).
import { useState } from "react";
import { useAppStore } from "../store/appStore";
import { keychainSentence } from "./keychainNotice";

/** Shown while the keychain does not answer, until dismissed for good. */
export function KeychainNotice() {
  const keychainAvailable = useAppStore((s) => s.appInfo?.keychainAvailable ?? true);
  const envKeySet = useAppStore((s) => s.appInfo?.envKeySet ?? false);
  const problem = useAppStore((s) => s.appInfo?.keychainProblem ?? null);
  // Until the preferences are read, a dismissed notice must not flash up again.
  const dismissed = useAppStore((s) => s.uiPrefs === null || s.uiPrefs.dismissed.includes("keychain"));
  const dismiss = useAppStore((s) => s.dismissForGood);
  const [open, setOpen] = useState(false);
  const sentence = keychainSentence({ keychainAvailable, envKeySet });
  if (!sentence || dismissed) return null;
  return (
    <div className="banner banner-info" role="status" data-testid="keychain-notice">
      <span>
        {sentence}{" "}
        <button type="button" className="button-link" aria-expanded={open} data-testid="keychain-details-toggle" onClick={() => setOpen(!open)}>
          {open ? "Hide details" : "Details"}
        </button>
        {open ? (
          <span className="keychain-details hint" data-testid="keychain-details">
            {problem ?? "The OS keychain did not answer."}
          </span>
        ) : null}
      </span>
      <button type="button" className="button-quiet" data-testid="keychain-dismiss" onClick={() => void dismiss("keychain")}>
        Dismiss
      </button>
    </div>
  );
}
