// Renderer: keeps an editor's JSON text and a value in the store in step: valid text updates the
// value, and a value changed elsewhere (a form, a preset, the raw request) rewrites the text.
import { useState } from "react";

/** The text to show, a setter for typed text, and why the text was not taken (or null). */
export interface JsonTwin {
  text: string;
  setText(text: string): void;
  error: string | null;
}

/**
 * `accept` decides whether a parsed value may replace the stored one (for example "is an object").
 * While the text does not parse or is not accepted it stays as typed and the value keeps its last
 * good state. The text is rewritten only when `value` is not the one this editor produced.
 */
export function useJsonTwin<T>(value: T, onValue: (value: T) => void, accept: (parsed: unknown) => parsed is T): JsonTwin {
  const format = (v: T) => (v === undefined ? "" : JSON.stringify(v, null, 2));
  const [state, setState] = useState<{ text: string; source: T; error: string | null }>(() => ({ text: format(value), source: value, error: null }));
  if (state.source !== value) {
    // Derived-state update during render (React's documented pattern): the value came from elsewhere.
    setState({ text: format(value), source: value, error: null });
  }
  return {
    text: state.source !== value ? format(value) : state.text,
    error: state.error,
    setText(text) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        setState((s) => ({ ...s, text, error: `Not valid JSON yet: ${err instanceof Error ? err.message : String(err)}` }));
        return;
      }
      if (!accept(parsed)) {
        setState((s) => ({ ...s, text, error: "This is JSON, but not the kind of value expected here." }));
        return;
      }
      setState({ text, source: parsed, error: null });
      onValue(parsed);
    },
  };
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
