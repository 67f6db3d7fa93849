// Main process: the last good answer to each recent request, for the "cached answer" fallback step.
import type { ChatRequest, ChoiceResult } from "../../../shared/contract";

/** A remembered answer. */
export interface CachedAnswer {
  model: string;
  choices: ChoiceResult[];
  /** Epoch ms when it was answered. */
  at: number;
}

/** Remembers answers by their exact request. */
export interface AnswerCache {
  get(request: ChatRequest): CachedAnswer | null;
  put(request: ChatRequest, answer: CachedAnswer): void;
}

/** How many requests are remembered; the least recently answered are forgotten first. */
export const ANSWER_CACHE_SIZE = 200;

/** The key of a request: its JSON, so any change to model, messages or parameters is another request. */
function keyOf(request: ChatRequest): string {
  return JSON.stringify(request);
}

/** An in-memory cache of `capacity` answers. */
export function createAnswerCache(capacity = ANSWER_CACHE_SIZE): AnswerCache {
  const answers = new Map<string, CachedAnswer>();
  return {
    get: (request) => answers.get(keyOf(request)) ?? null,
    put(request, answer) {
      const key = keyOf(request);
      answers.delete(key);
      answers.set(key, answer);
      while (answers.size > capacity) answers.delete(answers.keys().next().value as string);
    },
  };
}
