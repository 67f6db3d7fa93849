// Both processes: keyword search with BM25 (Robertson and Sparck Jones's ranking, as Lucene and
// Elasticsearch use it), to set beside semantic search: it matches words, not meanings.

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have how i if in into is it its " +
    "me my no not of on or our so than that the their them then there these they this those to us was we were " +
    "what when where which who why will with would you your"
  ).split(" "),
);

/**
 * The terms of a text: lower-case words of letters and digits, without common function words,
 * with a light plural/verb-ending strip ("embeddings" and "embedding" match; "running" and "run").
 */
export function terms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => !STOPWORDS.has(w)).map(stem);
}

/** A deliberately light stemmer: enough for plurals and -ing/-ed, never shorter than 3 letters. */
export function stem(word: string): string {
  const strip = (suffix: string, keep = 3): string | null =>
    word.endsWith(suffix) && word.length - suffix.length >= keep ? word.slice(0, -suffix.length) : null;
  const undouble = (w: string) => (/([^aeiouls])\1$/.test(w) ? w.slice(0, -1) : w);
  const ing = strip("ing");
  if (ing) return undouble(ing);
  const ed = strip("ed");
  if (ed) return undouble(ed);
  if (word.endsWith("ss") || word.endsWith("us")) return word;
  const ies = strip("ies", 2);
  if (ies) return `${ies}y`;
  return strip("s") ?? word;
}

/** BM25's two constants: term-frequency saturation and length normalisation (Lucene's defaults). */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** One keyword hit: the text's index, its BM25 score and the query terms it contains. */
export interface KeywordHit {
  index: number;
  score: number;
  matched: string[];
}

/** An index over a fixed list of texts. */
export interface KeywordIndex {
  /** How many texts are indexed. */
  readonly size: number;
  /** The inverse document frequency of a term (0 when no text holds it). */
  idf(term: string): number;
  /** The k best texts for a query, best first; texts sharing no term with it are left out. */
  search(query: string, k: number): KeywordHit[];
}

/** Builds a BM25 index: idf = ln(1 + (N - n + 0.5) / (n + 0.5)), the always-positive variant. */
export function createKeywordIndex(texts: readonly string[]): KeywordIndex {
  const postings = new Map<string, { doc: number; tf: number }[]>();
  const lengths = new Float64Array(texts.length);
  texts.forEach((text, doc) => {
    const counts = new Map<string, number>();
    const list = terms(text);
    lengths[doc] = list.length;
    for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, tf] of counts) {
      const entries = postings.get(t) ?? [];
      entries.push({ doc, tf });
      postings.set(t, entries);
    }
  });
  const total = texts.length;
  const averageLength = total ? lengths.reduce((a, b) => a + b, 0) / total || 1 : 1;
  const idf = (term: string): number => {
    const n = postings.get(term)?.length ?? 0;
    return n === 0 ? 0 : Math.log(1 + (total - n + 0.5) / (n + 0.5));
  };

  return {
    size: total,
    idf,
    search(query, k) {
      const scores = new Map<number, { score: number; matched: Set<string> }>();
      for (const term of new Set(terms(query))) {
        const weight = idf(term);
        for (const { doc, tf } of postings.get(term) ?? []) {
          const norm = BM25_K1 * (1 - BM25_B + (BM25_B * lengths[doc]!) / averageLength);
          const entry = scores.get(doc) ?? { score: 0, matched: new Set<string>() };
          entry.score += (weight * tf * (BM25_K1 + 1)) / (tf + norm);
          entry.matched.add(term);
          scores.set(doc, entry);
        }
      }
      return [...scores]
        .map(([index, { score, matched }]) => ({ index, score, matched: [...matched] }))
        .sort((a, b) => b.score - a.score || a.index - b.index)
        .slice(0, Math.max(0, k));
    },
  };
}
