// Main process: reading and writing one experiment file: the format check that refuses a newer
// file before reading it, validation naming the field, secrets scrubbed, atomic writes.
import { describeZodError } from "../../../shared/errors";
import { parseJsonWithin } from "../../../shared/jsonDepth";
import {
  EXPERIMENT_BUNDLE_FORMAT,
  EXPERIMENT_FORMAT,
  EXPERIMENT_FORMAT_VERSION,
  ExperimentBundle,
  ExperimentFile,
} from "../../../shared/experiments";
import { redactSecrets } from "../../../shared/redact";
import { DojoError } from "../../errors";

/** The error code of a file from a newer version: such a file is never moved aside, only refused. */
export const NEWER_FORMAT_CODE = "newer_format";

/** True when `err` refuses a file because a newer version wrote it (it is not damaged). */
export function isNewerFormatError(err: unknown): boolean {
  return err instanceof DojoError && err.error.code === NEWER_FORMAT_CODE;
}

/**
 * Checks the raw value's format marker and version before anything else is read, so a file from a
 * newer app is refused as a whole with a message saying so, never half-read.
 */
function checkFormat(raw: unknown, where: string): "file" | "bundle" {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new DojoError("invalid_input", `${where} is not an experiment: it is not a JSON object.`);
  const { format, formatVersion } = raw as { format?: unknown; formatVersion?: unknown };
  if (format !== EXPERIMENT_FORMAT && format !== EXPERIMENT_BUNDLE_FORMAT) {
    throw new DojoError("invalid_input", `${where} is not a Prompt Dojo experiment: format: expected "${EXPERIMENT_FORMAT}" or "${EXPERIMENT_BUNDLE_FORMAT}".`);
  }
  if (typeof formatVersion === "number" && formatVersion > EXPERIMENT_FORMAT_VERSION) {
    throw new DojoError(
      "invalid_input",
      `${where} was written by a newer version of Prompt Dojo (experiment format ${formatVersion}); this version reads format ${EXPERIMENT_FORMAT_VERSION} and older. Update the app to open it; nothing was imported.`,
      { code: NEWER_FORMAT_CODE },
    );
  }
  return format === EXPERIMENT_FORMAT ? "file" : "bundle";
}

/** Parses the text of an experiment file or bundle into experiments; throws DojoError naming the field. */
export function parseExperimentText(text: string, where = "The file"): ExperimentFile[] {
  let raw: unknown;
  try {
    raw = parseJsonWithin(text); // depth-limited: validating and writing it back recurse
  } catch (err) {
    throw new DojoError("invalid_input", `${where} is not valid JSON: ${err instanceof Error ? err.message : String(err)}.`);
  }
  const kind = checkFormat(raw, where);
  if (kind === "file") {
    const parsed = ExperimentFile.safeParse(raw);
    if (!parsed.success) throw new DojoError("invalid_input", `${where} is not a valid experiment: ${describeZodError(parsed.error)}`);
    return [parsed.data];
  }
  // A bundle's experiments are each checked for a newer format too, with their index in the message.
  const list = (raw as { experiments?: unknown }).experiments;
  if (Array.isArray(list)) list.forEach((item, i) => checkFormat(item, `${where} (experiments.${i})`));
  const parsed = ExperimentBundle.safeParse(raw);
  if (!parsed.success) throw new DojoError("invalid_input", `${where} is not a valid experiment bundle: ${describeZodError(parsed.error)}`);
  return parsed.data.experiments;
}

/**
 * The file's text: pretty-printed (it diffs line by line in git) with anything secret replaced.
 * A key pasted into a message or note must not reach the disk.
 */
export function experimentText(value: ExperimentFile | ExperimentBundle, secrets: readonly string[]): string {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  const scrubbed = redactSecrets(text, secrets);
  // Redaction only replaces key-shaped runs inside strings, so the JSON stays valid; check anyway.
  JSON.parse(scrubbed);
  return scrubbed;
}

/** Writes a file whole or not at all (see ../atomicFile); kept here for the stores that import it. */
export { writeAtomically } from "../atomicFile";
