// Main process (simulator) and the build script: the layout both sides of the concept lexicon agree on.

/** Version of electron/simulator/data/concepts.json's packed layout; bump it when the layout changes. */
export const CONCEPT_FORMAT = 2;

/**
 * The packed layout (gzip, then base64 in the JSON): u32 byte length of the lemma names, the names
 * (UTF-8, one per line, padded to 4 bytes), then sections, each a u32 byte length and its bytes
 * padded to 4, in this order (L lemmas, S senses, Y synsets):
 * posBits u8[L], idf u8[L], senseCount u8[L], senseSynset u32[S], senseWeight u8[S],
 * posCounts u32[4] (synsets per a, n, r, v), hyperCount u8[Y], hyper u32[], relCount u8[Y],
 * rel u32[], glossCount u8[Y], gloss u32[] (lemma ids).
 */

/** Bit per part of speech in a lemma's mask. */
export const POS_BITS = { n: 1, v: 2, a: 4, r: 8 } as const;
