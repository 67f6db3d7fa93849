// Main process: folds streamed chat.completion.chunk objects into whole choices.
import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import type { ChoiceResult, ToolCallView } from "../../shared/contract";

/** What one chunk added, for relaying and timing. */
export interface ChunkDelta {
  /** Content text per choice index (refusals and tool calls are not relayed as text). */
  content: { index: number; text: string }[];
  /** True when the chunk carried any model output: content, refusal or tool-call fragments. */
  hasOutput: boolean;
}

interface ChoiceState {
  content: string;
  refusal: string | null;
  // Tool calls arrive as fragments keyed by their position in the list, not by id: the id and
  // name come in the first fragment only, the arguments are split across many.
  toolCalls: Map<number, ToolCallView>;
  finishReason: string | null;
}

/** Accumulates a stream's choices; `choices()` may be read at any time (e.g. on stop or failure). */
export interface ChoiceAccumulator {
  add(chunk: ChatCompletionChunk): ChunkDelta;
  choices(): ChoiceResult[];
}

/** Creates an empty accumulator. */
export function createChoiceAccumulator(): ChoiceAccumulator {
  const states = new Map<number, ChoiceState>();

  function stateOf(index: number): ChoiceState {
    let state = states.get(index);
    if (!state) {
      state = { content: "", refusal: null, toolCalls: new Map(), finishReason: null };
      states.set(index, state);
    }
    return state;
  }

  return {
    add(chunk) {
      const delta: ChunkDelta = { content: [], hasOutput: false };
      // The usage chunk has an empty `choices`; some compatible servers omit the field.
      for (const choice of chunk.choices ?? []) {
        const state = stateOf(choice.index);
        const d = choice.delta ?? {};
        if (d.content) {
          state.content += d.content;
          delta.content.push({ index: choice.index, text: d.content });
          delta.hasOutput = true;
        }
        if (d.refusal) {
          state.refusal = (state.refusal ?? "") + d.refusal;
          delta.hasOutput = true;
        }
        for (const fragment of d.tool_calls ?? []) {
          const call = state.toolCalls.get(fragment.index) ?? { id: "", name: "", arguments: "" };
          if (fragment.id && !call.id) call.id = fragment.id;
          // Some compatible servers repeat the name in every fragment: keep the first.
          if (fragment.function?.name && !call.name) call.name = fragment.function.name;
          if (fragment.function?.arguments) {
            call.arguments += fragment.function.arguments;
            delta.hasOutput = true;
          }
          state.toolCalls.set(fragment.index, call);
        }
        if (choice.finish_reason) state.finishReason = choice.finish_reason;
      }
      return delta;
    },
    choices() {
      return [...states]
        .sort((a, b) => a[0] - b[0])
        .map(([index, s]) => ({
          index,
          content: s.content,
          refusal: s.refusal,
          toolCalls: [...s.toolCalls].sort((a, b) => a[0] - b[0]).map(([, call]) => ({ ...call })),
          finishReason: s.finishReason,
        }));
    },
  };
}
