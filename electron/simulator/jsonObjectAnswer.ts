// Main process (simulator): the JSON object of JSON mode (response_format json_object), with the
// keys the prompt asks for ("a JSON object with score, reason and next_action", an example object,
// `quoted` names), each filled from the input's own values, null when the input holds none.
import type { InstanceHints, JsonValue } from "./jsonInstance";
import { contentWords, identifierWords, sentences } from "./words";

/** Key names look like identifiers: letters, digits, underscores, a few words at most. */
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const ARTICLES = /^(?:the|a|an|its|their|his|her|our|your|one|each)\s+/i;
/** Words that end a list of keys in a sentence ("... and next_action. Use null ..."). */
const LIST_END = /\s+(?:for|from|of|about|in|on|based|that|which|where|when|if|so|to|as|only|never|always|use|using)\s+.*$/i;

/** Keys of the first JSON object example in the text: {"setup": "...", "punchline": "..."}. */
function exampleKeys(text: string): string[] {
  const example = /\{[^{}]*"[A-Za-z_][\w]*"\s*:[^{}]*\}/.exec(text)?.[0];
  return example ? [...example.matchAll(/"([A-Za-z_][\w]*)"\s*:/g)].map((m) => m[1] as string) : [];
}

/** Names the text sets in backticks or quotes next to the words JSON, key or field: `setup` and `punchline`. */
function quotedKeys(text: string): string[] {
  if (!/\b(json|keys?|fields?|properties|property)\b/i.test(text)) return [];
  return [...text.matchAll(/[`"']([A-Za-z][A-Za-z0-9_]{0,39})[`"']/g)].map((m) => m[1] as string);
}

/** Keys listed in prose: "a JSON object with score, reason and next_action", "keys: a, b, c", "fields name and age". */
function listedKeys(text: string): string[] {
  for (const sentence of sentences(text)) {
    const m =
      /\b(?:json|object)\b[^.?!]*?\b(?:with|containing|having|including|holding)\s+(?:(?:the|these|its)\s+)?(?:(?:keys?|fields?|properties)\s*:?\s*)?(.+)$/i.exec(sentence) ??
      /\b(?:keys?|fields?|properties)\s*:?\s+(.+)$/i.exec(sentence);
    if (!m?.[1]) continue;
    const list = m[1].replace(/[.?!]+$/, "").replace(LIST_END, "");
    const items = list
      .split(/\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+/i)
      .map((item) => item.trim().replace(ARTICLES, "").replace(/[`"'()]/g, "").trim())
      .filter((item) => item && item.split(/\s+/).length <= 3)
      .map((item) => identifierWords(item).join("_"));
    const keys = items.filter((k) => KEY.test(k));
    if (keys.length >= 1 && keys.length === items.length) return keys;
  }
  return [];
}

/** The keys the prompt asks the JSON object to have, in order, without repeats; empty when it names none. */
export function requestedKeys(text: string): string[] {
  for (const found of [exampleKeys(text), quotedKeys(text), listedKeys(text)]) {
    const keys = [...new Set(found.filter((k) => KEY.test(k)))];
    if (keys.length) return keys.slice(0, 20);
  }
  return [];
}

/** Key words that hold prose, answered with the input's most relevant sentence. */
const PROSE = new Set(["summary", "reason", "reasoning", "answer", "explanation", "description", "text", "response", "message", "comment", "rationale", "justification", "notes", "note", "details", "body", "content", "title", "subject", "headline", "setup", "punchline", "action", "recommendation", "advice", "result"]);
const BOOLEAN_PREFIX = new Set(["is", "has", "needs", "should", "can", "requires", "was", "did"]);
const NUMBER_WORDS = new Set(["score", "count", "total", "amount", "price", "cost", "age", "year", "quantity", "rating", "confidence", "probability", "percent", "percentage", "size", "length", "duration", "days", "hours", "minutes", "sum", "balance", "fee", "tax"]);

/** A plural noun that asks for a list ("tags", "next_steps"), not "status" or "address". */
const isListKey = (word: string) => word.length > 3 && /s$/.test(word) && !/(ss|us|is)$/.test(word);

/**
 * The object for `keys`, each value typed by its name and taken from `input` through `hints`:
 * numbers and booleans when the input states them, lists of the input's words, prose from its most
 * relevant sentence; null for a value the input does not hold.
 */
export function jsonObjectFor(keys: readonly string[], input: string, hints: InstanceHints): Record<string, JsonValue> {
  // The sentences that ask for the JSON are instructions, not content to put in it.
  const content = sentences(input).filter((s) => !/\b(json|keys?|fields?)\b/i.test(s));
  const inputSentences = content.length ? content : sentences(input);
  const out: Record<string, JsonValue> = {};
  for (const key of keys) {
    const words = identifierWords(key);
    const last = words.at(-1) ?? key;
    if (BOOLEAN_PREFIX.has(words[0] ?? "") || /^(flag|required)$/.test(last)) {
      out[key] = hints.booleanFor?.(key) ?? null;
    } else if (words.some((w) => NUMBER_WORDS.has(w))) {
      out[key] = hints.numberFor?.(key) ?? null;
    } else if (isListKey(last)) {
      const said = hints.stringFor?.(key);
      out[key] = said ? said.split(/\s*,\s*/) : [...new Set(contentWords(input))].slice(0, 5);
    } else {
      const said = hints.stringFor?.(key);
      if (said !== undefined) out[key] = said;
      else if (words.some((w) => PROSE.has(w))) {
        // The sentence sharing the most words with the key, else the input's first.
        const wanted = new Set(words);
        const best = [...inputSentences].sort((a, b) => contentWords(b).filter((w) => wanted.has(w)).length - contentWords(a).filter((w) => wanted.has(w)).length)[0];
        out[key] = best ?? null;
      } else out[key] = null;
    }
  }
  return out;
}
