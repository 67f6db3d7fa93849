// Renderer (Web Worker): counts a request's tokens off the main thread, so typing stays smooth
// while gpt-tokenizer encodes long prompts. Loaded by useTokenCount with `new Worker(new URL(...))`.
import { answerCount, type CountQuestion } from "./tokenCount";

/** The part of the worker's global scope used here (the DOM lib types `self` as a Window). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CountQuestion>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => scope.postMessage(answerCount(event.data));
