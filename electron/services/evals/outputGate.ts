// Main process: output moderation for evaluation answers, as the playground has it: an answer the
// check flags (or that cannot be checked) is withheld, its cell an error saying why, and the run
// record keeps the verdict (categories only).
import type { ChoiceResult } from "../../../shared/contract";
import { moderationRecordOf, type ModerationRecord, type ModerationVerdict } from "../../../shared/safety";
import { flaggedSummary, type LabelledText } from "../moderation";
import type { Connection } from "../openaiClient";

/** Moderates texts on a connection (the saved moderation model); throws when the check fails. */
export type OutputModerator = (connection: Connection, texts: readonly LabelledText[]) => Promise<ModerationVerdict>;

/** What the check decided: why the answer is withheld (null: shown), and what the record keeps. */
export interface OutputCheck {
  withheld: string | null;
  record: ModerationRecord;
}

/** Checks an answer's texts; null when it has no text to check. */
export async function checkOutput(moderate: OutputModerator, connection: Connection, choices: readonly ChoiceResult[]): Promise<OutputCheck | null> {
  const texts = choices.filter((c) => c.content.trim()).map((c) => ({ label: choices.length > 1 ? `answer, choice ${c.index + 1}` : "answer", text: c.content }));
  if (!texts.length) return null;
  try {
    const verdict = await moderate(connection, texts);
    return { withheld: verdict.flagged ? `Moderation flagged the answer (${flaggedSummary(verdict)}), so it is withheld.` : null, record: moderationRecordOf("output", verdict) };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { withheld: `The answer could not be moderated, so it is withheld: ${why}`, record: { stage: "output", model: "", flagged: false, categories: [], error: why } };
  }
}
