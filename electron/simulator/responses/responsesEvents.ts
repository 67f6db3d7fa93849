// Main process (simulator): the typed server-sent events of a streamed Responses API answer, each
// with a strictly increasing sequence_number, in the order the real service sends them.
import type { PlannedItem } from "./responsesBodies";

type Json = Record<string, unknown>;

/** Collects events and numbers them from 0. */
class EventList {
  readonly events: Json[] = [];
  push(type: string, fields: Json): void {
    this.events.push({ type, sequence_number: this.events.length, ...fields });
  }
}

/** The item as `output_item.added` shows it: in progress and empty. */
function startedItem(planned: PlannedItem): Json {
  switch (planned.kind) {
    case "reasoning":
      return { ...planned.item, summary: [] };
    case "message":
      return { ...planned.item, status: "in_progress", content: [] };
    case "function_call":
      return { ...planned.item, status: "in_progress", arguments: "" };
  }
}

function itemEvents(list: EventList, planned: PlannedItem, outputIndex: number): void {
  const itemId = String(planned.item.id);
  list.push("response.output_item.added", { output_index: outputIndex, item: startedItem(planned) });
  if (planned.kind === "reasoning" && planned.summary !== null) {
    const at = { item_id: itemId, output_index: outputIndex, summary_index: 0 };
    list.push("response.reasoning_summary_part.added", { ...at, part: { type: "summary_text", text: "" } });
    for (const delta of splitWords(planned.summary)) list.push("response.reasoning_summary_text.delta", { ...at, delta });
    list.push("response.reasoning_summary_text.done", { ...at, text: planned.summary });
    list.push("response.reasoning_summary_part.done", { ...at, part: { type: "summary_text", text: planned.summary } });
  }
  if (planned.kind === "message") {
    const at = { item_id: itemId, output_index: outputIndex, content_index: 0 };
    list.push("response.content_part.added", { ...at, part: { type: "output_text", text: "", annotations: [], logprobs: [] } });
    for (const delta of planned.pieces) list.push("response.output_text.delta", { ...at, delta, logprobs: [] });
    list.push("response.output_text.done", { ...at, text: planned.text, logprobs: [] });
    list.push("response.content_part.done", { ...at, part: { type: "output_text", text: planned.text, annotations: [], logprobs: [] } });
  }
  if (planned.kind === "function_call") {
    const at = { item_id: itemId, output_index: outputIndex };
    for (const delta of planned.pieces) list.push("response.function_call_arguments.delta", { ...at, delta });
    list.push("response.function_call_arguments.done", { ...at, name: planned.item.name, arguments: planned.item.arguments });
  }
  list.push("response.output_item.done", { output_index: outputIndex, item: planned.item });
}

/** Word-sized pieces of a summary (the summary is the simulator's text, so no tokenizer is needed). */
function splitWords(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [text];
}

/**
 * Every event of a streamed answer: created and in_progress (showing `started`), each output item
 * with its deltas, then completed or incomplete (showing `finished`).
 */
export function responseEvents(started: Json, items: readonly PlannedItem[], finished: Json): Json[] {
  const list = new EventList();
  list.push("response.created", { response: started });
  list.push("response.in_progress", { response: started });
  items.forEach((item, i) => itemEvents(list, item, i));
  list.push(finished.status === "incomplete" ? "response.incomplete" : "response.completed", { response: finished });
  return list.events;
}

/** The events of a stream that fails after it started: created, in_progress, then response.failed. */
export function failedEvents(started: Json, failed: Json): Json[] {
  const list = new EventList();
  list.push("response.created", { response: started });
  list.push("response.in_progress", { response: started });
  list.push("response.failed", { response: failed });
  return list.events;
}
