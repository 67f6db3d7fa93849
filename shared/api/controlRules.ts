// Both processes: whether a playground control applies to the chosen API and model, and if not why,
// from the two APIs' fields (responsesBody) and the model catalog's parameter rules, so a control
// is disabled and explained before anything is sent.
import { catalogModel, rulesFor, type CatalogApi, type ParameterRule } from "../models/catalog";
import type { RequestApi } from "./requestApi";
import { CHAT_ONLY, RESPONSES_ONLY } from "./responsesBody";

/** The controls the playground can disable. */
export type ControlId =
  | "temperature"
  | "top_p"
  | "max_completion_tokens"
  | "seed"
  | "n"
  | "stop"
  | "logprobs"
  | "reasoning_effort"
  | "reasoning_summary"
  | "verbosity"
  | "store"
  | "previous_response_id"
  | "service_tier"
  | "prompt_cache_key"
  | "safety_identifier";

/** Each control's wire name in each API (the names the catalog's rules use). */
const WIRE: Record<ControlId, Record<RequestApi, string>> = {
  temperature: { chat: "temperature", responses: "temperature" },
  top_p: { chat: "top_p", responses: "top_p" },
  max_completion_tokens: { chat: "max_completion_tokens", responses: "max_output_tokens" },
  seed: { chat: "seed", responses: "seed" },
  n: { chat: "n", responses: "n" },
  stop: { chat: "stop", responses: "stop" },
  logprobs: { chat: "logprobs", responses: "logprobs" },
  reasoning_effort: { chat: "reasoning_effort", responses: "reasoning.effort" },
  reasoning_summary: { chat: "reasoning.summary", responses: "reasoning.summary" },
  verbosity: { chat: "verbosity", responses: "text.verbosity" },
  store: { chat: "store", responses: "store" },
  previous_response_id: { chat: "previous_response_id", responses: "previous_response_id" },
  service_tier: { chat: "service_tier", responses: "service_tier" },
  prompt_cache_key: { chat: "prompt_cache_key", responses: "prompt_cache_key" },
  safety_identifier: { chat: "safety_identifier", responses: "safety_identifier" },
};

const CATALOG_API: Record<RequestApi, CatalogApi> = { chat: "chat.completions", responses: "responses" };

/** Why a control does not apply, and the only value it may hold when the model allows just the default. */
export interface ControlBlock {
  reason: string;
  /** The value the model accepts (its default), when it accepts only that one. */
  onlyDefault?: number | boolean;
}

/** The control's wire name in an API. */
export function wireName(control: ControlId, api: RequestApi): string {
  return WIRE[control][api];
}

function ruleText(model: string, rule: ParameterRule): ControlBlock {
  if (rule.onlyDefault !== undefined) {
    return { reason: `${model} accepts only the default ${rule.param} (${String(rule.onlyDefault)}); any other value is refused. Source: ${rule.source}.`, onlyDefault: rule.onlyDefault };
  }
  return { reason: `${model} does not accept ${rule.param}${rule.useInstead ? `; use ${rule.useInstead} instead` : ""}. Source: ${rule.source}.` };
}

/** Null when the control applies; else why not (the API has no such field, or the catalog says the model refuses it). */
export function controlBlock(control: ControlId, api: RequestApi, modelId: string): ControlBlock | null {
  if (api === "responses") {
    const chatOnly = CHAT_ONLY.find((c) => c.param === control);
    if (chatOnly) return { reason: `Chat Completions only: ${chatOnly.reason}` };
  } else if (control === "reasoning_summary" || control === "previous_response_id") {
    return { reason: `Responses only: ${RESPONSES_ONLY[control]}` };
  }
  const model = modelId.trim();
  const entry = catalogModel(model);
  if (!entry) return null; // "no catalog entry": the server decides
  const param = wireName(control, api);
  const rule = rulesFor(entry, CATALOG_API[api]).find((r) => r.param === param);
  return rule ? ruleText(model, rule) : null;
}
