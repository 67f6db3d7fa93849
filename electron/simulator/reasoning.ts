// Main process (simulator): the reasoning tokens a simulated reasoning model reports, shared by the
// Chat Completions and Responses doors so both APIs count them alike.

/**
 * Reasoning tokens per effort. Simulated figures, not measurements: they only grow with the
 * effort, as the reasoning guide says real ones do, and count against the output budget
 * (max_completion_tokens, max_output_tokens) as real reasoning tokens do.
 */
export const SIMULATED_REASONING_TOKENS: Readonly<Record<string, number>> = Object.freeze({
  none: 0,
  minimal: 16,
  low: 64,
  medium: 192,
  high: 512,
  xhigh: 1024,
  max: 2048,
});

/** The efforts the spec's ReasoningEffort names; medium is its default. */
export const REASONING_EFFORTS: readonly string[] = Object.keys(SIMULATED_REASONING_TOKENS);
export const DEFAULT_EFFORT = "medium";
