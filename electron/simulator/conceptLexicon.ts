// Main process (simulator): the WordNet concept lexicon shipped in data/concepts.json, unpacked on
// first use, answering "which concepts does this word stand for?" as weighted feature ids.
import { gunzipSync } from "node:zlib";
import artefact from "./data/concepts.json";
import { CONCEPT_FORMAT, POS_BITS } from "./conceptFormat";
import { baseForms, type WordPos } from "./morphy";

/** A sparse vector over concept features: parallel ids and weights, unit length. */
export interface ConceptVector {
  ids: Int32Array;
  weights: Float32Array;
}

/** How much of a concept its neighbours get: the concept itself 1, its hypernyms less, and so on. */
const MAX_FEATURES = 24;
/** How much each feature a sense shares with the rest of the text multiplies its weight (at most three count). */
const CONTEXT_BOOST = 1;
/** How much senses of the part of speech the neighbouring word implies count more. */
const POS_BOOST = 3;
const WEIGHT = { self: 1, hypernym: 0.6, hypernym2: 0.3, related: 0.45, gloss: 0.55, glossSense: 0.45 } as const;

/** The unpacked lexicon. Feature ids: synset i is i; lemma j is synsetCount + j. */
export interface ConceptLexicon {
  /** The id of a lemma spelt with spaces ("time off"), or undefined. */
  idOf(name: string): number | undefined;
  /** The lemma of an id, words joined by spaces ("time off"). */
  nameOf(lemma: number): string;
  synsetCount: number;
  /** How many lemmas there are (lemma feature ids run from synsetCount to synsetCount + lemmaCount). */
  lemmaCount: number;
  /** How much a lemma counts in a text, from 0.25 (as general as "time") to 1 (specific, "kitten"). */
  weightOf(lemma: number): number;
  /** True when the lemma has senses of this part of speech. */
  hasPos(lemma: number, pos: WordPos): boolean;
  /** True when `lemma` is listed for `pos` (the test morphy needs). */
  isLemma(lemma: string, pos: WordPos): boolean;
  /** The lemma ids a word stands for after morphy, most likely first; empty when unknown (cached). */
  lemmasOf(word: string): readonly number[];
  /** True when some lemma name starts with `prefix` ("carry f" for "carry forward"). */
  hasPrefix(prefix: string): boolean;
  /** The feature ids of concept(lemma), as a set (cached). */
  conceptIds(lemma: number): ReadonlySet<number>;
  /** The unit-length concept vector of a lemma id (cached). */
  concept(lemma: number): ConceptVector;
  /**
   * The concept vector with senses re-weighted by the text around the word: a sense whose own
   * features (`shared` says which) also come from other words counts more, a simplified Lesk, so
   * "leave" in "annual leave entitlement days" leans to leave of absence rather than departing.
   * Senses of the part of speech `prefer` (guessed from the word before) count more as well.
   */
  conceptInContext(lemma: number, shared: (feature: number) => boolean, prefer: WordPos | null): ConceptVector;
}

/** Reads the sections of the packed layout (conceptFormat.ts) in order, as typed arrays. */
class Sections {
  private at: number;
  constructor(private readonly bytes: Buffer, start: number) {
    this.at = start;
  }
  private take(): ArrayBuffer {
    const length = this.bytes.readUInt32LE(this.at);
    const start = this.at + 4;
    this.at += 4 + length + ((4 - (length % 4)) % 4);
    // A copy into a fresh buffer, so the typed array is aligned whatever the buffer's own offset is.
    const copy = new ArrayBuffer(length);
    new Uint8Array(copy).set(this.bytes.subarray(start, start + length));
    return copy;
  }
  u8(): Uint8Array {
    return new Uint8Array(this.take());
  }
  u32(): Uint32Array {
    return new Uint32Array(this.take());
  }
}

/** Start offsets from per-item counts: starts[i]..starts[i+1] are item i's entries. */
function startsOf(counts: Uint8Array): Uint32Array {
  const starts = new Uint32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) starts[i + 1] = (starts[i] ?? 0) + (counts[i] ?? 0);
  return starts;
}

