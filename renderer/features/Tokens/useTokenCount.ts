// Renderer: the live token count of the playground's request, computed in a Web Worker after a
// short pause in typing, so a 50 KB prompt never blocks the editor.
import { useEffect, useRef, useState } from "react";
import type { ChatRequest } from "../../../shared/chatRequest";
import type { CountAnswer } from "./tokenCount";

/** Typing pause before a count is asked for. */
const DEBOUNCE_MS = 150;

/** The latest count: null before the first answer. */
export type TokenCountState = { status: "counting" | "ready" | "error"; total: number | null; ms: number | null; error: string | null };

/**
 * Counts `request` in one worker per component. Only the answer to the latest question is kept,
 * so answers arriving out of date (the user kept typing) are dropped.
 */
export function useTokenCount(request: ChatRequest): TokenCountState {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [state, setState] = useState<TokenCountState>({ status: "counting", total: null, ms: null, error: null });

  useEffect(() => {
    const w = new Worker(new URL("./tokenWorker.ts", import.meta.url), { type: "module" });
    w.onmessage = (event: MessageEvent<CountAnswer>) => {
      const answer = event.data;
      if (answer.id !== latest.current) return;
      setState(answer.ok ? { status: "ready", total: answer.total, ms: answer.ms, error: null } : { status: "error", total: null, ms: null, error: answer.error });
    };
    w.onerror = (event) => setState({ status: "error", total: null, ms: null, error: event.message || "the token counter could not start" });
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    const id = ++latest.current;
    setState((s) => ({ ...s, status: "counting" }));
    const timer = setTimeout(() => worker.current?.postMessage({ id, request }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [request]);

  return state;
}
