// Main process (simulator): deterministic unit-length embeddings in a WordNet concept space, so texts
// close in meaning are close even when they share no word, and shared words still count.
import { conceptLexicon, type ConceptLexicon, type ConceptVector } from "./conceptLexicon";
import type { WordPos } from "./morphy";
import { hashString } from "./random";
import { isStopword, words } from "./words";

/** Weight of a word's own form, of its concepts, and of a stopword's form (stopwords get no concepts). */
const LEXICAL = 0.7;
const CONCEPTUAL = 1.1;
const STOPWORD = 0.15;
const PHRASE_PART = 0.5;
/** Slots each feature is spread over. */
const SLOTS = 8;
const SLOTS_ROOT = Math.sqrt(SLOTS);
/** Multi-word lemmas ("time off", "carry forward") are tried up to this many words. */
const LONGEST_PHRASE = 3;

let featureCounts: Uint16Array | null = null;

/** Mixes an integer into a well-spread 32-bit hash (murmur3's finaliser). */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Adds `weight` spread over SLOTS hashed slots, each with a hashed sign, so unrelated features
 * cancel out on average and no single collision decides a similarity (the noise stays small).
 */
function addFeature(vector: Float64Array, hash: number, weight: number): void {
  const share = weight / SLOTS_ROOT;
  // Double hashing: slot k is h1 + k * h2, its sign one bit of h2 rotated, so one extra mix serves all slots.
  const h1 = hash & 0x7fffffff;
  const h2 = mix(hash ^ 0x5bd1e995);
  const step = (h2 | 1) & 0x7fffffff;
  for (let k = 0; k < SLOTS; k++) {
    const slot = (h1 + k * step) % vector.length;
    vector[slot] = (vector[slot] ?? 0) + ((h2 >>> k) & 1 ? -share : share);
  }
}

const featureHash = (id: number) => mix(id * 2 + 1);
const stringHash = (text: string) => mix(hashString(text, 0x9e3779b9) * 2);

/** A lemma's own form (lexical overlap) and its concepts, scaled by how specific the word is. */
function addLemma(vector: Float64Array, lexicon: ConceptLexicon, lemma: number, weight: number, concept: ConceptVector): void {
  const scale = weight * lexicon.weightOf(lemma);
  addFeature(vector, featureHash(lexicon.synsetCount + lemma), LEXICAL * scale);
  for (let i = 0; i < concept.ids.length; i++) addFeature(vector, featureHash(concept.ids[i] ?? 0), CONCEPTUAL * scale * (concept.weights[i] ?? 0));
}

const BEFORE_NOUN = new Set("a an the my your our their his her its this that these those of per each every no".split(" "));
const BEFORE_VERB = new Set("to i you we they can could will would must may might should please".split(" "));

/**
 * The part of speech the previous word suggests: after "the", a number or an adjective a noun
 * ("annual leave"), after "to", a pronoun or a modal a verb ("we leave"); null when it says nothing.
 */
function posCue(previous: string | undefined, lexicon: ConceptLexicon): WordPos | null {
  if (previous === undefined) return null;
  if (BEFORE_NOUN.has(previous) || /^\d/.test(previous)) return "n";
  if (BEFORE_VERB.has(previous)) return "v";
  const forms = lexicon.lemmasOf(previous);
  const first = forms[0];
  return first !== undefined && lexicon.hasPos(first, "a") && !lexicon.hasPos(first, "v") ? "n" : null;
}

/** Character trigrams of a word the lexicon does not know (a name, a code, a typo), sharing 0.3 among them. */
function addTrigrams(vector: Float64Array, word: string): void {
  const padded = `<${word}>`;
  const count = padded.length - 2;
  for (let j = 0; j < count; j++) addFeature(vector, stringHash(`c:${padded.slice(j, j + 3)}`), 0.3 / Math.sqrt(count));
}

