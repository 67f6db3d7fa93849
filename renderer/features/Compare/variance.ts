// Renderer: the figures of a variance run: per temperature, how many answers came back, how many
// were distinct, and (with a JSON schema) how many passed it.
import { validateAgainstSchema } from "../../../shared/validateOutput";
import type { ChatRequest } from "../../../shared/chatRequest";
import type { ChoiceResult } from "../../../shared/contract";

/** One run of a variance batch as it ends. */
export interface VarianceOutcome {
  temperature: number;
  status: "done" | "failed" | "stopped";
  /** The first choice's answer (text, or its tool calls as JSON); null when the run failed. */
  answer: string | null;
}

/** The figures of one temperature. */
export interface TemperatureFigures {
  temperature: number;
  runs: number;
  answered: number;
  failed: number;
  distinct: number;
  /** Answers that passed the request's json_schema; null when the request has no schema. */
  schemaPassed: number | null;
  /** Each distinct answer with how often it came back, most frequent first. */
  groups: { answer: string; count: number }[];
}

/** The text compared for distinctness: answer text, or the tool calls when there is no text. */
export function answerOf(choice: ChoiceResult | undefined): string | null {
  if (!choice) return null;
  if (choice.toolCalls.length && !choice.content) return JSON.stringify(choice.toolCalls.map((c) => ({ name: c.name, arguments: c.arguments })));
  return choice.refusal && !choice.content ? `refusal: ${choice.refusal}` : choice.content;
}

/** Answers that differ only in surrounding or repeated whitespace count as the same. */
export function normalizeAnswer(answer: string): string {
  return answer.trim().replace(/\s+/g, " ");
}

/** The schema to check answers against: the request's json_schema, or null. */
export function schemaOf(request: ChatRequest): object | null {
  const format = request.response_format;
  return format?.type === "json_schema" && format.json_schema.schema ? format.json_schema.schema : null;
}

/** Groups outcomes by temperature (in the order given) and counts them. */
export function summarizeVariance(temperatures: readonly number[], outcomes: readonly VarianceOutcome[], schema: object | null): TemperatureFigures[] {
  return temperatures.map((temperature) => {
    const mine = outcomes.filter((o) => o.temperature === temperature);
    const answers = mine.filter((o) => o.status === "done" && o.answer !== null).map((o) => o.answer as string);
    const counts = new Map<string, number>();
    for (const answer of answers) counts.set(normalizeAnswer(answer), (counts.get(normalizeAnswer(answer)) ?? 0) + 1);
    return {
      temperature,
      runs: mine.length,
      answered: answers.length,
      failed: mine.filter((o) => o.status !== "done").length,
      distinct: counts.size,
      schemaPassed: schema ? answers.filter((a) => validateAgainstSchema(a, schema).ok).length : null,
      groups: [...counts].map(([answer, count]) => ({ answer, count })).sort((a, b) => b.count - a.count),
    };
  });
}

/** Reads "0, 0.7, 1.5" into temperatures between 0 and 2, or says what is wrong. */
export function parseTemperatures(text: string): { ok: true; temperatures: number[] } | { ok: false; error: string } {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return { ok: false, error: "Enter at least one temperature." };
  const temperatures: number[] = [];
  for (const part of parts) {
    const value = Number(part);
    if (!Number.isFinite(value) || value < 0 || value > 2) return { ok: false, error: `"${part}" is not a temperature between 0 and 2.` };
    if (!temperatures.includes(value)) temperatures.push(value);
  }
  if (temperatures.length > 5) return { ok: false, error: "At most 5 temperatures at once." };
  return { ok: true, temperatures };
}
