// Main process (simulator): values for schema properties taken from the conversation, so tool
// arguments and structured outputs echo what the user actually wrote.
import type { InstanceHints } from "./jsonInstance";
import { identifierWords } from "./words";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The property name as words a person would write: "zip_code" -> "zip code". */
function spoken(name: string): string {
  return identifierWords(name).join("[ _-]?");
}

const PLACE_NAMES = new Set(["location", "city", "place", "town", "country", "destination", "origin", "region"]);
const FREE_TEXT_NAMES = new Set(["query", "q", "text", "prompt", "question", "input", "message", "search", "topic"]);

/**
 * Hints drawn from `text` (normally the last user message):
 * - a property named in the text ("city: Paris", "city is Paris", "units = celsius") takes the words after it;
 * - place-like properties (location, city...) take the first capitalised word that does not start a sentence;
 * - free-text properties (query, text...) take the whole message;
 * - an enum takes the first of its values that the text mentions.
 */
export function conversationHints(text: string): InstanceHints {
  const named = (name: string): string | undefined => {
    if (!name) return undefined;
    const re = new RegExp(`\\b${spoken(name)}\\b\\s*(?:is|=|:|of|to)?\\s*["']?([\\p{L}\\p{N}@._/+-]+(?: [\\p{Lu}\\p{N}][\\p{L}\\p{N}-]*)*)`, "iu");
    return re.exec(text)?.[1];
  };
  return {
    stringFor(name) {
      const direct = named(name);
      if (direct) return direct;
      const lower = name.toLowerCase();
      if (PLACE_NAMES.has(lower)) {
        const match = /(?<![.!?]\s*|^)\b(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)*)/u.exec(text.trim());
        if (match?.[1]) return match[1];
      }
      if (FREE_TEXT_NAMES.has(lower)) return text.trim().slice(0, 200) || undefined;
      return undefined;
    },
    numberFor(name) {
      if (!name) return undefined;
      // "days: 3", "days is 3" or "3 days".
      const after = new RegExp(`\\b${spoken(name)}\\b\\s*(?:is|=|:|of)?\\s*(-?\\d+(?:\\.\\d+)?)`, "i").exec(text);
      const before = new RegExp(`(-?\\d+(?:\\.\\d+)?)\\s+${spoken(name)}\\b`, "i").exec(text);
      const found = after?.[1] ?? before?.[1];
      return found ? Number(found) : undefined;
    },
    enumFor(_name, values) {
      return values.find((v) => typeof v === "string" && v.length > 1 && new RegExp(`\\b${escapeRegExp(v)}\\b`, "i").test(text));
    },
  };
}
