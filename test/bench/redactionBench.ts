// Benchmarks (Node): how long redaction of a request takes before it is sent (it runs on every send
// when switched on): a 50 KB prompt without personal data, and one dense with it.
import { defaultRedactionOptions, redactChatRequest } from "../../shared/redaction";
import type { ChatRequest } from "../../shared/chatRequest";
import { sampleMessage, seededRandom } from "../fixtures/sensitiveSamples";
import { promptOfSize } from "./tokenCountBench";
import { fmt, quantile, type BenchTable } from "./table";

const REPEATS = 20;

/** A request of about `bytes` made of generated messages full of personal data and secrets. */
function densePrompt(bytes: number): ChatRequest {
  const rand = seededRandom(7);
  let text = "";
  while (text.length < bytes) text += `${sampleMessage(rand).text}\n`;
  return { model: "sim-chat-1", messages: [{ role: "user", content: text.slice(0, bytes) }] };
}

/** Times redactChatRequest with every built-in group on. */
export async function redactionBench(): Promise<BenchTable> {
  const options = defaultRedactionOptions();
  const rows: (string | number)[][] = [];
  for (const [label, request] of [
    ["50 KB prose and code", promptOfSize(50 * 1024)],
    ["50 KB dense personal data", densePrompt(50 * 1024)],
  ] as const) {
    let replaced = 0;
    const times: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const started = performance.now();
      const out = redactChatRequest(request, options);
      times.push(performance.now() - started);
      replaced = Object.values(out.counts).reduce((a, b) => a + b, 0);
    }
    rows.push([label, replaced, fmt(quantile(times, 0.5)), fmt(quantile(times, 0.95)), fmt(Math.max(...times))]);
  }
  return { title: "Redaction before sending (every built-in group on)", columns: ["case", "values replaced", "ms p50", "ms p95", "ms max"], rows };
}
