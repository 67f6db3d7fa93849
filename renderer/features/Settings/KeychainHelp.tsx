// Renderer: explains a missing OS keychain and how to give the app a key through OPENAI_API_KEY.
import { useAppStore } from "../../store/appStore";

/** Shown only when app.info says the keychain does not answer. */
export function KeychainHelp() {
  const info = useAppStore((s) => s.appInfo);
  if (!info || info.keychainAvailable) return null;
  return (
    <section className="banner banner-warning keychain-help" aria-label="Keychain unavailable">
      <div>
        <h2>The OS keychain is not available</h2>
        <p>{info.keychainProblem ?? "No keychain answered, so keys cannot be stored."}</p>
        <p>
          Keys are never written to a file, so without a keychain a key can only come from the environment: quit,
          then start the app with <code>OPENAI_API_KEY</code> set (for example{" "}
          <code>OPENAI_API_KEY=sk-... npm start</code>, or export it in your shell profile). OpenAI profiles then use
          it; the simulator needs no key.
        </p>
      </div>
    </section>
  );
}
