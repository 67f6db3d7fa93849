// Main process: the secrets this process knows (every profile's key, OPENAI_API_KEY), so each place
// where data leaves it (a file write, a door to the renderer, a provider's answer coming in) scrubs
// them with the one scrubber of shared/redact.ts without being handed a list.
import { redactSecrets, redactSecretsDeep, scrubberFor, type Scrubber } from "../../shared/redact";

const sources = new Set<() => readonly string[]>();

/**
 * Adds a source of secrets (an app core's profile service); returns a function removing it again.
 * A source that throws is skipped: scrubbing must never fail a write.
 */
export function addSecretSource(source: () => readonly string[]): () => void {
  sources.add(source);
  return () => void sources.delete(source);
}

/** Every secret known now: those of each source plus OPENAI_API_KEY when set, deduplicated. */
export function knownSecrets(extra: readonly string[] = []): string[] {
  const all = new Set(extra);
  for (const source of sources) {
    try {
      for (const secret of source()) all.add(secret);
    } catch {
      /* a source that cannot answer has nothing to add */
    }
  }
  const envKey = process.env.OPENAI_API_KEY?.trim();
  if (envKey) all.add(envKey);
  return [...all];
}

/** The scrubber for every secret known now (and `extra`). */
export function currentScrubber(extra: readonly string[] = []): Scrubber {
  return scrubberFor(knownSecrets(extra));
}

/** `text` scrubbed of every known secret, any 8-character piece of one and key-shaped strings. */
export function scrubText(text: string, extra: readonly string[] = []): string {
  return redactSecrets(text, knownSecrets(extra));
}

/** `value` with every string in it scrubbed like scrubText (the same object when nothing changed). */
export function scrubValue<T>(value: T, extra: readonly string[] = []): T {
  return redactSecretsDeep(value, knownSecrets(extra));
}
