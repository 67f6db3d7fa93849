// Main process (simulator): answers a grounded RAG prompt (shared/rag.ts's format) by extracting the
// passages' sentences that best cover the question, cited as [n], or says NOT FOUND. Labelled simulated.
import { ANSWERABLE_COVERAGE, NOT_FOUND, parseGroundedPrompt, questionCoverage } from "../../shared/rag";
import type { SimMessage } from "./chatParams";
import { sentences } from "./words";

const FOUND_CLOSING = "(Extracted by the Prompt Dojo simulator from the supplied passages; no model was involved.)";

/** How many sentences the extract holds at most. */
const MAX_SENTENCES = 2;

/**
 * The answer to a grounded prompt, or null when the last user message is not one. A passage can
 * answer when it holds at least half of the question's terms (the same estimate the RAG lab's
 * check uses); from each such passage the best-covering sentence is quoted with its citation.
 */
export function groundedAnswer(messages: readonly SimMessage[]): string | null {
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const prompt = lastUser ? parseGroundedPrompt(lastUser.content) : null;
  if (!prompt) return null;
  const candidates = prompt.passages
    .filter((p) => questionCoverage(prompt.question, p.text) >= ANSWERABLE_COVERAGE)
    .map((p) => {
      const best = sentences(p.text)
        .map((s, order) => ({ s, order, score: questionCoverage(prompt.question, s) }))
        .sort((a, b) => b.score - a.score || a.order - b.order)[0];
      return { n: p.n, sentence: best?.s ?? p.text, score: best?.score ?? 0 };
    })
    .sort((a, b) => b.score - a.score || a.n - b.n)
    .slice(0, MAX_SENTENCES);
  if (!candidates.length) {
    return (
      `${NOT_FOUND}. (Simulated: none of the ${prompt.passages.length} supplied passages holds at least half of the ` +
      "question's words, so the Prompt Dojo simulator reports it as absent; no model was involved.)"
    );
  }
  const quoted = candidates.map((c) => `${c.sentence.replace(/\s*\[\d+\]/g, "")} [${c.n}]`);
  return `Simulated grounded answer: ${quoted.join(" ")} ${FOUND_CLOSING}`;
}
