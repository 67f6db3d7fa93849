// Renderer (Web Worker side and page side): the messages of the token-count worker and the pure
// function that answers them, so the counting can be tested without a worker.
import { countRequestTokens } from "../../../shared/tokens";
import type { ChatRequest } from "../../../shared/chatRequest";

/** Sent to the worker: count this request. `id` pairs the answer with its question. */
export interface CountQuestion {
  id: number;
  request: ChatRequest;
}

/** The worker's answer: the estimate, or why the request could not be counted. */
export type CountAnswer =
  | { id: number; ok: true; total: number; perMessage: number[]; ms: number }
  | { id: number; ok: false; error: string };

/** Counts one request (o200k_base plus the chat format's overhead). Never throws. */
export function answerCount(question: CountQuestion, now: () => number = () => performance.now()): CountAnswer {
  const started = now();
  try {
    const { total, perMessage } = countRequestTokens(question.request);
    return { id: question.id, ok: true, total, perMessage, ms: now() - started };
  } catch (err) {
    // A half-edited request (e.g. a message without content) is not worth an exception.
    return { id: question.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
