// Tests: the Responses stream accumulator folds typed events into the app's one choice.
import { describe, expect, it } from "vitest";
import type { ResponseStreamEvent } from "openai/resources/responses/responses";
import { createResponsesAccumulator } from "./responsesAccumulator";

const ev = (e: Record<string, unknown>) => ({ sequence_number: 0, ...e }) as unknown as ResponseStreamEvent;
const response = (extra: Record<string, unknown>) => ({ id: "resp_1", model: "gpt-5-mini", store: true, output: [], ...extra });

describe("createResponsesAccumulator", () => {
  it("joins text, function-call arguments and summary parts, and ends with the reasons Chat Completions uses", () => {
    const acc = createResponsesAccumulator();
    acc.add(ev({ type: "response.created", response: response({ status: "in_progress" }) }));
    acc.add(ev({ type: "response.reasoning_summary_part.added", item_id: "rs", summary_index: 0 }));
    expect(acc.add(ev({ type: "response.reasoning_summary_text.delta", item_id: "rs", summary_index: 0, delta: "First." }))).toEqual({ text: "", reasoning: "First.", hasOutput: true });
    expect(acc.add(ev({ type: "response.reasoning_summary_part.added", item_id: "rs", summary_index: 1 })).reasoning).toBe("\n\n");
    acc.add(ev({ type: "response.reasoning_summary_text.delta", item_id: "rs", summary_index: 1, delta: "Second." }));
    acc.add(ev({ type: "response.output_item.added", output_index: 1, item: { type: "function_call", id: "fc_1", call_id: "call_1", name: "lookup", arguments: "" } }));
    acc.add(ev({ type: "response.function_call_arguments.delta", item_id: "fc_1", output_index: 1, delta: '{"id":' }));
    acc.add(ev({ type: "response.function_call_arguments.done", item_id: "fc_1", output_index: 1, arguments: '{"id":"A1"}' }));
    expect(acc.choices()[0]?.finishReason).toBeNull();
    acc.add(ev({ type: "response.completed", response: response({ status: "completed", usage: { input_tokens: 10, input_tokens_details: { cached_tokens: 4 }, output_tokens: 30, output_tokens_details: { reasoning_tokens: 20 }, total_tokens: 40 } }) }));
    expect(acc.reasoningSummary()).toBe("First.\n\nSecond.");
    expect(acc.choices()).toEqual([{ index: 0, content: "", refusal: null, toolCalls: [{ id: "call_1", name: "lookup", arguments: '{"id":"A1"}' }], finishReason: "tool_calls" }]);
    expect(acc.usage()).toEqual({ promptTokens: 10, completionTokens: 30, totalTokens: 40, cachedPromptTokens: 4, reasoningTokens: 20 });
    expect([acc.responseId(), acc.model(), acc.stored()]).toEqual(["resp_1", "gpt-5-mini", true]);
  });

  it("reads an incomplete response as length, and a failed one as no finish with its error", () => {
    const cut = createResponsesAccumulator();
    cut.add(ev({ type: "response.output_text.delta", item_id: "m", output_index: 0, content_index: 0, delta: "Hel" }));
    cut.add(ev({ type: "response.incomplete", response: response({ status: "incomplete", incomplete_details: { reason: "max_output_tokens" } }) }));
    expect(cut.choices()[0]).toMatchObject({ content: "Hel", finishReason: "length" });
    expect(cut.end()).toEqual({ status: "incomplete", detail: "max_output_tokens", code: null });

    const failed = createResponsesAccumulator();
    failed.add(ev({ type: "response.output_text.delta", item_id: "m", output_index: 0, content_index: 0, delta: "Par" }));
    failed.add(ev({ type: "response.failed", response: response({ status: "failed", error: { code: "server_error", message: "The model crashed." } }) }));
    expect(failed.choices()[0]).toMatchObject({ content: "Par", finishReason: null });
    expect(failed.end()).toEqual({ status: "failed", detail: "The model crashed.", code: "server_error" });
  });
});
