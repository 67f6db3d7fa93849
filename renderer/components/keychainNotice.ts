// Renderer: what the keychain notice says, in one plain sentence, from the app's facts.
import type { AppInfo } from "../../shared/contract";

/** The notice's one sentence, or null when the keychain works. Never suggests a variable already set. */
export function keychainSentence(info: Pick<AppInfo, "keychainAvailable" | "envKeySet">): string | null {
  if (info.keychainAvailable) return null;
  return info.envKeySet
    ? "No OS keychain answered, so keys cannot be saved here; your OPENAI_API_KEY is used for OpenAI profiles instead."
    : "No OS keychain answered, so keys cannot be saved here; the simulator works without one, or start the app with OPENAI_API_KEY set.";
}
