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

/**
 * The largest dataset, in bytes of its JSON as the Evals view sends it to `evals.datasets.save`
 * (the whole dataset, edited). Every dataset is saved through this one check, an import too, so
 * a dataset the app holds can always be saved again through the door; the MB it leaves below the
 * door's limit is for the rest of the call.
 */
export const MAX_DATASET_BYTES = MAX_IMPORT_BODY_BYTES - 1024 * 1024;

/**
 * Channels whose input is a whole dataset, file or corpus: the web door reads MAX_IMPORT_BODY_BYTES
 * for them. `embeddings.embed` holds at most MAX_IMPORT_CHARS characters of texts (embeddings.ts).
 */
export const LARGE_BODY_CHANNELS: readonly string[] = [...IMPORT_CHANNELS, "evals.datasets.save", "embeddings.embed"];
