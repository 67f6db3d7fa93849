// Main process (simulator): labels that plain-text instructions list ("Labels: billing (...),
// technical (...)"), and the text answer of a classification request: the label that matches.
import type { SimMessage } from "./chatParams";
import { chooseLabel } from "./labelChoice";

/** A request to classify: the instructions say so in one of these words. */
const CLASSIFY = /\b(?:classif(?:y|ies|ication)|categori[sz]e|label|route|triage|sort)\b/i;
const NAME = /^[\p{L}][\p{L}\p{N}_-]*/u;

/** Splits on commas and semicolons outside parentheses. */
function topLevelItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(") depth++;
    if (char === ")") depth = Math.max(0, depth - 1);
    if ((char === "," || char === ";") && depth === 0) {
      items.push(current);
      current = "";
    } else current += char;
  }
  items.push(current);
  return items.map((i) => i.trim().replace(/^(?:and|or)\s+/i, "")).filter(Boolean);
}

/** Names at the start of each item, when every item starts with one; otherwise none. */
function namesOf(items: readonly string[]): string[] {
  const names = items.map((item) => NAME.exec(item)?.[0]?.toLowerCase() ?? "");
  return names.length >= 2 && names.every(Boolean) ? [...new Set(names)] : [];
}

/**
 * The labels plain instructions list, in order, or [] when they list none. Understood shapes:
 * "Labels: a (...), b (...)" (also categories, classes, queues), "(a: ...; b: ...; c: ...)" and
 * "one of a, b or c".
 */
export function instructionLabels(instructions: string): string[] {
  const listed = /\b(?:labels|categories|classes|queues)\s*(?:are|:)\s*([^\n.]+(?:\([^)]*\)[^\n.]*)*)/i.exec(instructions);
  if (listed?.[1]) {
    const names = namesOf(topLevelItems(listed[1].replace(/\bor\s+/gi, ", ")));
    if (names.length >= 2) return names;
  }
  for (const group of instructions.match(/\(([^()]*:[^()]*;[^()]*)\)/g) ?? []) {
    const items = group.slice(1, -1).split(";").map((i) => i.trim());
    if (items.every((i) => /^[\p{L}][\p{L}\p{N}_-]*\s*:/u.test(i))) return namesOf(items);
  }
  const oneOf = /\bone of(?: the following)?:?\s+([\p{L}][\p{L}\p{N}_-]*(?:\s*,\s*[\p{L}][\p{L}\p{N}_-]*)*,?\s+or\s+[\p{L}][\p{L}\p{N}_-]*)/iu.exec(instructions);
  if (oneOf?.[1]) return namesOf(topLevelItems(oneOf[1].replace(/\s+or\s+/i, ", ")));
  return [];
}

/**
 * The text answer of a plain classification request (instructions that ask to classify and list
 * the labels), naming the label chosen by concept match and saying how; null when the request is
 * not one, so the usual answer is composed.
 */
export function classificationAnswer(messages: readonly SimMessage[]): string | null {
  const instructions = messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => m.content).join("\n");
  if (!CLASSIFY.test(instructions)) return null;
  const labels = instructionLabels(instructions);
  const input = [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
  const choice = labels.length >= 2 ? chooseLabel(input, labels, instructions) : null;
  if (!choice) return null;
  const how = choice.score === null ? "no other label's meaning matched the input, so the catch-all" : `its meaning matched the input best (similarity ${choice.score.toFixed(2)})`;
  return `${choice.label}\n\n(Simulated: label chosen by concept match; ${how}. No model was involved.)`;
}
