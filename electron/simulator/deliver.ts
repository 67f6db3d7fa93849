// Main process (simulator): sends an answer as JSON or as a server-sent-events stream, applying
// the delivery failures (stall, drop, malformed chunk) a request asked for.
import type { DeliveryFailure } from "./failures";
import { commonHeaders, sendJson, untilAborted, pause, writeText, type Exchange } from "./respond";

/** How many chunks go out before a stream stalls, drops or turns malformed: "a few", as on a flaky network. */
export const CHUNKS_BEFORE_FAILURE = 3;

/** Resolves once everything written so far has been handed to the operating system. */
function flushed(ex: Exchange): Promise<void> {
  return new Promise((resolve) => {
    if (ex.req.socket.destroyed) resolve();
    else ex.req.socket.write("", () => resolve());
  });
}

/** Sends a JSON answer; stall hangs until the client leaves, drop closes the socket, malformed sends cut-off JSON. */
export async function deliverJson(ex: Exchange, body: unknown, failure: DeliveryFailure | null, tokens = 0, extra: Record<string, string> = {}): Promise<void> {
  if (failure === "stall") return untilAborted(ex.signal);
  if (failure === "drop") {
    ex.req.socket.destroy();
    return;
  }
  if (failure === "malformed_chunk") {
    const text = JSON.stringify(body);
    const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    ex.res.writeHead(200, { ...commonHeaders(ex, tokens, extra), "content-type": "application/json", "content-length": String(Buffer.byteLength(cut)) });
    ex.res.end(cut);
    return;
  }
  sendJson(ex, 200, body, tokens, extra);
}

/**
 * How a stream frames its chunks: Chat Completions sends bare `data:` lines and a final
 * `data: [DONE]`; the Responses API names each event (`event: <type>`) and sends no [DONE].
 */
export type StreamFormat = "chat" | "responses";

function frame(chunk: unknown, format: StreamFormat): string {
  const data = `data: ${JSON.stringify(chunk)}\n\n`;
  if (format === "chat") return data;
  return `event: ${String((chunk as { type?: unknown }).type)}\n${data}`;
}

/**
 * Streams `data:` frames, one per chunk, `tokenDelayMs` apart, then `data: [DONE]` (see
 * StreamFormat for the Responses API's named events). A stall stops
 * after a few chunks and holds the connection until the client leaves or the server closes; a drop
 * destroys the socket there; a malformed chunk sends one `data:` line that is not JSON and goes on.
 */
export async function deliverStream(
  ex: Exchange,
  chunks: readonly unknown[],
  failure: DeliveryFailure | null,
  tokenDelayMs: number,
  tokens = 0,
  format: StreamFormat = "chat",
  extra: Record<string, string> = {},
): Promise<void> {
  ex.res.writeHead(200, {
    ...commonHeaders(ex, tokens, extra),
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  const failAt = Math.min(CHUNKS_BEFORE_FAILURE, Math.max(chunks.length - 1, 0));
  for (let i = 0; i < chunks.length; i++) {
    if (i === failAt && failure === "stall") return untilAborted(ex.signal);
    if (i === failAt && failure === "drop") {
      // Let the chunks already written reach the client, then cut the connection mid-stream.
      await flushed(ex);
      ex.req.socket.destroy();
      return;
    }
    if (i === failAt && failure === "malformed_chunk") {
      if (!(await writeText(ex, `data: {"id": "simulated malformed chunk", "choices": [\n\n`))) return;
    }
    if (!(await writeText(ex, frame(chunks[i], format)))) return;
    if (tokenDelayMs > 0 && i < chunks.length - 1 && !(await pause(tokenDelayMs, ex.signal))) return;
  }
  if (format === "chat" && !(await writeText(ex, "data: [DONE]\n\n"))) return;
  ex.res.end();
}
