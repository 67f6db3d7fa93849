// Main process (simulator): the wire objects of a chat answer: one `chat.completion`, or the
// sequence of `chat.completion.chunk` frames a stream carries.
import { SYSTEM_FINGERPRINT, type ChatPlan, type PlannedChoice } from "./chatPlan";
import { splitTokens } from "./tokens";

type Json = Record<string, unknown>;

function header(plan: ChatPlan, object: string): Json {
  return { id: plan.id, object, created: plan.created, model: plan.model, service_tier: "default", system_fingerprint: SYSTEM_FINGERPRINT };
}

function messageOf(choice: PlannedChoice): Json {
  const message: Json = { role: "assistant", content: choice.content, refusal: null, annotations: [] };
  if (choice.toolCalls.length) {
    message.tool_calls = choice.toolCalls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } }));
  }
  return message;
}

/** The non-streaming response (CreateChatCompletionResponse). */
export function completionBody(plan: ChatPlan): Json {
  return {
    ...header(plan, "chat.completion"),
    choices: plan.choices.map((c) => ({
      index: c.index,
      message: messageOf(c),
      logprobs: c.logprobs ? { content: c.logprobs, refusal: null } : null,
      finish_reason: c.finishReason,
    })),
    usage: plan.usage,
  };
}

/** The deltas of one choice, in order: role, then content tokens or tool-call fragments, then the finish. */
function choiceDeltas(choice: PlannedChoice): Json[] {
  const out: Json[] = [{ index: choice.index, delta: { role: "assistant", content: choice.content === null ? null : "", refusal: null }, logprobs: null, finish_reason: null }];
  choice.pieces.forEach((piece, i) => {
    const logprob = choice.logprobs?.[i];
    out.push({ index: choice.index, delta: { content: piece }, logprobs: logprob ? { content: [logprob], refusal: null } : null, finish_reason: null });
  });
  choice.toolCalls.forEach((call, callIndex) => {
    // The first fragment names the call; the arguments follow in token-sized pieces by `index`.
    out.push({
      index: choice.index,
      delta: { tool_calls: [{ index: callIndex, id: call.id, type: "function", function: { name: call.name, arguments: "" } }] },
      logprobs: null,
      finish_reason: null,
    });
    for (const fragment of splitTokens(call.arguments)) {
      out.push({ index: choice.index, delta: { tool_calls: [{ index: callIndex, function: { arguments: fragment } }] }, logprobs: null, finish_reason: null });
    }
  });
  out.push({ index: choice.index, delta: {}, logprobs: null, finish_reason: choice.finishReason });
  return out;
}

/**
 * Every chunk of the stream (CreateChatCompletionStreamResponse), one choice delta per chunk.
 * Choices are interleaved as they are on the real service when n > 1. With include_usage, every
 * chunk carries `usage: null` and a last chunk with empty `choices` carries the usage.
 */
export function streamChunks(plan: ChatPlan, includeUsage: boolean): Json[] {
  const queues = plan.choices.map(choiceDeltas);
  const chunks: Json[] = [];
  for (let step = 0; queues.some((q) => step < q.length); step++) {
    for (const queue of queues) {
      const delta = queue[step];
      if (!delta) continue;
      chunks.push({ ...header(plan, "chat.completion.chunk"), choices: [delta], ...(includeUsage ? { usage: null } : {}) });
    }
  }
  if (includeUsage) chunks.push({ ...header(plan, "chat.completion.chunk"), choices: [], usage: plan.usage });
  return chunks;
}
