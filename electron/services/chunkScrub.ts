// Main process: scrubs a run's recorded stream chunks as one text per stream (a choice's content,
// refusal, or one tool call's arguments), so a key the server split over many chunks, each too short
// to look like anything, cannot be put back together from the inspector or run history.
import type { Scrubber } from "../../shared/redact";
import { REDACTED } from "../../shared/redact";
import type { RecordedChunk } from "../../shared/runRecord";

/** One piece of streamed text: where it sits in the recorded chunks and what it says. */
interface Piece {
  chunk: number;
  /** Path from the chunk's data to the string, e.g. ["choices", 0, "delta", "content"]. */
  path: (string | number)[];
  text: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The Responses events whose `delta` streams text, and the stream each one feeds. */
const RESPONSES_DELTA_STREAMS: Record<string, string> = {
  "response.output_text.delta": "text",
  "response.refusal.delta": "refusal",
  "response.function_call_arguments.delta": "tool",
  "response.reasoning_summary_text.delta": "summary",
  "response.reasoning_text.delta": "reasoning",
};

/** Every streamed text piece of the chunks, grouped by the stream it belongs to, in order. */
function piecesByStream(chunks: readonly RecordedChunk[]): Map<string, Piece[]> {
  const streams = new Map<string, Piece[]>();
  const add = (stream: string, piece: Piece) => {
    const list = streams.get(stream);
    if (list) list.push(piece);
    else streams.set(stream, [piece]);
  };
  chunks.forEach((recorded, chunk) => {
    const data = recorded.data;
    // A Responses stream event: each delta belongs to the text of one output item's part.
    if (isObject(data) && typeof data.type === "string" && typeof data.delta === "string" && data.delta !== "") {
      const stream = RESPONSES_DELTA_STREAMS[data.type];
      if (stream) add(`${stream}:${String(data.item_id)}:${String(data.content_index ?? data.summary_index ?? 0)}`, { chunk, path: ["delta"], text: data.delta });
      return;
    }
    if (!isObject(data) || !Array.isArray(data.choices)) return;
    data.choices.forEach((choice: unknown, c) => {
      if (!isObject(choice) || !isObject(choice.delta)) return;
      const index = typeof choice.index === "number" ? choice.index : c;
      const delta = choice.delta;
      for (const field of ["content", "refusal"] as const) {
        const text = delta[field];
        if (typeof text === "string" && text !== "") add(`${index}:${field}`, { chunk, path: ["choices", c, "delta", field], text });
      }
      if (!Array.isArray(delta.tool_calls)) return;
      delta.tool_calls.forEach((call: unknown, k) => {
        if (!isObject(call) || !isObject(call.function)) return;
        const text = call.function.arguments;
        const id = typeof call.index === "number" ? call.index : k;
        if (typeof text === "string" && text !== "") add(`${index}:tool:${id}`, { chunk, path: ["choices", c, "delta", "tool_calls", k, "function", "arguments"], text });
      });
    });
  });
  return streams;
}

/** The pieces with their new texts: stretches holding a secret removed, "[redacted]" where each one began. */
function rewrite(pieces: readonly Piece[], spans: readonly [number, number][]): { piece: Piece; text: string }[] {
  let offset = 0;
  return pieces.map((piece) => {
    const { text } = piece;
    const from = offset;
    const to = from + text.length;
    offset = to;
    let out = "";
    let at = from;
    for (const [start, end] of spans) {
      if (end <= from || start >= to) continue;
      out += text.slice(at - from, Math.max(at, start) - from);
      if (start >= from) out += REDACTED;
      at = Math.min(end, to);
    }
    return { piece, text: out + text.slice(at - from) };
  });
}

function setAt(root: unknown, path: readonly (string | number)[], value: string): void {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
}

/**
 * The chunks with every secret removed from the text they stream, as if each stream had arrived
 * whole; the rest of each chunk is scrubbed as it is. Chunks nothing changed in are kept as they are.
 */
export function scrubRecordedChunks(chunks: readonly RecordedChunk[], scrubber: Scrubber): RecordedChunk[] {
  const out: RecordedChunk[] = chunks.map((c) => ({ ...c, data: scrubber.value(c.data) }));
  const copied = new Set<number>();
  for (const pieces of piecesByStream(chunks).values()) {
    const spans = scrubber.spans(pieces.map((p) => p.text).join(""));
    if (spans.length === 0) continue;
    for (const { piece, text } of rewrite(pieces, spans)) {
      const current = out[piece.chunk];
      if (text === piece.text || !current) continue;
      const target = copied.has(piece.chunk) ? current : { ...current, data: structuredClone(current.data) };
      out[piece.chunk] = target;
      copied.add(piece.chunk);
      // Scrubbed alone too: a key-shaped piece can lose its word boundary once joined to the one before.
      setAt(target.data, piece.path, scrubber.text(text));
    }
  }
  return out;
}
