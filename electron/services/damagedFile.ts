// Main process: what a store does with one of its files that is damaged (cut short, not JSON, not
// valid): move it aside, never delete it, and say so, so the other files still load.
import { basename } from "node:path";
import { moveAside } from "./settingsStore";

/** Where a store reports a damaged file: the app's live notice list (shown in app.info). */
export interface DamageReport {
  notices?: string[];
  now?: () => Date;
}

/**
 * Moves a damaged file to `<name>.corrupt-<time>.json` beside it (which no store lists again) and
 * adds a notice. `what` names it for the user ("The experiment file", "The dataset file").
 * Returns the sentence, which the caller also puts in its answer.
 */
export function setDamagedFileAside(path: string, what: string, reason: string, report: DamageReport = {}): string {
  const target = moveAside(path, (report.now ?? (() => new Date()))());
  const sentence = `${what} ${basename(path)} was damaged (${reason.replace(/\.$/, "")}); it was moved to ${target}, and the others are unaffected.`;
  report.notices?.push(sentence);
  return sentence;
}
