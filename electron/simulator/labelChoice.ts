// Main process (simulator): classification by concept match, picking the allowed label whose
// meaning (its name plus the description the instructions give it) is closest to the input.
import { embedText } from "./embeddingVector";
import type { InstanceHints } from "./jsonInstance";
import { identifierWords } from "./words";

/** Width of the vectors compared; the full width keeps hashing noise lowest. */
const DIMS = 1536;
/**
 * Below this similarity no label is a real match: a catch-all label ("other") wins if there is one,
 * otherwise the caller's earlier rule decides. Unrelated texts score about 0 +- 0.03 here.
 */
export const MATCH_FLOOR = 0.06;
const CATCH_ALL_NAMES = new Set(["other", "others", "none", "unknown", "misc", "miscellaneous", "general"]);
const CATCH_ALL_TEXT = /\b(?:anything else|everything else|none of the above|all other|otherwise)\b/i;

/** A label choice and why, for the response's own note. */
export interface LabelChoice {
  label: string;
  /** Cosine similarity of the input with the chosen label's text; null when a catch-all won. */
  score: number | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The description the instructions give a label: "billing: charges, invoices, refunds;",
 * "billing (charges, invoices, refunds)" or "billing - charges". Empty when none is given.
 */
export function labelDescription(label: string, instructions: string): string {
  const name = escapeRegExp(label);
  const paren = new RegExp(`(?<![\\p{L}\\p{N}_])${name}\\s*\\(([^)]{2,200})\\)`, "iu").exec(instructions);
  if (paren?.[1]) return paren[1].trim();
  const colon = new RegExp(`(?<![\\p{L}\\p{N}_])${name}\\s*(?::|=|\\s-|–|—)\\s*([^;.\\n)]{2,200})`, "iu").exec(instructions);
  return colon?.[1]?.trim() ?? "";
}

/**
 * Picks one of `labels` for `input`: each label is embedded as its name's words plus its
 * description from `instructions`, and the label closest to the input wins (ties: the first listed).
 * A catch-all label ("other", or one described as "anything else") is never matched by meaning; it
 * wins when no other label reaches MATCH_FLOOR. Returns null when nothing reaches it and there is
 * no catch-all, so the caller can fall back.
 */
export function chooseLabel(input: string, labels: readonly string[], instructions: string): LabelChoice | null {
  if (labels.length < 2 || !input.trim()) return null;
  const query = embedText(input, DIMS);
  let best: LabelChoice | null = null;
  let catchAll: string | null = null;
  for (const label of labels) {
    const description = labelDescription(label, instructions);
    if (CATCH_ALL_NAMES.has(label.toLowerCase()) || CATCH_ALL_TEXT.test(description)) {
      catchAll ??= label;
      continue;
    }
    const vector = embedText(`${identifierWords(label).join(" ")} ${description}`, DIMS);
    let score = 0;
    for (let i = 0; i < DIMS; i++) score += (query[i] ?? 0) * (vector[i] ?? 0);
    if (!best || (best.score !== null && score > best.score)) best = { label, score };
  }
  if (best?.score !== null && best !== null && best.score >= MATCH_FLOOR) return best;
  return catchAll === null ? null : { label: catchAll, score: null };
}

/**
 * Hints whose enum choice is a concept match of `input` against the labels (described by
 * `instructions`); other properties, and enums the match cannot decide, keep `base`'s hints.
 * `onChoice` hears each property decided by concept match, so the answer's note can say so.
 */
export function withConceptLabels(base: InstanceHints, input: string, instructions: string, onChoice?: (name: string, choice: LabelChoice) => void): InstanceHints {
  return {
    ...base,
    enumFor(name, values) {
      const labels = values.filter((v): v is string => typeof v === "string" && /[\p{L}]/u.test(v));
      if (labels.length === values.length) {
        const choice = chooseLabel(input, labels, instructions);
        if (choice) onChoice?.(name, choice);
        if (choice) return choice.label;
      }
      return base.enumFor?.(name, values);
    },
  };
}
