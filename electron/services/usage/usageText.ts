// Main process: the message text a usage entry carries when text logging is on: what was asked and
// what came back, redacted with every built-in pattern (whatever the safety switches say) plus the
// user's own patterns, then scrubbed of every known secret. Nothing unredacted reaches the file.
import { MAX_LOGGED_TEXT, type UsageEntry } from "../../../shared/contracts/usage";
import { redactSecrets } from "../../../shared/redact";
import { createRedactionSession, defaultRedactionOptions, type CustomPattern } from "../../../shared/redaction";
import type { RunRecord } from "../../../shared/runRecord";

/** Cuts a text to the entry's limit, saying so. */
function capped(text: string): string {
  const mark = " [...cut]";
  return text.length <= MAX_LOGGED_TEXT ? text : `${text.slice(0, MAX_LOGGED_TEXT - mark.length)}${mark}`;
}

/**
 * The redacted text of a run for its usage entry. One redaction session covers input and output, so
 * a value seen in both gets the same placeholder. `custom` are the user's saved patterns.
 */
export function usageTextOf(
  texts: { input: string; output: string },
  options: { custom?: readonly CustomPattern[]; secrets: readonly string[] },
): NonNullable<UsageEntry["text"]> {
  // Logging is not sending: every group is on here, even when the user sends some values as they are.
  const session = createRedactionSession({ ...defaultRedactionOptions(), custom: options.custom ?? [] });
  const clean = (text: string) => capped(redactSecrets(session.redact(text), options.secrets));
  return { input: clean(texts.input), output: clean(texts.output) };
}

/** A chat run's input (each message as "role: text") and output (each choice's text or refusal). */
export function runTexts(record: RunRecord): { input: string; output: string } {
  const input = record.request.messages
    .map((m) => {
      const calls = m.role === "assistant" ? (m.tool_calls ?? []).map((c) => `${c.function.name}(${c.function.arguments})`).join(" ") : "";
      return `${m.role}: ${[m.content, calls].filter(Boolean).join(" ")}`;
    })
    .join("\n");
  const output = (record.result?.choices ?? []).map((c) => c.content || c.refusal || c.toolCalls.map((t) => `${t.name}(${t.arguments})`).join(" ")).join("\n---\n");
  return { input, output };
}