function unpack(): ConceptLexicon {
  if (artefact.format !== CONCEPT_FORMAT) throw new Error(`concepts.json has format ${artefact.format}, expected ${CONCEPT_FORMAT}: run scripts/buildConcepts.ts`);
  const bytes = gunzipSync(Buffer.from(artefact.data, "base64"));
  const namesLength = bytes.readUInt32LE(0);
  const names = bytes.subarray(4, 4 + namesLength).toString("utf8").split("\n");
  // The names are sorted (by code unit), so a lookup is a binary search: no map of 130,000 keys to build.
  const lowerBound = (name: string) => {
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((names[mid] as string) < name) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const idOf = (name: string) => {
    const at = lowerBound(name);
    return names[at] === name ? at : undefined;
  };
  const read = new Sections(bytes, 4 + namesLength + ((4 - (namesLength % 4)) % 4));

  const posBits = read.u8();
  const idf = read.u8();
  const senseStart = startsOf(read.u8());
  const senseSynset = read.u32();
  const senseWeightBytes = read.u8();
  const senseWeight = Float32Array.from(senseWeightBytes, (w) => w / 255);
  const posCounts = read.u32();
  const hyperStart = startsOf(read.u8());
  const hyper = read.u32();
  const relStart = startsOf(read.u8());
  const rel = read.u32();
  const glossStart = startsOf(read.u8());
  const gloss = read.u32();
  const synsetCount = hyperStart.length - 1;
  // Synset ids run through adjectives, nouns, adverbs, verbs in that order.
  const posEnds: [WordPos, number][] = [];
  let end = 0;
  (["a", "n", "r", "v"] as const).forEach((pos, i) => posEnds.push([pos, (end += posCounts[i] ?? 0)]));
  const posOfSynset = (id: number): WordPos => posEnds.find(([, last]) => id < last)?.[0] ?? "n";

  const slice = (values: Uint32Array, starts: Uint32Array, i: number) => values.subarray(starts[i], starts[i + 1]);
  const cache = new Map<number, ConceptVector>();
  const formsCache = new Map<string, readonly number[]>();
  const isLemma = (lemma: string, pos: WordPos) => {
    const id = idOf(lemma);
    return id !== undefined && ((posBits[id] ?? 0) & POS_BITS[pos]) !== 0;
  };

  /** One sense of a lemma: its weight and its features (itself, hypernyms, related, definition words). */
  interface Sense {
    weight: number;
    pos: WordPos;
    ids: number[];
    values: number[];
  }
  const senseCache = new Map<number, Sense[]>();
  const contextCache = new Map<string, ConceptVector>();
  const idSets = new Map<number, Set<number>>();
  const sensesOf = (lemma: number): Sense[] => {
    const hit = senseCache.get(lemma);
    if (hit) return hit;
    const senses: Sense[] = [];
    for (let s = senseStart[lemma] ?? 0; s < (senseStart[lemma + 1] ?? 0); s++) {
      const synset = senseSynset[s] ?? 0;
      const sums = new Map<number, number>();
      const add = (id: number, w: number) => sums.set(id, (sums.get(id) ?? 0) + w);
      add(synset, WEIGHT.self);
      const hypernyms = slice(hyper, hyperStart, synset);
      for (const h of hypernyms) {
        add(h, WEIGHT.hypernym / hypernyms.length);
        const above = slice(hyper, hyperStart, h);
        for (const h2 of above) add(h2, WEIGHT.hypernym2 / hypernyms.length / above.length);
      }
      const related = slice(rel, relStart, synset);
      for (const r of related) add(r, WEIGHT.related / Math.sqrt(related.length));
      const words = slice(gloss, glossStart, synset);
      for (const g of words) {
        add(synsetCount + g, WEIGHT.gloss / Math.sqrt(words.length));
        // The definition word's main sense too: "young domestic cat" ties kitten to the concept cat, not only the word.
        const main = senseStart[g] !== senseStart[g + 1] ? senseSynset[senseStart[g] ?? 0] : undefined;
        if (main !== undefined) add(main, WEIGHT.glossSense / Math.sqrt(words.length));
      }
      senses.push({ weight: senseWeight[s] ?? 0, pos: posOfSynset(synset), ids: [...sums.keys()], values: [...sums.values()] });
    }
    senseCache.set(lemma, senses);
    return senses;
  };
  /** Sums the senses (each scaled by its factor), keeps the strongest features, normalises. */
  // Scratch sums indexed by feature id, reused by every compose (cleared through `touched`): no maps.
  const scratch = new Float64Array(synsetCount + names.length);
  const touched: number[] = [];
  const compose = (senses: readonly Sense[], factors?: readonly number[]): ConceptVector => {
    touched.length = 0;
    senses.forEach((sense, i) => {
      const w = sense.weight * (factors?.[i] ?? 1);
      for (let j = 0; j < sense.ids.length; j++) {
        const id = sense.ids[j] ?? 0;
        if (scratch[id] === 0) touched.push(id);
        scratch[id] = (scratch[id] ?? 0) + w * (sense.values[j] ?? 0);
      }
    });
    // The strongest features only: the long tail adds hash collisions more than meaning.
    const top = touched.sort((a, b) => (scratch[b] ?? 0) - (scratch[a] ?? 0) || a - b).slice(0, MAX_FEATURES);
    let norm = 0;
    for (const id of top) norm += (scratch[id] ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    const vector = { ids: Int32Array.from(top), weights: Float32Array.from(top, (id) => (scratch[id] ?? 0) / norm) };
    for (const id of touched) scratch[id] = 0;
    return vector;
  };
  const concept = (lemma: number): ConceptVector => {
    const hit = cache.get(lemma);
    if (hit) return hit;
    const vector = compose(sensesOf(lemma));
    cache.set(lemma, vector);
    return vector;
  };

  return {
    idOf,
    nameOf: (lemma) => names[lemma] ?? "",
    weightOf: (lemma) => (idf[lemma] ?? 255) / 255,
    hasPos: (lemma, pos) => ((posBits[lemma] ?? 0) & POS_BITS[pos]) !== 0,
    synsetCount,
    lemmaCount: names.length,
    isLemma,
    lemmasOf(word) {
      const hit = formsCache.get(word);
      if (hit) return hit;
      const ids: number[] = [];
      for (const form of baseForms(word, isLemma)) {
        const id = idOf(form.lemma);
        if (id !== undefined && !ids.includes(id)) ids.push(id);
      }
      // Bounded: a stream of made-up words must not grow the cache without end.
      if (formsCache.size > 200_000) formsCache.clear();
      formsCache.set(word, ids);
      return ids;
    },
    hasPrefix: (prefix) => names[lowerBound(prefix)]?.startsWith(prefix) ?? false,
    conceptIds(lemma) {
      let ids = idSets.get(lemma);
      if (!ids) idSets.set(lemma, (ids = new Set(concept(lemma).ids)));
      return ids;
    },
    concept,
    conceptInContext(lemma, shared, prefer) {
      const senses = sensesOf(lemma);
      if (senses.length < 2) return concept(lemma);
      const factors = senses.map((sense) => {
        let overlap = 0;
        for (const id of sense.ids) if (shared(id)) overlap++;
        return (1 + CONTEXT_BOOST * Math.min(overlap, 3)) * (prefer && sense.pos === prefer ? POS_BOOST : 1);
      });
      if (factors.every((f) => f === 1)) return concept(lemma);
      const key = `${lemma}:${factors.join(",")}`;
      const hit = contextCache.get(key);
      if (hit) return hit;
      const vector = compose(senses, factors);
      if (contextCache.size > 100_000) contextCache.clear();
      contextCache.set(key, vector);
      return vector;
    },
  };
}

let lexicon: ConceptLexicon | null = null;

/** True once the lexicon has been unpacked in this process (the bench reports cold and warm). */
export function isConceptLexiconLoaded(): boolean {
  return lexicon !== null;
}

/** The lexicon, unpacked on the first call (tens of milliseconds) and kept for the process. */
export function conceptLexicon(): ConceptLexicon {
  lexicon ??= unpack();
  return lexicon;
}
