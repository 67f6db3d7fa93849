// Both processes: how large an import may be, in the contract's unit (characters) and the web
// door's (bytes), chosen so that any text the contract accepts also fits through the door.

/** The longest text an import channel accepts (an experiment bundle, a dataset file). */
export const MAX_IMPORT_CHARS = 20_000_000;

/**
 * The largest request body the web door reads for an import channel. JSON-encoded, a character
 * takes at most 3 bytes (UTF-8 of the BMP; an astral pair is 4 bytes for 2 characters; `"`, `\`,
 * newline and tab escape to 2), so MAX_IMPORT_CHARS fits with room for the rest of the call. Only
 * raw control characters (6-byte \u escapes) could exceed it, and text files do not carry them.
 */
export const MAX_IMPORT_BODY_BYTES = 64 * 1024 * 1024;

/** The channels that carry a whole file's text, and so get the larger body limit. */
export const IMPORT_CHANNELS: readonly string[] = ["experiments.import", "evals.datasets.import"];
