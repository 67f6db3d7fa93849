// Renderer: set, replace or clear a profile's API key. The key goes to the keychain and never comes back.
import { useState } from "react";
import type { ProfileView } from "../../../shared/contract";
import { useAppStore } from "../../store/appStore";
import { keyStatusText } from "./keyStatusText";

/** A password field cleared as soon as the key is sent; only the masked hint is ever shown. */
export function KeyPanel({ profile }: { profile: ProfileView }) {
  const setKey = useAppStore((s) => s.setKey);
  const clearKey = useAppStore((s) => s.clearKey);
  const keychainAvailable = useAppStore((s) => s.appInfo?.keychainAvailable ?? true);
  const [draft, setDraft] = useState("");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const key = draft;
    // Cleared before the call returns: the key lives in this component for as short a time as possible.
    setDraft("");
    if (!key.trim()) return;
    const failure = await setKey(profile.id, key);
    setMessage(failure ? { text: failure.message, error: true } : { text: "Key saved in the OS keychain.", error: false });
  };

  return (
    <form className="key-panel" onSubmit={submit} autoComplete="off">
      <h3>API key</h3>
      <p className="key-status" data-testid="key-status">
        {keyStatusText(profile.key)}
      </p>
      <p className="hint">
        The key is kept in your OS keychain and never shown again, not even here: only a masked hint like sk-...abcd.
        {profile.kind === "compatible" ? " Local servers such as Ollama usually need no key." : ""}
        {!keychainAvailable ? " The keychain is unavailable on this system: set OPENAI_API_KEY instead (see above)." : ""}
      </p>
      <div className="row">
        <label htmlFor={`key-${profile.id}`} className="visually-hidden">
          API key for {profile.name}
        </label>
        <input
          id={`key-${profile.id}`}
          type="password"
          value={draft}
          autoComplete="off"
          spellCheck={false}
          placeholder={profile.key.source === "keychain" ? "Paste a new key to replace it" : "Paste a key (sk-...)"}
          data-testid="key-input"
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button-primary" data-testid="key-save" disabled={!draft.trim()}>
          {profile.key.source === "keychain" ? "Replace key" : "Save key"}
        </button>
        <button
          type="button"
          data-testid="key-clear"
          disabled={profile.key.source !== "keychain"}
          onClick={async () => {
            const failure = await clearKey(profile.id);
            setMessage(failure ? { text: failure.message, error: true } : { text: "Key removed from the keychain.", error: false });
          }}
        >
          Clear key
        </button>
      </div>
      {message ? (
        <p className={message.error ? "field-error" : "hint"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