/** The lemma id of the phrase starting at `i` ("carried forward" -> "carry forward"), trying the longest first. */
function phraseAt(list: readonly string[], i: number, lexicon: ConceptLexicon): { lemma: number; length: number } | null {
  const head = list[i] ?? "";
  const next = list[i + 1];
  if (next === undefined) return null;
  const firstForms = lexicon.lemmasOf(head);
  // A cheap filter first: is there any lemma starting with this word (or its base form) and the next word's first letters?
  const stem = ` ${next.slice(0, 3)}`;
  if (!lexicon.hasPrefix(head + stem) && !firstForms.some((f) => lexicon.hasPrefix(lexicon.nameOf(f) + stem))) return null;
  for (let length = Math.min(LONGEST_PHRASE, list.length - i); length >= 2; length--) {
    const parts = list.slice(i, i + length);
    const first = parts[0] ?? "";
    const last = parts[length - 1] ?? "";
    const middle = parts.slice(1, -1);
    // Inflection sits on the head word: the first of a verb phrase, the last of a noun phrase.
    const candidates = [parts.join(" ")];
    for (const form of firstForms) candidates.push([lexicon.nameOf(form), ...parts.slice(1)].join(" "));
    for (const form of lexicon.lemmasOf(last)) candidates.push([first, ...middle, lexicon.nameOf(form)].join(" "));
    for (const candidate of candidates) {
      const lemma = lexicon.idOf(candidate);
      if (lemma !== undefined) return { lemma, length };
    }
  }
  return null;
}

/**
 * Embeds a text: every word adds its own form (after morphy, so "kittens" counts as "kitten") and,
 * for words WordNet knows, its concepts (senses weighted by frequency, their hypernyms, related
 * concepts and definition words); multi-word lemmas add theirs too; unknown words add character
 * trigrams. Features are hashed into `dimensions` slots and the sum is normalised to length 1, so
 * the same text always gives the same vector and any width works.
 */
export function embedText(text: string, dimensions: number): Float32Array {
  const lexicon = conceptLexicon();
  const vector = new Float64Array(dimensions);
  const list = words(text);
  // First pass: forms of every word, and the lemmas whose concepts the text carries.
  const uses: { lemma: number; weight: number; prefer: WordPos | null }[] = [];
  // Words inside a multi-word lemma ("time off") mean the phrase: they keep their form, not their concepts.
  let phraseEnd = -1;
  list.forEach((word, i) => {
    if (isStopword(word)) {
      addFeature(vector, stringHash(`w:${word}`), STOPWORD);
      return;
    }
    const phrase = i > phraseEnd ? phraseAt(list, i, lexicon) : null;
    if (phrase) {
      uses.push({ lemma: phrase.lemma, weight: 1, prefer: null });
      phraseEnd = i + phrase.length - 1;
    }
    const lemmas = lexicon.lemmasOf(word);
    if (!lemmas.length) {
      addFeature(vector, stringHash(`w:${word}`), LEXICAL);
      addTrigrams(vector, word);
    } else if (i <= phraseEnd) {
      addFeature(vector, featureHash(lexicon.synsetCount + (lemmas[0] ?? 0)), LEXICAL * PHRASE_PART);
    } else {
      // An ambiguous form ("leaves": leaf or leave) shares its weight among its lemmas.
      const prefer = posCue(list[i - 1], lexicon);
      for (const lemma of lemmas) uses.push({ lemma, weight: 1 / lemmas.length, prefer });
    }
  });
  // Second pass: each word's senses lean towards the concepts the other words bring.
  // How many of the text's words bring each feature, in a reused typed array (cleared below).
  const counts = (featureCounts ??= new Uint16Array(lexicon.synsetCount + lexicon.lemmaCount));
  for (const use of uses) for (const id of lexicon.concept(use.lemma).ids) counts[id] = (counts[id] ?? 0) + 1;
  for (const use of uses) {
    const own = lexicon.conceptIds(use.lemma);
    const shared = (id: number) => (counts[id] ?? 0) > (own.has(id) ? 1 : 0);
    addLemma(vector, lexicon, use.lemma, use.weight, uses.length > 1 ? lexicon.conceptInContext(use.lemma, shared, use.prefer) : lexicon.concept(use.lemma));
  }
  for (const use of uses) for (const id of lexicon.concept(use.lemma).ids) counts[id] = 0;
  if (!list.length) for (const char of text.trim() || " ") addFeature(vector, stringHash(`x:${char}`), 1);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) norm += (vector[i] ?? 0) ** 2;
  norm = Math.sqrt(norm) || 1;
  const out = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) out[i] = (vector[i] ?? 0) / norm;
  return out;
}

/** A vector as base64 of little-endian float32 values, as the real service sends `encoding_format: "base64"`. */
export function toBase64(vector: Float32Array): string {
  const buffer = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => buffer.writeFloatLE(v, i * 4));
  return buffer.toString("base64");
}
