// Renderer: rebuilds, from a run's streamed chunks, the response body a non-streamed call would
// have returned (a chat.completion object), so the inspector can show "the final result".
import type { RecordedChunk } from "../../../shared/runRecord";

/** One token's log probability as the API reports it (ChatCompletionTokenLogprob). */
export interface TokenLogprob {
  token: string;
  logprob: number;
  bytes?: number[] | null;
  top_logprobs?: { token: string; logprob: number; bytes?: number[] | null }[];
}

interface AssembledToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

/** One choice of the assembled response. */
export interface AssembledChoice {
  index: number;
  message: { role: "assistant"; content: string | null; refusal: string | null; tool_calls?: AssembledToolCall[] };
  logprobs: { content: TokenLogprob[] | null; refusal: TokenLogprob[] | null } | null;
  finish_reason: string | null;
}

/** The response as one object, as `stream: false` would have returned it. */
export interface AssembledResponse {
  id: string | null;
  object: "chat.completion";
  created: number | null;
  model: string | null;
  system_fingerprint?: string | null;
  service_tier?: string | null;
  choices: AssembledChoice[];
  usage: Record<string, unknown> | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/**
 * Joins the chunks: content and refusal text are concatenated per choice, tool-call deltas are
 * merged by their `index` (the id and name come in the first delta, the arguments in pieces),
 * logprobs are appended, the last finish_reason and the usage chunk are kept. Chunks that are not
 * objects (a malformed line the SDK let through) are skipped.
 */
export function assembleResponse(chunks: readonly RecordedChunk[]): AssembledResponse {
  const out: AssembledResponse = { id: null, object: "chat.completion", created: null, model: null, choices: [], usage: null };
  const byIndex = new Map<number, AssembledChoice & { calls: Map<number, AssembledToolCall> }>();
  for (const { data } of chunks) {
    if (!isObject(data)) continue;
    out.id ??= str(data.id);
    out.created ??= typeof data.created === "number" ? data.created : null;
    out.model ??= str(data.model);
    if ("system_fingerprint" in data) out.system_fingerprint = str(data.system_fingerprint);
    if ("service_tier" in data) out.service_tier = str(data.service_tier);
    if (isObject(data.usage)) out.usage = data.usage;
    for (const raw of Array.isArray(data.choices) ? data.choices : []) {
      if (!isObject(raw) || typeof raw.index !== "number") continue;
      let choice = byIndex.get(raw.index);
      if (!choice) {
        choice = { index: raw.index, message: { role: "assistant", content: null, refusal: null }, logprobs: null, finish_reason: null, calls: new Map() };
        byIndex.set(raw.index, choice);
      }
      const delta = isObject(raw.delta) ? raw.delta : {};
      if (typeof delta.content === "string") choice.message.content = (choice.message.content ?? "") + delta.content;
      if (typeof delta.refusal === "string") choice.message.refusal = (choice.message.refusal ?? "") + delta.refusal;
      for (const call of Array.isArray(delta.tool_calls) ? delta.tool_calls : []) {
        if (!isObject(call) || typeof call.index !== "number") continue;
        const fn = isObject(call.function) ? call.function : {};
        const known = choice.calls.get(call.index) ?? { id: "", type: "function" as const, function: { name: "", arguments: "" } };
        if (typeof call.id === "string") known.id = call.id;
        if (typeof fn.name === "string") known.function.name += fn.name;
        if (typeof fn.arguments === "string") known.function.arguments += fn.arguments;
        choice.calls.set(call.index, known);
      }
      if (isObject(raw.logprobs)) {
        const logprobs = (choice.logprobs ??= { content: null, refusal: null });
        if (Array.isArray(raw.logprobs.content)) logprobs.content = [...(logprobs.content ?? []), ...(raw.logprobs.content as TokenLogprob[])];
        if (Array.isArray(raw.logprobs.refusal)) logprobs.refusal = [...(logprobs.refusal ?? []), ...(raw.logprobs.refusal as TokenLogprob[])];
      }
      if (typeof raw.finish_reason === "string") choice.finish_reason = raw.finish_reason;
    }
  }
  out.choices = [...byIndex.values()]
    .sort((a, b) => a.index - b.index)
    .map(({ calls, ...choice }) => {
      const toolCalls = [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
      return toolCalls.length ? { ...choice, message: { ...choice.message, tool_calls: toolCalls } } : choice;
    });
  return out;
}
