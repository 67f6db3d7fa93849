// Renderer: the one sentence that describes a profile's key status (never the key itself).
import type { KeyStatus } from "../../../shared/contract";

/** "Key sk-...abcd, in the OS keychain", "Key from OPENAI_API_KEY (sk-...abcd)", or "No key set". */
export function keyStatusText(key: KeyStatus): string {
  if (!key.hasKey || key.source === "none") return "No key set";
  const hint = key.hint ? ` ${key.hint}` : "";
  return key.source === "env" ? `Key from the OPENAI_API_KEY variable${hint ? ` (${key.hint})` : ""}` : `Key${hint}, in the OS keychain`;
}
