// Benchmarks (Node): how long the shared token estimate takes for a 50 KB prompt (what the
// renderer's worker does on each pause in typing).
import { countRequestTokens } from "../../shared/tokens";
import type { ChatRequest } from "../../shared/chatRequest";
import { fmt, quantile, type BenchTable } from "./table";

const REPEATS = 20;

/** A request whose user message is `bytes` long: varied English-like prose, some code and numbers. */
export function promptOfSize(bytes: number): ChatRequest {
  const pieces = [
    "The temperature parameter reshapes the probability distribution over the next token.",
    "const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);",
    "Invoice 2024-0117: 3 x widgets at $14.99, shipping $7.50, VAT 20%.",
    "Streaming sends server-sent events, one chunk per few tokens, until [DONE].",
  ];
  let text = "";
  for (let i = 0; text.length < bytes; i++) text += `${pieces[i % pieces.length]} (${i}) `;
  return { model: "gpt-4o-mini", messages: [{ role: "system", content: "Summarise the document." }, { role: "user", content: text.slice(0, bytes) }] };
}

/** Times countRequestTokens on a 50 KB prompt: the first call, then repeated calls. */
export async function tokenCountBench(): Promise<BenchTable> {
  const request = promptOfSize(50 * 1024);
  const firstStart = performance.now();
  const { total } = countRequestTokens(request);
  const first = performance.now() - firstStart;
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    countRequestTokens(request);
    times.push(performance.now() - started);
  }
  return {
    title: "Token counting: 50 KB prompt (o200k_base, gpt-tokenizer)",
    columns: ["case", "tokens", "ms p50", "ms p95", "ms max"],
    rows: [
      ["first call", total, fmt(first), fmt(first), fmt(first)],
      [`next ${REPEATS} calls`, total, fmt(quantile(times, 0.5)), fmt(quantile(times, 0.95)), fmt(Math.max(...times))],
    ],
    notes: ["In the app this runs in a Web Worker (renderer/features/Tokens/tokenWorker.ts), after 150 ms without typing, so it never blocks the editor."],
  };
}
