// Benchmarks (Node): what the chat service and its relay cost over a plain SDK stream consumer.
import OpenAI from "openai";
import type { ChatRequest } from "../../shared/contract";
import { createChatService } from "../../electron/services/chat";
import type { Connection } from "../../electron/services/openaiClient";
import { startSimulator } from "../../electron/simulator/server";
import { fmt, quantile, type BenchTable } from "./table";

const REPEATS = 5;

/** A key as long as an OpenAI project key, so the relay's scrubber works as hard as it does in the app. */
const BENCH_KEY = `sk-proj-${Array.from({ length: 156 }, (_, i) => "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"[(i * 7 + 3) % 36]).join("")}`;

/**
 * A prompt whose answer runs to thousands of tokens: the simulator answers with two or three of the
 * prompt's sentences, so the system message holds very long sentences (clauses joined by commas).
 */
function longRequest(): ChatRequest {
  const clause = (i: number) => `sampling step ${i} draws a token while temperature level ${i % 20} reshapes the distribution and top_p trims its tail`;
  const sentence = (from: number) => `${Array.from({ length: 90 }, (_, i) => clause(from + i)).join(", ")}.`;
  return {
    model: "sim-chat-1",
    messages: [
      { role: "system", content: `${sentence(1)} ${sentence(91)} ${sentence(181)}` },
      { role: "user", content: "Explain how sampling, temperature and top_p shape each token." },
    ],
    max_completion_tokens: 4000,
    temperature: 0,
  };
}

/** (a) The baseline: the SDK's stream iterated with nothing done per chunk but counting. */
async function plainConsumer(baseURL: string, request: ChatRequest): Promise<{ deltas: number; ms: number }> {
  const client = new OpenAI({ apiKey: "simulator-no-key", baseURL, maxRetries: 0 });
  const started = performance.now();
  const stream = await client.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } });
  let deltas = 0;
  for await (const chunk of stream) {
    for (const choice of chunk.choices) if (choice.delta.content) deltas += 1;
  }
  return { deltas, ms: performance.now() - started };
}

/** (b) The chat service with its relay and a no-op emit, recording each piece's wait in the relay. */
async function serviceConsumer(
  baseURL: string,
  request: ChatRequest,
): Promise<{ deltas: number; events: number; ms: number; delays: number[] }> {
  const delays: number[] = [];
  let deltas = 0;
  let events = 0;
  const service = createChatService({
    maxRetries: 0,
    onRelayBatch: (pushedAt, sentAt) => {
      deltas += pushedAt.length;
      for (const t of pushedAt) delays.push(sentAt - t);
    },
  });
  const connection: Connection = {
    provider: { profileId: "simulator", profileName: "Simulator", kind: "simulator", baseURL },
    baseURL,
    apiKey: "simulator-no-key",
  };
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    service.start({
      runId: crypto.randomUUID(),
      connection,
      request,
      secrets: () => [BENCH_KEY],
      emit: (event, payload) => {
        if (event === "chat.delta") events += 1;
        else if (event === "chat.failed") reject(new Error(JSON.stringify(payload)));
        else resolve();
      },
    });
  });
  return { deltas, events, ms: performance.now() - started, delays };
}

/** Runs (a) and (b) alternately against one simulator with no token delay. */
export async function relayBench(): Promise<BenchTable> {
  const sim = await startSimulator({ tokenDelayMs: 0 });
  const request = longRequest();
  const rows: (string | number)[][] = [];
  const allDelays: number[] = [];
  try {
    // A warm-up run of each, so JIT and connection set-up are not in the first row.
    await plainConsumer(sim.url, request);
    await serviceConsumer(sim.url, request);
    for (let i = 1; i <= REPEATS; i++) {
      const a = await plainConsumer(sim.url, request);
      const b = await serviceConsumer(sim.url, request);
      allDelays.push(...b.delays);
      rows.push([
        `run ${i}`,
        a.deltas,
        fmt((a.deltas / a.ms) * 1000, 0),
        fmt((b.deltas / b.ms) * 1000, 0),
        b.events,
        fmt(quantile(b.delays, 0.5), 2),
        fmt(quantile(b.delays, 0.95), 2),
      ]);
    }
  } finally {
    await sim.close();
  }
  rows.push(["all", "", "", "", "", fmt(quantile(allDelays, 0.5), 2), fmt(quantile(allDelays, 0.95), 2)]);
  return {
    title: "Streaming relay: plain SDK consumer vs chat service (simulator, tokenDelayMs 0, max_completion_tokens 4000)",
    columns: ["", "deltas", "(a) SDK deltas/s", "(b) service deltas/s", "(b) events", "relay delay p50 ms", "relay delay p95 ms"],
    rows,
    notes: [
      "deltas/s: content deltas over the time from sending the request to the end of the stream.",
      "relay delay: from the SDK yielding a chunk to the chat.delta batch holding it being emitted (interval 16 ms).",
      "(b) scrubs every delta of a 164-character key and key-shaped strings, holding back a word in progress until it ends.",
    ],
  };
}
