// Main process (simulator): prompt caching as the real service reports it: a prompt whose first
// 1,024 tokens or more repeat an earlier prompt's counts them as cached, in 128-token steps.
import { createHash } from "node:crypto";
import { encode } from "gpt-tokenizer/encoding/o200k_base";

/** The shortest prefix that can be cached. */
export const CACHE_MIN_TOKENS = 1024;
/** Cached prefixes grow in steps of this many tokens beyond the minimum. */
export const CACHE_STEP_TOKENS = 128;
/** Prefixes remembered before the cache starts afresh (it only bounds memory; entries are tiny). */
const MAX_ENTRIES = 200_000;

/** The prompt prefixes one simulator has seen. */
export class PromptCache {
  private readonly seen = new Set<string>();

  /**
   * How many leading tokens of `text` an earlier prompt to the same model shared (0 below the
   * minimum), then remembers this prompt's prefixes. Each 128-token block's hash chains the one
   * before it, so a whole prompt costs one pass.
   */
  cachedTokens(model: string, text: string): number {
    const tokens = encode(text);
    let chain = createHash("sha256").update(model).digest("hex");
    let cached = 0;
    const fresh: string[] = [];
    for (let end = CACHE_STEP_TOKENS; end <= tokens.length; end += CACHE_STEP_TOKENS) {
      chain = createHash("sha256").update(chain).update(tokens.slice(end - CACHE_STEP_TOKENS, end).join(",")).digest("hex");
      if (end < CACHE_MIN_TOKENS) continue;
      // The chain makes a hash stand for the whole prefix, so a hit means that exact prefix was sent.
      if (this.seen.has(chain)) cached = end;
      else fresh.push(chain);
    }
    if (this.seen.size + fresh.length > MAX_ENTRIES) this.seen.clear();
    for (const hash of fresh) this.seen.add(hash);
    return cached;
  }
}

/** The text a prompt's cache key is read from: tools and output schema first, then the messages, as the service orders a prompt. */
export function promptPrefixText(body: Record<string, unknown>): string {
  const head = JSON.stringify([body.tools ?? null, body.response_format ?? null]);
  const messages = Array.isArray(body.messages) ? body.messages : [];
  return [head, ...messages.map((m) => JSON.stringify(m))].join("\n");
}
