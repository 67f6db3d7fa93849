// Renderer: what the model catalog says about the chosen model, as one short line for the picker:
// kind, limits, inputs and price, "unknown" for what is not confirmed, and "no catalog entry".
import { catalogModel } from "../../../shared/models/catalog";
import { findPrice, type PriceTable } from "../../../shared/pricing";
import { formatDollars } from "../Tokens/costText";

/** Where the facts come from: a catalog entry, the simulator's own models, or nothing. */
export type ModelFactsKind = "entry" | "simulated" | "none";

/** The line shown under the model field. */
export interface ModelFacts {
  kind: ModelFactsKind;
  text: string;
}

const KIND_TEXT = { chat: "chat model", reasoning: "reasoning model", embedding: "embedding model", moderation: "moderation model" } as const;

const tokens = (n: number | null) => (n === null ? "unknown" : n.toLocaleString("en-US"));

/** The facts about `id` (trimmed); `listed` is false when the server's list lacks it. */
export function modelFacts(id: string, table: PriceTable | null, listed: boolean): ModelFacts {
  const model = id.trim();
  const notListed = listed ? "" : " This server's model list does not include it.";
  const entry = catalogModel(model);
  if (!entry) {
    return { kind: "none", text: `No catalog entry for "${model}": its limits, parameter rules and price are unknown, so the server decides what it accepts.${notListed}` };
  }
  if (entry.simulated) return { kind: "simulated", text: `${model}: the offline simulator's ${KIND_TEXT[entry.kind]}; answers are assembled by rules, no model is involved.` };
  const parts = [`${model}: ${KIND_TEXT[entry.kind]}`, `context ${tokens(entry.contextWindow)}`, `max output ${tokens(entry.maxOutputTokens)}`];
  parts.push(entry.inputModalities ? `reads ${entry.inputModalities.join(", ")}` : "inputs unknown");
  const price = table ? findPrice(model, table) : null;
  if (price && table) {
    const output = price.output === null ? "" : ` / ${formatDollars(price.output)} output`;
    parts.push(`${formatDollars(price.input)} input${output} per 1M tokens (prices as of ${table.asOf})`);
  } else if (table) parts.push("price unknown");
  return { kind: "entry", text: `${parts.join(" · ")}.${entry.note ? ` ${entry.note}` : ""}${notListed}` };
}
