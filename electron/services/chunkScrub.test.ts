// Tests: recorded stream chunks are scrubbed per stream, so a key split over chunks is removed too.
import { describe, expect, it } from "vitest";
import { createScrubber } from "../../shared/redact";
import type { RecordedChunk } from "../../shared/runRecord";
import { scrubRecordedChunks } from "./chunkScrub";

const KEY = "sk-proj-ChunkKeyAbCdEfGh0123456789";

const contentChunk = (index: number, content: string): RecordedChunk => ({ t: 1, data: { id: "c1", choices: [{ index, delta: { content }, finish_reason: null }] } });
const toolChunk = (args: string): RecordedChunk => ({ t: 1, data: { id: "c1", choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: args } }] }, finish_reason: null }] } });

function joined(chunks: RecordedChunk[], pick: (delta: Record<string, unknown>) => unknown, index = 0): string {
  return chunks
    .flatMap((c) => ((c.data as { choices: { index: number; delta: Record<string, unknown> }[] }).choices ?? []).filter((ch) => ch.index === index).map((ch) => pick(ch.delta)))
    .filter((x): x is string => typeof x === "string")
    .join("");
}

describe("scrubRecordedChunks", () => {
  it("removes a key streamed 3 characters per chunk from the content and the tool arguments, keeping the rest", () => {
    const text = `Key: ${KEY}. Bye.`;
    const args = `{"key":"${KEY}"}`;
    const pieces = (s: string) => Array.from({ length: Math.ceil(s.length / 3) }, (_, i) => s.slice(i * 3, i * 3 + 3));
    const chunks = [...pieces(text).map((p) => contentChunk(0, p)), ...pieces("Other choice.").map((p) => contentChunk(1, p)), ...pieces(args).map(toolChunk), { t: 2, data: { id: "c1", choices: [], usage: { total_tokens: 3 } } }];
    const out = scrubRecordedChunks(chunks, createScrubber([KEY]));
    expect(joined(out, (d) => d.content)).toBe("Key: [redacted]. Bye.");
    expect(joined(out, (d) => d.content, 1)).toBe("Other choice.");
    expect(joined(out, (d) => (d.tool_calls as { function: { arguments: string } }[] | undefined)?.[0]?.function.arguments)).toBe('{"key":"[redacted]"}');
    expect(out).toHaveLength(chunks.length);
    expect(out.at(-1)?.data).toBe(chunks.at(-1)?.data); // untouched chunks are not copied
    expect(joined(chunks, (d) => d.content)).toBe(text); // the input is left as it was
  });

  it("leaves chunks with no secret as they are", () => {
    const chunks = ["Hello", " world"].map((p) => contentChunk(0, p));
    const out = scrubRecordedChunks(chunks, createScrubber([KEY]));
    expect(out.map((c) => c.data)).toEqual(chunks.map((c) => c.data));
  });

  it("removes a key split over Responses text, argument and summary deltas, each stream on its own", () => {
    const pieces = (s: string) => Array.from({ length: Math.ceil(s.length / 4) }, (_, i) => s.slice(i * 4, i * 4 + 4));
    const event = (type: string, delta: string, extra: Record<string, unknown>): RecordedChunk => ({ t: 1, data: { type, delta, sequence_number: 1, ...extra } });
    const chunks = [
      ...pieces(`Key: ${KEY}.`).map((p) => event("response.output_text.delta", p, { item_id: "msg_1", output_index: 1, content_index: 0 })),
      ...pieces(`{"k":"${KEY}"}`).map((p) => event("response.function_call_arguments.delta", p, { item_id: "fc_1", output_index: 2 })),
      ...pieces(`I saw ${KEY}`).map((p) => event("response.reasoning_summary_text.delta", p, { item_id: "rs_1", output_index: 0, summary_index: 0 })),
    ];
    const out = scrubRecordedChunks(chunks, createScrubber([KEY]));
    const of = (type: string) => out.map((c) => c.data as { type: string; delta: string }).filter((d) => d.type === type).map((d) => d.delta).join("");
    expect(of("response.output_text.delta")).toBe("Key: [redacted].");
    expect(of("response.function_call_arguments.delta")).toBe('{"k":"[redacted]"}');
    expect(of("response.reasoning_summary_text.delta")).toBe("I saw [redacted]");
  });
});
