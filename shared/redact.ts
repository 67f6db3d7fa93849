// Both processes: removes API keys from any text before it is logged, saved or shown.

/** Shapes of secrets that must never be shown: OpenAI keys and bearer tokens. */
const SECRET_PATTERNS: RegExp[] = [
  /\bsk-[A-Za-z0-9_-]{8,}(?:\*+[A-Za-z0-9_-]*)?/g, // OpenAI keys, incl. the partly starred echo in 401 messages
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
];

/** A masked hint of a key, enough to recognise it: "sk-...abcd". */
export function keyHint(key: string): string {
  const trimmed = key.trim();
  if (!trimmed) return "";
  const prefix = trimmed.startsWith("sk-") ? "sk-" : "";
  return trimmed.length >= 12 ? `${prefix}...${trimmed.slice(-4)}` : `${prefix}...`;
}

/**
 * Replaces every known secret and anything shaped like a key with "[redacted]". Known secrets
 * are replaced whole and by their longer fragments (a server may echo part of a key).
 */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length < 8) continue;
    out = out.split(secret).join("[redacted]");
    // A 401 echoes a key as "sk-abc*****wxyz": remove any 8+ character run of the key too.
    for (let size = Math.min(secret.length - 1, 24); size >= 8; size -= 4) {
      for (let start = 0; start + size <= secret.length; start += 4) {
        const piece = secret.slice(start, start + size);
        if (out.includes(piece)) out = out.split(piece).join("[redacted]");
      }
    }
  }
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, "[redacted]");
  return out;
}
